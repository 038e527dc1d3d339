import LDFCore

extension OcclusionDetector {
    /// A flux detection and a marked occlusion are the same occlusion when their starts and their
    /// releases are each within this many seconds.
    static let agreementSeconds = 10.0

    /// Marked occlusions win; a flux detection of the same occlusion (start and release each within
    /// `agreementSeconds`) is reported once, from the marks, with a note of the agreement; a
    /// detection that overlaps no marked occlusion is added (source `flux`, noted); one that
    /// overlaps a marked occlusion but disagrees on its edges is dropped with a warning. Marks the
    /// flux contradicts are used, with a warning (`markContradictions`).
    static func merged(marked: OcclusionSearch, detected: OcclusionSearch?, in recording: Recording) -> OcclusionSearch {
        var timings = marked.timings
        var notes = marked.diagnostics + markContradictions(marked.timings, in: recording)
        func shown(_ t: Double) -> Double { rounded(recording.fileTime(t)) }
        for found in detected?.timings ?? [] {
            let overlapping = marked.timings.filter { $0.startSeconds < found.releaseSeconds && found.startSeconds < $0.releaseSeconds }
            if let same = overlapping.first(where: {
                abs($0.startSeconds - found.startSeconds) <= agreementSeconds && abs($0.releaseSeconds - found.releaseSeconds) <= agreementSeconds
            }) {
                notes.append(.info("flux_agrees_with_marks", "the flux shows the marked occlusion at \(shown(same.startSeconds))-"
                                   + "\(shown(same.releaseSeconds)) s (detected \(shown(found.startSeconds))-\(shown(found.releaseSeconds)) s); "
                                   + "reported once, timed by the marks"))
            } else if let other = overlapping.first {
                notes.append(.warning("flux_disagrees_with_marks", "the flux shows an occlusion at \(shown(found.startSeconds))-"
                                      + "\(shown(found.releaseSeconds)) s where the marks say \(shown(other.startSeconds))-"
                                      + "\(shown(other.releaseSeconds)) s; the marks are used"))
            } else {
                timings.append(found)
                notes.append(.info("flux_without_marks", "an occlusion at \(shown(found.startSeconds))-\(shown(found.releaseSeconds)) s "
                                   + "has no marks; added from the flux (confidence \(found.confidence ?? 0))"))
            }
        }
        return OcclusionSearch(timings: timings.sorted { $0.startSeconds < $1.startSeconds }, diagnostics: notes)
    }

    /// Warnings for marked occlusions the flux contradicts: no fall of 20% or more between the
    /// marks (median from 5 s after the start to 2 s before the release against the 20 s before
    /// the start), or a release marked while the flux stays low (the median of the 20 s after it
    /// is below halfway back to the level before).
    static func markContradictions(_ timings: [OcclusionTiming], in recording: Recording) -> [Diagnostic] {
        let flux = recording.perfusion.values, rate = recording.sampleRateHz
        func median(_ from: Double, _ to: Double) -> Double {
            RunningMedian.median(flux, Int((from * rate).rounded())..<Int((to * rate).rounded()), minimumCount: max(2, Int(rate)))
        }
        func shown(_ t: Double) -> Double { rounded(recording.fileTime(t)) }
        var notes: [Diagnostic] = []
        for t in timings where t.durationSeconds > 10 {
            let before = median(t.startSeconds - 20, t.startSeconds - 1)
            let during = median(t.startSeconds + 5, t.releaseSeconds - 2)
            let after = median(t.releaseSeconds + 2, t.releaseSeconds + 20)
            guard before.isFinite, during.isFinite else { continue }
            if during > 0.8 * before {
                notes.append(.warning("marks_contradict_flux", "the marks say occlusion at \(shown(t.startSeconds))-\(shown(t.releaseSeconds)) s "
                                      + "but the flux does not fall (median \(rounded(during)) against \(rounded(before)) before); the marks are used"))
            } else if after.isFinite, after < (before + during) / 2 {
                notes.append(.warning("marks_contradict_flux", "release marked at \(shown(t.releaseSeconds)) s but the flux stays low "
                                      + "(median \(rounded(after)) in the 20 s after, \(rounded(during)) during, \(rounded(before)) before); "
                                      + "the marks are used"))
            }
        }
        return notes
    }
}
