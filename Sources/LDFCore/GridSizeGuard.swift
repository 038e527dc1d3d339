/// Refuses time stamps that would make the uniform grid absurdly large before the assembler
/// allocates it: a typo such as `1e9` in a time cell, or a LabChart block stamped years after
/// the previous one, would otherwise ask for billions of samples and exhaust memory.
///
/// The grid holds `(last - first) * rate + 1` samples for every channel, with the rate from
/// `--rate`, the file's declared rate, or the median time step. Its values (samples times
/// channels) may be at most `valuesFactor` times the values read plus `slackValues` (128 MB of
/// doubles, so pauses of hours between LabChart blocks still read), and never more than
/// `maximumValues` (2 GB). Anything larger is refused, naming the line of the largest time jump.
public enum GridSizeGuard {
    /// 256 Mi values (2 GiB of doubles) in all channels together.
    public static let maximumValues = 268_435_456.0
    public static let valuesFactor = 64.0
    /// 16 Mi values (128 MiB of doubles).
    public static let slackValues = 16_777_216.0

    public static func check(_ table: SampleTable, options: AssemblyOptions) throws {
        guard let times = table.times, times.count >= 2, let first = times.first, let last = times.last,
              first.isFinite, last.isFinite, last > first else { return }
        guard let rate = options.rateHz ?? table.declaredRateHz ?? medianRate(times) else { return }
        let channels = Double(max(1, table.columns.count))
        let samples = (last - first) * rate + 1
        let rows = Double(times.count)
        let values = samples * channels
        guard values > maximumValues || values > valuesFactor * rows * channels + slackValues else { return }
        // Point at the largest jump between consecutive stamps.
        var jumpRow = 1
        var jump = -Double.infinity
        for i in 1..<times.count where times[i] - times[i - 1] > jump {
            jump = times[i] - times[i - 1]
            jumpRow = i
        }
        let bytes = values * 8
        throw LDFError(table.location(ofRow: jumpRow),
                       "time jumps from \(format(times[jumpRow - 1])) s to \(format(times[jumpRow])) s; a uniform grid at \(format(rate)) Hz would need "
                       + "\(format(samples.rounded())) samples x \(Int(channels)) channel(s) (\(byteText(bytes))) for \(Int(rows)) rows "
                       + "(at most \(Int(valuesFactor)) times the values read plus 128 MB)",
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
        return 1 / steps.withUnsafeMutableBufferPointer { Statistics.select(($0.count - 1) / 2, in: $0) }
    }

    static func format(_ x: Double) -> String {
        x.isFinite && abs(x) < 1e15 && x == x.rounded() ? String(Int(x)) : "\(x)"
    }

    static func byteText(_ bytes: Double) -> String {
        bytes >= 1e12 ? "\(format((bytes / 1e12).rounded())) TB" : bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9)
            : String(format: "%.0f MB", bytes / 1e6)
    }
}

import Foundation
