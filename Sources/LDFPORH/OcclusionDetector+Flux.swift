import Foundation
import LDFCore

extension OcclusionDetector {
    /// Finds occlusions from the flux alone as level changes, judged only against the recording's
    /// own local levels (no PU thresholds), so it works at any site, with a biological zero well
    /// above zero, noisy plateaus, and several occlusions with short recoveries between them:
    ///
    /// 1. Edges: on 0.5 s block means (shifted up when the 1st percentile is negative, an instrument
    ///    offset), the log ratio of the median of the next 8 s to the median of the previous 8 s.
    ///    A stretch where the ratio stays below 0.6 is a sharp fall (its extreme is the edge);
    ///    above 1/0.6 a sharp rise. Medians over 16 blocks ignore sub-second dips and spikes.
    /// 2. Candidates: each fall with the first rise after it (falls inside an accepted occlusion
    ///    are skipped). The rest level R is the median of the 20 s before the fall; the plateau P
    ///    the median from 4 s after the fall to 2 s before the rise.
    /// 3. A candidate is an occlusion when it lasts at least `minimumSeconds`, is not a probe-off
    ///    (half of its samples exactly zero, or missing), P is at most 0.6 R (a fall of 40% or
    ///    more, a partial fall allowed), R - P is at least 3 robust SDs of the plateau blocks, and
    ///    80% of its 2.5 s running medians stay below the midpoint (R + P)/2 (sustained).
    ///    Otherwise the reason is kept and reported.
    /// 4. Edges are refined on a 0.5 s running median of 0.1 s block means (short spikes
    ///    removed, edges kept): the first 50% crossing between the levels that holds for 2 s, then
    ///    the 15% crossing before it, extrapolated linearly back to 0% (the onset of an exponential
    ///    fall or a fast rise within a fraction of a second).
    ///
    /// Each occlusion carries a confidence (`FluxOcclusionCandidate.confidence`).
    ///
    /// Methods: docs/METHODS.md §7.2.
    static func fluxTimings(in recording: Recording, minimumSeconds: Double) throws -> OcclusionSearch {
        let source = recording.provenance.source
        let detector = LevelChangeDetector(flux: recording.perfusion.values, rateHz: recording.sampleRateHz,
                                           timeOrigin: recording.timeOriginSeconds)
        let validSeconds = Double(detector.validBlockCount) * LevelChangeDetector.blockSeconds
        guard validSeconds >= 2 * minimumSeconds else {
            throw LDFError(source, "no occlusion found: the recording has only \(rounded(validSeconds)) s of valid flux, "
                           + "less than twice the \(minimumSeconds) s minimum occlusion",
                           fix: "a PORH recording needs rest, an occlusion of 1-5 min and the recovery")
        }
        let lookedFor = "a sharp fall of at least 40% from the local level (median of the 8 s after against the 8 s before), "
            + "a low stretch of at least \(minimumSeconds) s staying below halfway back, then a sharp rise"
        let outcome = detector.search(minimumSeconds: minimumSeconds)
        if outcome.timings.isEmpty, let ending = outcome.endsLow {
            throw LDFError(source, ending, fix: "analyse a recording that includes the release and recovery")
        }
        guard !outcome.timings.isEmpty else {
            let rejected = outcome.rejected
            let listed = rejected.prefix(5).joined(separator: "; ")
            let shown = rejected.isEmpty ? "no sharp fall of 40% or more"
                : listed + (rejected.count > 5 ? "; and \(rejected.count - 5) more such stretches" : "")
            throw LDFError(source, "no occlusion found: looked for \(lookedFor); the signal showed \(shown)", fix: fixText)
        }
        var notes = outcome.rejected.map { Diagnostic.info("flux_candidate_rejected", "not an occlusion: \($0)") }
        if let ending = outcome.endsLow { notes.append(.warning("ends_during_occlusion", ending)) }
        return OcclusionSearch(timings: outcome.timings, diagnostics: notes)
    }

    private static let fixText = "give the occlusion with \(parameter: "occlusion") START-END, or use a file with events or a cuff-pressure channel"

    /// Robust standard deviation: 1.4826 times the median absolute deviation.
    static func robustSD(_ values: [Double]) -> Double {
        let m = Statistics.median(values)
        return 1.4826 * Statistics.median(values.map { abs($0 - m) })
    }
}
