import Foundation
import LDFCore

/// One occlusion candidate seen in the flux, with the levels it was judged by.
struct FluxOcclusionCandidate {
    /// Rest level R before the fall and plateau level P, in the flux's unit (offset removed).
    var rest: Double
    var plateau: Double
    /// Robust SD of the plateau's 0.5 s blocks.
    var plateauSpread: Double
    /// Share of the plateau's 2.5 s running medians below (R + P)/2.
    var sustainedShare: Double
    /// Log ratios of the fall and rise edges (negative, positive).
    var fallLogRatio: Double
    var riseLogRatio: Double

    /// How clearly the flux shows an occlusion, 0-1: the mean of four scores, each capped at 1 —
    /// depth (1 - P/R)/0.7, contrast (R - P)/(8 plateau SDs), the sustained share, and the edge
    /// sharpness (mean over fall and rise of |log ratio|/ln(1/0.3)). A clean occlusion to a
    /// near-zero plateau scores 1; a partial fall to 45% of rest with a noisy plateau about 0.8;
    /// candidates at the acceptance limits about 0.6.
    var confidence: Double {
        let depth = min(1, (1 - plateau / rest) / 0.7)
        let contrast = plateauSpread > 0 ? min(1, (rest - plateau) / (8 * plateauSpread)) : 1
        let edges = (min(1, -fallLogRatio / log(1 / 0.3)) + min(1, riseLogRatio / log(1 / 0.3))) / 2
        return ((depth + contrast + sustainedShare + edges) / 4 * 100).rounded() / 100
    }
}

/// The flux-only occlusion search of `OcclusionDetector.fluxTimings` (its documentation gives
/// the rules; docs/METHODS.md §7.2); all levels are relative, all times in seconds from the first
/// sample (messages show them on the file's axis).
struct LevelChangeDetector {
    static let blockSeconds = 0.5
    /// Length of the medians compared on either side of a point.
    static let edgeWindowSeconds = 8.0
    /// After/before ratio of a sharp fall (its inverse: a sharp rise), and the deepest plateau
    /// share of rest an occlusion may have.
    static let fallRatio = 0.6
    /// Share of the plateau that must stay below halfway back to rest.
    static let sustainedShare = 0.8
    /// Robust SDs of the quieter side an edge's step must reach.
    static let edgeContrast = 3.0
    /// Share of the recording's median level an edge's step must reach.
    static let minimumStepShare = 0.3

    let flux: [Double]
    let rateHz: Double
    /// 0.5 s block means, shifted by `offset` so the 1st percentile is not negative.
    let blocks: [Double]
    let blockLength: Int
    let offset: Double
    /// File time of the first sample: times in messages are on the file's axis.
    let timeOrigin: Double

    init(flux: [Double], rateHz: Double, timeOrigin: Double = 0) {
        self.flux = flux
        self.rateHz = rateHz
        self.timeOrigin = timeOrigin
        blockLength = max(1, Int((Self.blockSeconds * rateHz).rounded()))
        let raw = MovingMean.blocks(flux, length: max(1, Int((Self.blockSeconds * rateHz).rounded())))
        let sorted = raw.filter(\.isFinite).sorted()
        let shift = sorted.isEmpty ? 0 : max(0, -sorted[sorted.count / 100])
        offset = shift
        blocks = raw.map { $0 + shift }
    }

    var validBlockCount: Int { blocks.count { $0.isFinite } }
    private var dt: Double { Double(blockLength) / rateHz }
    private func blocks(_ seconds: Double) -> Int { Int((seconds / dt).rounded()) }
    private func time(_ block: Int) -> Double { Double(block) * dt }
    private func r(_ x: Double) -> Double { OcclusionDetector.rounded(x) }
    /// A time in seconds from the first sample, as shown: on the file's axis, rounded.
    private func at(_ seconds: Double) -> Double { r(seconds + timeOrigin) }

    struct Edge {
        var block: Int
        var logRatio: Double
        var isFall: Bool { logRatio < 0 }
    }

    /// Sharp falls and rises, in time order. A point is on an edge when the median of the next
    /// 8 s is below 0.6 times (or above 1/0.6 times) the median of the previous 8 s, and the
    /// difference is at least `edgeContrast` robust SDs of the quieter side and `minimumStepShare`
    /// of the recording's median block, so a plateau whose noise is large against its own level
    /// does not make edges.
    func edges() -> [Edge] {
        let w = blocks(Self.edgeWindowSeconds)
        let typical = Statistics.median(blocks)
        let positive = max(1e-9, 0.01 * typical)
        let limit = log(1 / Self.fallRatio)
        let ratios = blocks.indices.map { k -> Double in
            let before = RunningMedian.median(blocks, (k - w)..<k, minimumCount: w / 2)
            let after = RunningMedian.median(blocks, k..<(k + w), minimumCount: w / 2)
            let ratio = log(max(after, positive) / max(before, positive))
            guard abs(ratio) > limit else { return ratio }
            let spread = min(robustSD(max(0, k - w)..<k), robustSD(k..<min(blocks.count, k + w)))
            let step = abs(after - before)
            return step >= Self.edgeContrast * spread && step >= Self.minimumStepShare * typical ? ratio : 0
        }
        var found: [Edge] = []
        var k = 0
        while k < ratios.count {
            guard ratios[k].isFinite, abs(ratios[k]) > limit else { k += 1; continue }
            let sign = ratios[k] < 0 ? -1.0 : 1.0
            var best = k
            while k < ratios.count, ratios[k].isFinite, sign * ratios[k] > limit {
                if sign * ratios[k] > sign * ratios[best] { best = k }
                k += 1
            }
            found.append(Edge(block: best, logRatio: ratios[best]))
        }
        return found
    }

    struct Outcome {
        var timings: [OcclusionTiming] = []
        var rejected: [String] = []
        /// Set when the flux falls and stays low to the end.
        var endsLow: String?
    }

    func search(minimumSeconds: Double) -> Outcome {
        var outcome = Outcome()
        let edges = edges()
        var acceptedUntil = -1
        for (i, fall) in edges.enumerated() where fall.isFall && fall.block > acceptedUntil {
            let t0 = time(fall.block)
            guard let rise = edges[(i + 1)...].first(where: { !$0.isFall }) else {
                judgeEnding(after: fall, minimumSeconds: minimumSeconds, into: &outcome)
                break
            }
            switch judge(fall: fall, rise: rise, minimumSeconds: minimumSeconds) {
            case .rejected(let reason):
                outcome.rejected.append(reason)
            case .accepted(let candidate):
                guard let timing = refinedTiming(fall: fall, rise: rise, candidate: candidate),
                      timing.durationSeconds >= minimumSeconds else {
                    outcome.rejected.append("a low stretch at \(at(t0))-\(at(time(rise.block))) s whose edges could not be located")
                    continue
                }
                outcome.timings.append(timing)
                acceptedUntil = rise.block
            }
        }
        outcome.rejected += missingStretches(minimumSeconds: minimumSeconds)
        return outcome
    }

    enum Judgement {
        case accepted(FluxOcclusionCandidate)
        case rejected(String)
    }

    /// Robust SD of the finite blocks in `range`.
    private func robustSD(_ range: Range<Int>) -> Double {
        let values = blocks[range].filter(\.isFinite)
        return values.count >= 3 ? OcclusionDetector.robustSD(Array(values)) : 0
    }

    /// Applies the acceptance rules to the stretch between a fall and the next rise.
    func judge(fall: Edge, rise: Edge, minimumSeconds: Double) -> Judgement {
        let t0 = time(fall.block), t1 = time(rise.block)
        let span = "\(at(t0))-\(at(t1)) s"
        guard t1 - t0 >= minimumSeconds else {
            return .rejected("a dip of \(r(t1 - t0)) s at \(at(t0)) s (shorter than \(minimumSeconds) s)")
        }
        if let probeOff = probeOff(fromBlock: fall.block, toBlock: rise.block) {
            return .rejected("the low stretch at \(span) is a probe-off, not an occlusion: \(probeOff)")
        }
        let rest = RunningMedian.median(blocks, (fall.block - blocks(20))..<(fall.block - 1), minimumCount: 4)
        let inner = (fall.block + blocks(4))..<max(fall.block + blocks(4), rise.block - blocks(2))
        let plateauBlocks = Array(blocks[inner.clamped(to: blocks.indices)]).filter(\.isFinite)
        guard rest.isFinite, plateauBlocks.count >= 4 else {
            return .rejected("a low stretch at \(span) with no valid rest before it or no valid plateau")
        }
        let plateau = Statistics.median(plateauBlocks)
        let spread = OcclusionDetector.robustSD(plateauBlocks)
        let unit = offset > 0 ? " (levels shifted up by \(r(offset)) for a negative offset)" : ""
        guard plateau <= Self.fallRatio * rest else {
            return .rejected("the low stretch at \(span) falls only to \(r(plateau - offset)) from \(r(rest - offset)) "
                             + "(\(Int((100 * plateau / rest).rounded()))% of the level before; an occlusion falls by 40% or more)\(unit)")
        }
        guard rest - plateau >= 3 * spread else {
            return .rejected("the fall at \(span) (\(r(rest - plateau))) is within the plateau's own noise (robust SD \(r(spread)))")
        }
        let midpoint = (rest + plateau) / 2
        let medians = RunningMedian.centred(plateauBlocks, halfWidth: blocks(1.25))
        let sustained = Double(medians.count { $0 < midpoint }) / Double(medians.count)
        guard sustained >= Self.sustainedShare else {
            return .rejected("the low stretch at \(span) is not sustained: the flux is back above \(r(midpoint - offset)) "
                             + "(halfway to the level before) for \(Int((100 * (1 - sustained)).rounded()))% of it")
        }
        return .accepted(FluxOcclusionCandidate(rest: rest, plateau: plateau, plateauSpread: spread, sustainedShare: sustained,
                                                fallLogRatio: fall.logRatio, riseLogRatio: rise.logRatio))
    }

    /// Why blocks [from, to) are a probe-off rather than an occlusion, if they are: half of the raw
    /// samples exactly zero (a detached probe or a zeroing device), or half of them missing
    /// (sentinels, a gap).
    func probeOff(fromBlock from: Int, toBlock to: Int) -> String? {
        let lo = min(flux.count, from * blockLength), hi = min(flux.count, to * blockLength)
        guard hi > lo else { return nil }
        let samples = flux[lo..<hi]
        let zeros = samples.count { $0 == 0 }, missing = samples.count { !$0.isFinite }
        let share = { (n: Int) in Int((100 * Double(n) / Double(samples.count)).rounded()) }
        if 2 * zeros >= samples.count {
            return "the flux is exactly 0 for \(share(zeros))% of it (an occlusion leaves a biological zero above 0)"
        }
        if 2 * missing >= samples.count {
            return "\(share(missing))% of its samples are missing or device sentinels"
        }
        return nil
    }

    /// A fall with no rise after it: the recording ends during an occlusion when the flux stays
    /// low for `minimumSeconds` or more to the end.
    func judgeEnding(after fall: Edge, minimumSeconds: Double, into outcome: inout Outcome) {
        let t0 = time(fall.block), end = time(blocks.count)
        let rest = RunningMedian.median(blocks, (fall.block - blocks(20))..<(fall.block - 1), minimumCount: 4)
        let plateau = RunningMedian.median(blocks, (fall.block + blocks(4))..<blocks.count, minimumCount: 4)
        guard end - t0 >= minimumSeconds, rest.isFinite, plateau <= Self.fallRatio * rest else {
            outcome.rejected.append("a fall at \(at(t0)) s with no sharp rise after it before the end (\(at(end)) s)")
            return
        }
        outcome.endsLow = "the recording ends during the occlusion: the flux falls to a plateau at \(at(t0)) s "
            + "and stays there until the end (\(at(end)) s)"
    }

    /// Stretches of at least `minimumSeconds` without valid flux: listed so a probe-off marked by
    /// sentinels is explained, not silently skipped.
    func missingStretches(minimumSeconds: Double) -> [String] {
        var found: [String] = []
        var start: Int?
        for k in 0...blocks.count {
            let missing = k < blocks.count && !blocks[k].isFinite
            if missing, start == nil { start = k }
            if !missing, let s = start {
                if time(k - s) >= minimumSeconds {
                    found.append("\(r(time(k - s))) s without valid flux at \(at(time(s)))-\(at(time(k))) s "
                                 + "(sentinels, a probe-off or a gap) is not an occlusion")
                }
                start = nil
            }
        }
        return found
    }

    /// Start and release from the refined edges.
    func refinedTiming(fall: Edge, rise: Edge, candidate: FluxOcclusionCandidate) -> OcclusionTiming? {
        let rest = candidate.rest - offset, plateau = candidate.plateau - offset
        guard let start = onset(near: time(fall.block), from: rest, to: plateau),
              let release = onset(near: time(rise.block), from: plateau, to: rest) else { return nil }
        let share = Int((100 * candidate.plateau / candidate.rest).rounded())
        return OcclusionTiming(startSeconds: start, releaseSeconds: release, source: .flux,
                               detail: "flux fell from \(r(rest)) to a plateau at \(r(plateau)) (\(share)% of the level before) "
                               + "and rose again (onsets of the fall and rise)", confidence: candidate.confidence)
    }

    /// Onset in seconds of the edge from level `from` to level `to` near `seconds`: on a 0.5 s
    /// running median of 0.1 s block means within 30 s of it, the first 50% crossing from 6 s
    /// before to 10 s after that holds for 2 s, the last 15% crossing before it, and the line
    /// through both extrapolated back to 0%.
    func onset(near seconds: Double, from: Double, to: Double) -> Double? {
        let fineLength = max(1, Int((0.1 * rateHz).rounded()))
        let fineRate = rateHz / Double(fineLength)
        let lo = max(0, Int(((seconds - 30) * rateHz).rounded(.down)) / fineLength * fineLength)
        let hi = min(flux.count, Int(((seconds + 30) * rateHz).rounded(.up)))
        guard hi - lo > 2 * fineLength else { return nil }
        let fine = RunningMedian.centred(MovingMean.blocks(Array(flux[lo..<hi]), length: fineLength),
                                         halfWidth: max(1, Int((0.25 * fineRate).rounded())))
        let origin = (Double(lo) + Double(fineLength - 1) / 2) / rateHz
        let step = to - from
        func progress(_ i: Int) -> Double { (fine[i] - from) / step }
        let sustain = max(1, Int((2 * fineRate).rounded()))
        let first = max(1, Int(((seconds - 6 - origin) * fineRate).rounded()))
        let last = min(fine.count - sustain, Int(((seconds + 10 - origin) * fineRate).rounded()))
        guard first < last, let mid = (first..<last).first(where: { i in
            (i..<(i + sustain)).allSatisfy { fine[$0].isFinite && progress($0) >= 0.5 }
        }) else { return nil }
        var i = mid
        while i > 1, !(fine[i - 1].isFinite && progress(i - 1) < 0.15) { i -= 1 }
        guard i > 1 else { return nil }
        let t15 = OcclusionDetector.crossing(fine, before: i, level: from + 0.15 * step, rate: fineRate)
        let t50 = OcclusionDetector.crossing(fine, before: mid, level: from + 0.5 * step, rate: fineRate)
        return max(0, origin + t15 - (t50 - t15) * 0.15 / 0.35)
    }
}
