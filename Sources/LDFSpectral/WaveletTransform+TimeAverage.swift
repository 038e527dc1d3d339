import Foundation
import LDFCore
import Synchronization

extension WaveletTransform {
    /// The time-averaged spectrum of `signal` (mean |W| and mean |W|^2 per frequency, SCIENCE.md
    /// §3) without forming the time-frequency matrix: memory O(NL), rows computed in parallel.
    ///
    /// Averages run over the samples inside the cone of influence (`cone`), or over the whole
    /// signal when `includeEdges` is true. Each row is evaluated at every (NL / M)-th sample
    /// (band-limited rows, see the type's documentation), at least 64 samples inside the cone and
    /// at twice the row's bandwidth; against the full-rate average this changes amplitudes and
    /// powers by less than 1e-3 relative (checked in WaveletAveragingTests).
    ///
    /// - Throws: `LDFError` when the signal has the wrong length or a NaN / infinite sample, or
    ///   when no frequency has a coefficient inside the cone (the recording is too short for the
    ///   grid) and `includeEdges` is false.
    public func timeAveragedSpectrum(of signal: [Double], includeEdges: Bool = false) throws -> TimeAveragedSpectrum {
        try checkSignal(signal)
        let rowCount = frequenciesHz.count
        let validCounts = (0..<rowCount).map { cone.validCount($0) }
        if !includeEdges && validCounts.allSatisfy({ $0 == 0 }) {
            let seconds = Double(sampleCount) / sampleRateHz
            throw LDFError("signal", "the \(seconds) s signal has no wavelet coefficient inside the cone of influence at any frequency up to \(options.fmaxHz) Hz",
                           fix: "analyse a longer recording, or raise fmin to at least \(lowestResolvableFrequencyHz) Hz, or include the edges")
        }
        let spectrum = paddedSpectrum(signal)
        let amplitude = SharedResults(count: rowCount), power = SharedResults(count: rowCount)
        let nextRow = Atomic<Int>(0)
        // Largest rows first, so the short ones fill the gaps at the end.
        let order = (0..<rowCount).sorted { rows[$0].shortCount > rows[$1].shortCount }
        let longest = rows.map(\.shortCount).max() ?? 1
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rowCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let work = ComplexBuffer(count: longest), output = ComplexBuffer(count: longest)
            while true {
                let position = nextRow.add(1, ordering: .relaxed).oldValue
                guard position < rowCount else { break }
                let index = order[position]
                let range = includeEdges ? 0..<sampleCount : cone.validRange(index)
                guard !range.isEmpty, rows[index].binCount > 0 else {
                    let empty = range.isEmpty ? Double.nan : 0
                    amplitude.set(index, empty); power.set(index, empty)
                    continue
                }
                let shortCount = rows[index].shortCount
                computeRow(index, spectrum: spectrum, shortCount: shortCount, work: work, output: output)
                let averages = decimatedAverages(output, shortCount: shortCount, signalRange: range)
                amplitude.set(index, averages.amplitude)
                power.set(index, averages.power)
            }
        }
        var diagnostics: [Diagnostic] = []
        if let first = signal.first, signal.allSatisfy({ $0 == first }) {
            diagnostics.append(.warning("constant_signal", "the signal is constant (\(first)): every wavelet amplitude is zero"))
        }
        let empty = validCounts.filter { $0 == 0 }.count
        if !includeEdges && empty > 0 {
            diagnostics.append(.warning("no_valid_coefficients",
                "\(empty) of \(rowCount) frequencies (below about \(lowestResolvableFrequencyHz) Hz) have no coefficient inside the cone of influence: their averages are NaN"))
        }
        return TimeAveragedSpectrum(frequenciesHz: frequenciesHz, amplitude: amplitude.values, power: power.values,
                                    validFraction: (0..<rowCount).map { includeEdges ? 1 : cone.validFraction($0) },
                                    edgesIncluded: includeEdges, options: options, diagnostics: diagnostics)
    }

    /// Mean |W| and |W|^2 over the decimated samples m * NL / M that fall in `signalRange`
    /// (signal sample indices), from a row computed by `computeRow`.
    private func decimatedAverages(_ output: ComplexBuffer, shortCount: Int,
                                   signalRange: Range<Int>) -> (amplitude: Double, power: Double) {
        let decimation = paddedCount / shortCount
        let lower = padBefore + signalRange.lowerBound, upper = padBefore + signalRange.upperBound
        let first = (lower + decimation - 1) / decimation
        let end = (upper + decimation - 1) / decimation
        guard first < end else { return (.nan, .nan) }
        let scale = 1 / Double(paddedCount)
        var sumA = SIMD4<Double>(), sumP = SIMD4<Double>()
        var m = first
        while m + 4 <= end {
            let a = output[m], b = output[m + 1], c = output[m + 2], d = output[m + 3]
            let squares = SIMD4(a.real * a.real + a.imaginary * a.imaginary, b.real * b.real + b.imaginary * b.imaginary,
                                c.real * c.real + c.imaginary * c.imaginary, d.real * d.real + d.imaginary * d.imaginary)
            sumP += squares
            sumA += squares.squareRoot()
            m += 4
        }
        var tailA = 0.0, tailP = 0.0
        while m < end {
            let z = output[m]
            let square = z.real * z.real + z.imaginary * z.imaginary
            tailP += square
            tailA += square.squareRoot()
            m += 1
        }
        let count = Double(end - first)
        return ((sumA.sum() + tailA) * scale / count, (sumP.sum() + tailP) * scale * scale / count)
    }
}

/// A fixed-size array of results that concurrent tasks write at distinct indices.
final class SharedResults: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: .nan)
    }

    deinit { storage.deallocate() }

    /// Writes one slot; each index must be written by one task only.
    func set(_ index: Int, _ value: Double) { storage[index] = value }

    /// A copy of every slot (read after all writers finished).
    var values: [Double] { Array(storage) }
}
