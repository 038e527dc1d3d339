import LDFCore
import LDFSpectral

/// One window of a stream, taken and waiting for its band analysis (`run`). Everything that
/// depends on the stream so far is already in it, so windows can be analysed on several threads
/// and their results still equal the sequential ones (docs/METHODS.md §13).
public struct StreamWindowJob: Sendable {
    public let index: Int
    public let startSeconds: Double
    public let endSeconds: Double
    let values: [Double]
    /// Gap, bridged and saturated counts; the artifact fraction is set by `run`.
    let quality: WindowQuality
    /// Share of the finite samples the stream's artifact detector flagged, each judged once with
    /// the samples before it; nil when the analysis runs a Hampel filter, which then says.
    let detectedArtifactFraction: Double?
    let isFinal: Bool
    let sampleRateHz: Double
    let settings: StreamWindowSettings
    let detector: HampelFilter
    let channelName: String
    let channelUnit: String

    /// The band analysis of the window, as `ldf bands` gives it for the same stretch.
    public func run() -> StreamWindowResult {
        var provenance = Provenance(source: "-", reader: "stream")
        provenance.gaps = []
        let recording = Recording(channels: [Channel(name: channelName, unit: channelUnit, kind: .perfusion, values: values)],
                                  sampleRateHz: sampleRateHz, provenance: provenance)
        var analysis: BandAnalysis?
        var error: String?
        do {
            analysis = try BandAnalysis(recording: recording, settings: settings.analysis)
        } catch let failure as LDFError {
            error = failure.message
        } catch {
            preconditionFailure("BandAnalysis throws only LDFError, got \(error)")
        }
        var quality = quality
        quality.artifactFraction = analysis?.hampel.map { $0.replacedPercent / 100 } ?? detectedArtifactFraction ?? windowArtifactFraction()
        return StreamWindowResult(index: index, startSeconds: startSeconds, endSeconds: endSeconds, analysis: analysis,
                                  error: error, quality: quality, perfusion: SummaryStatistics(values), isFinal: isFinal)
    }

    /// The detector's share over this window alone: for a window whose Hampel analysis failed.
    func windowArtifactFraction() -> Double {
        var verdict = [Bool](repeating: false, count: values.count)
        for i in detector.apply(values, sampleRateHz: sampleRateHz).replacedIndices { verdict[i] = true }
        return Self.flaggedFraction(values, verdict[...])
    }

    /// Flagged finite samples over finite samples (0 when none is finite).
    static func flaggedFraction(_ values: [Double], _ flags: some Sequence<Bool>) -> Double {
        let finite = values.reduce(0) { $0 + ($1.isFinite ? 1 : 0) }
        let flagged = zip(values, flags).reduce(0) { $0 + ($1.0.isFinite && $1.1 ? 1 : 0) }
        return finite == 0 ? 0 : Double(flagged) / Double(finite)
    }
}
