/// The pace of a study run so far, for a progress display: recordings analysed per second and
/// the time the rest should take at that pace.
///
/// Cache hits are left out of the rate, since they cost next to nothing: a resumed run whose
/// first rows come from the cache would otherwise promise an ETA it cannot keep. Failed rows
/// count, since reading a bad file takes time too. The estimate assumes the remaining rows are
/// analysed, not read from the cache, so it errs long on a partly cached run.
public struct StudyPace: Sendable, Equatable {
    /// Recordings analysed per second of wall time; nil until one has been analysed.
    public var perSecond: Double?
    /// Seconds the remaining recordings should take; 0 when all are done, nil while the rate
    /// is unknown.
    public var remainingSeconds: Double?

    /// - Parameters:
    ///   - progress: the run's counts after the latest recording.
    ///   - elapsedSeconds: wall time since the run started (s).
    public init(progress: StudyProgress, elapsedSeconds: Double) {
        let remaining = max(progress.total - progress.completed, 0)
        let analysed = progress.completed - progress.cached
        if analysed > 0, elapsedSeconds > 0 {
            let rate = Double(analysed) / elapsedSeconds
            perSecond = rate
            remainingSeconds = Double(remaining) / rate
        } else {
            perSecond = nil
            remainingSeconds = remaining == 0 ? 0 : nil
        }
    }
}
