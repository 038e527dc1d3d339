import LDFCore

extension OcclusionDetector {
    /// Length of the blocks the coarse detection series averages, in seconds.
    static let fluxBlockSeconds = 0.5

    /// Finds occlusions from the flux alone, using only the recording's own levels and shape (no
    /// PU thresholds), so it works at any site and for several occlusions:
    ///
    /// 1. Average the flux in 0.5 s blocks. The recording's lowest level (floor) is the 1st
    ///    percentile of the blocks; each block's reference is the median of the minute before it
    ///    (ending 3 s earlier). Local references work whether occlusions, rest or a large
    ///    hyperaemia fill most of the recording, and for several occlusions at different levels.
    /// 2. Candidates are stretches below floor + 30% of (reference - floor), ending when the flux is
    ///    back above floor + 50% of (reference at the start - floor) (hysteresis), lasting at least
    ///    `minimumSeconds`.
    /// 3. A candidate is an occlusion when its second half is a plateau (robust SD below 15% of the
    ///    fall), the fall from the preceding minute is at least 5 robust SDs of that minute and 30%
    ///    of its level, and the flux rises back at least halfway to the rest level within 60 s.
    /// 4. Edges are refined on a 0.5 s moving mean at full rate: the 15% and 50% crossings of the
    ///    fall (or rise) are extrapolated linearly back to 0%, which finds the onset of an
    ///    exponential fall or a fast rise within a fraction of a second.
    ///
    /// Methods: docs/METHODS.md §7.2.
    static func fluxTimings(in recording: Recording, minimumSeconds: Double) throws -> OcclusionSearch {
        let rate = recording.sampleRateHz
        let flux = recording.perfusion.values
        let source = recording.provenance.source
        let blockLength = max(1, Int((fluxBlockSeconds * rate).rounded()))
        let dt = Double(blockLength) / rate
        let coarse = MovingMean.blocks(flux, length: blockLength)
        let sorted = coarse.filter(\.isFinite).sorted()
        guard sorted.count >= Int(2 * minimumSeconds / dt) else {
            throw LDFError(source, "no occlusion found: the recording has only \(rounded(Double(sorted.count) * dt)) s of valid flux, "
                           + "less than twice the \(minimumSeconds) s minimum occlusion",
                           fix: "a PORH recording needs rest, an occlusion of 1-5 min and the recovery")
        }
        let floor = sorted[sorted.count / 100]
        let median = Statistics.median(sorted: sorted)
        let lookedFor = "a fall to a low plateau near the recording's lowest level (\(rounded(floor)) \(recording.perfusion.unit), "
            + "the 1st percentile of 0.5 s means): below that level plus 30% of the way to the median of the preceding minute, "
            + "lasting at least \(minimumSeconds) s, then a sharp rise"
        guard median > floor else {
            throw LDFError(source, "no occlusion found: looked for \(lookedFor); the flux is flat", fix: fixText)
        }
        let ceiling = sorted[sorted.count * 99 / 100]
        let minuteBlocks = Int(60 / dt), gapBlocks = Int(3 / dt)
        func precedingMinute(_ k: Int) -> Double? {
            let window = coarse[max(0, k - minuteBlocks)..<max(0, k - gapBlocks)].filter(\.isFinite)
            return window.count >= 4 ? Statistics.median(window) : nil
        }

        // Candidate low stretches, in blocks; missing blocks continue the current state.
        var runs: [Range<Int>] = []
        var runStart: Int?
        var runReference = 0.0
        for k in coarse.indices where coarse[k].isFinite {
            if let s = runStart {
                if coarse[k] > floor + 0.5 * (runReference - floor) { runs.append(s..<k); runStart = nil }
            } else if coarse[k] < floor + 0.3 * (ceiling - floor), let reference = precedingMinute(k),
                      coarse[k] < floor + 0.3 * (reference - floor) {
                runStart = k
                runReference = reference
            }
        }
        let endsLow = runStart.map { $0..<coarse.count }

        var timings: [OcclusionTiming] = []
        var rejected: [String] = []
        let smooth = MovingMean.centred(flux, halfWidth: MovingMean.halfWidth(seconds: 0.5, rateHz: rate))
        for run in runs + (endsLow.map { [$0] } ?? []) {
            let t0 = Double(run.lowerBound) * dt, t1 = Double(run.upperBound) * dt
            let plateauBlocks = coarse[(run.lowerBound + run.count / 2)..<run.upperBound].filter(\.isFinite)
            let restBlocks = coarse[max(0, run.lowerBound - Int(60 / dt))..<max(0, run.lowerBound - Int(3 / dt))].filter(\.isFinite)
            guard t1 - t0 >= minimumSeconds else {
                rejected.append("a dip of \(rounded(t1 - t0)) s at \(rounded(t0)) s (shorter than \(minimumSeconds) s)")
                continue
            }
            guard !plateauBlocks.isEmpty, restBlocks.count >= 4 else {
                rejected.append("a low stretch at \(rounded(t0)) s with no rest before it")
                continue
            }
            let plateau = Statistics.median(plateauBlocks), rest = Statistics.median(restBlocks)
            let fall = rest - plateau
            let restSpread = robustSD(restBlocks), plateauSpread = robustSD(plateauBlocks)
            guard fall > 5 * restSpread, fall > 0.3 * abs(rest), plateauSpread < 0.15 * fall else {
                rejected.append("a low stretch at \(rounded(t0))-\(rounded(t1)) s that is not a clear plateau "
                                + "(fall \(rounded(fall)) from \(rounded(rest)), spread \(rounded(plateauSpread)))")
                continue
            }
            if run == endsLow {
                let message = "the recording ends during the occlusion: the flux falls to a plateau at \(rounded(t0)) s "
                    + "and stays there until the end (\(rounded(recording.durationSeconds)) s)"
                if timings.isEmpty { throw LDFError(source, message, fix: "analyse a recording that includes the release and recovery") }
                rejected.append(message)
                continue
            }
            let startIndex = edgeOnset(smooth, near: run.lowerBound * blockLength, from: rest, to: plateau, rate: rate)
            let releaseIndex = edgeOnset(smooth, near: run.upperBound * blockLength, from: plateau, to: rest, rate: rate)
            guard let start = startIndex, let release = releaseIndex, release - start >= minimumSeconds else {
                rejected.append("a low stretch at \(rounded(t0))-\(rounded(t1)) s whose edges could not be located")
                continue
            }
            timings.append(OcclusionTiming(startSeconds: start, releaseSeconds: release, source: .flux,
                                           detail: "flux fell from \(rounded(rest)) to a plateau at \(rounded(plateau)) "
                                           + "and rose again (onsets of the fall and rise)"))
        }
        guard !timings.isEmpty else {
            let listed = rejected.prefix(5).joined(separator: "; ")
            let shown = rejected.isEmpty ? "no stretch stayed that low"
                : listed + (rejected.count > 5 ? "; and \(rejected.count - 5) more such stretches" : "")
            throw LDFError(source, "no occlusion found: looked for \(lookedFor); the signal showed \(shown)", fix: fixText)
        }
        let notes = rejected.map { Diagnostic.info("flux_candidate_rejected", "not an occlusion: \($0)") }
        return OcclusionSearch(timings: timings, diagnostics: notes)
    }

    private static let fixText = "give the occlusion with --occlusion START-END, or use a file with events or a cuff-pressure channel"

    /// Robust standard deviation: 1.4826 times the median absolute deviation.
    static func robustSD(_ values: [Double]) -> Double {
        let m = Statistics.median(values)
        return 1.4826 * Statistics.median(values.map { abs($0 - m) })
    }

    /// Onset time in seconds of the edge from level `from` to level `to` nearest sample `index`:
    /// finds the 50% crossing within 10 s of `index`, walks back to the last sample still within
    /// 15% of `from`, and extrapolates the 15%-50% line back to 0%.
    static func edgeOnset(_ x: [Double], near index: Int, from: Double, to: Double, rate: Double) -> Double? {
        let step = to - from
        func progress(_ i: Int) -> Double { (x[i] - from) / step }
        let window = Int(10 * rate)
        let lo = max(1, index - window), hi = min(x.count, index + window)
        guard lo < hi, let mid = (lo..<hi).first(where: { x[$0].isFinite && progress($0) >= 0.5 }) else { return nil }
        var i = mid
        while i > max(1, mid - 2 * window), !(x[i - 1].isFinite && progress(i - 1) < 0.15) { i -= 1 }
        guard i > 1 else { return nil }
        let t15 = crossing(x, before: i, level: from + 0.15 * step, rate: rate)
        let t50 = crossing(x, before: mid, level: from + 0.5 * step, rate: rate)
        return max(0, t15 - (t50 - t15) * 0.15 / 0.35)
    }
}
