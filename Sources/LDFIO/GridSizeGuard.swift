import LDFCore

/// Refuses time stamps that would make the uniform grid absurdly large before the assembler
/// allocates it: a typo such as `1e9` in a time cell, or a LabChart block stamped years after
/// the previous one, would otherwise ask for billions of samples and exhaust memory.
///
/// The grid is `(last - first) * rate` samples, with the rate from `--rate`, the file's declared
/// rate, or the median time step. It is refused when it exceeds `maximumSamples`, or exceeds
/// `rowsFactor` times the rows plus `slackSamples` (long genuine pauses between LabChart blocks
/// stay well inside that).
enum GridSizeGuard {
    /// 200 million samples (1.6 GB per channel).
    static let maximumSamples = 200_000_000.0
    static let rowsFactor = 1000.0
    static let slackSamples = 10_000_000.0

    static func check(_ table: SampleTable, options: AssemblyOptions) throws {
        guard let times = table.times, times.count >= 2, let first = times.first, let last = times.last,
              first.isFinite, last.isFinite, last > first else { return }
        guard let rate = options.rateHz ?? table.declaredRateHz ?? medianRate(times) else { return }
        let samples = (last - first) * rate
        let rows = Double(times.count)
        guard samples > maximumSamples || samples > rowsFactor * rows + slackSamples else { return }
        // Point at the largest jump between consecutive stamps.
        var jumpRow = 1
        var jump = -Double.infinity
        for i in 1..<times.count where times[i] - times[i - 1] > jump {
            jump = times[i] - times[i - 1]
            jumpRow = i
        }
        throw LDFError(table.location(ofRow: jumpRow),
                       "time jumps from \(format(times[jumpRow - 1])) s to \(format(times[jumpRow])) s; a uniform grid at \(format(rate)) Hz would need \(format(samples)) samples for \(Int(rows)) rows",
                       fix: "correct the time stamp (or the LabChart block's ExcelDateTime), or split the file at this line")
    }

    /// 1 / the (lower) median of up to ~10,000 evenly spread positive time steps.
    static func medianRate(_ times: [Double]) -> Double? {
        let stride = max(1, (times.count - 1) / 10_000)
        var steps: [Double] = []
        var i = 1
        while i < times.count {
            let step = times[i] - times[i - 1]
            if step > 0 && step.isFinite { steps.append(step) }
            i += stride
        }
        guard !steps.isEmpty else { return nil }
        steps.sort()
        return 1 / steps[(steps.count - 1) / 2]
    }

    static func format(_ x: Double) -> String {
        x.isFinite && abs(x) < 1e15 && x == x.rounded() ? String(Int(x)) : "\(x)"
    }
}
