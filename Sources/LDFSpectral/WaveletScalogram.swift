import Foundation
import LDFCore
import Synchronization

/// Wavelet amplitude |W| on a decimated time grid, for plotting (frequency x time).
///
/// Values outside the cone of influence are NaN unless `edgesIncluded`. Amplitudes use MODA's
/// normalisation (a cosine of amplitude a reads a/2 on its ridge), in the signal's unit.
public struct WaveletScalogram: Sendable, Equatable {
    /// Analysed frequencies in Hz, ascending (rows of `amplitude`).
    public var frequenciesHz: [Double]
    /// Times in seconds from the first sample (columns of `amplitude`).
    public var timesSeconds: [Double]
    /// |W| per frequency (outer index) and time (inner index).
    public var amplitude: [[Double]]
    /// Whether coefficients outside the cone of influence were kept.
    public var edgesIncluded: Bool
    /// The cone of influence per frequency (for drawing its edges: leadingInvalid[k] / fs s from
    /// the start and trailingInvalid[k] / fs s before the end).
    public var cone: ConeOfInfluence
    /// Options that produced it, with `voices` resolved.
    public var options: WaveletOptions

    public init(frequenciesHz: [Double], timesSeconds: [Double], amplitude: [[Double]],
                edgesIncluded: Bool, cone: ConeOfInfluence, options: WaveletOptions) {
        precondition(amplitude.count == frequenciesHz.count && amplitude.allSatisfy { $0.count == timesSeconds.count },
                     "scalogram must have one row per frequency and one column per time")
        self.frequenciesHz = frequenciesHz
        self.timesSeconds = timesSeconds
        self.amplitude = amplitude
        self.edgesIncluded = edgesIncluded
        self.cone = cone
        self.options = options
    }
}

extension WaveletTransform {
    /// |W| every `timeStepSeconds` (rounded to whole samples, at least one) from the first sample.
    ///
    /// Each row is computed band-limited at a short length (at least 8 x the row's bandwidth and
    /// fine enough for the step) and, when the step is not a multiple of that row's spacing,
    /// interpolated linearly in its baseband form, which is smooth at that oversampling (error
    /// below 0.5 % of the local amplitude; exact when the step is a power of two in samples or the
    /// row runs at full rate). A step of one sample gives the full-rate transform.
    /// - Throws: `LDFError` for a non-positive step, a wrong-length or non-finite signal.
    public func scalogram(of signal: [Double], timeStepSeconds: Double, includeEdges: Bool = false) throws -> WaveletScalogram {
        guard timeStepSeconds.isFinite && timeStepSeconds > 0 else {
            throw LDFError("time step", "\(timeStepSeconds) s must be positive", fix: "use e.g. 1 s")
        }
        try checkSignal(signal)
        let step = max(1, Int((timeStepSeconds * sampleRateHz).rounded()))
        let columns = (sampleCount + step - 1) / step
        let rowCount = frequenciesHz.count
        let spectrum = paddedSpectrum(signal)
        let lengths = rows.map { plan in
            min(paddedCount, max(Self.nextPowerOfTwo(max(8 * plan.binCount, 16)),
                                 Self.nextPowerOfTwo((paddedCount + step - 1) / step)))
        }
        let longest = lengths.max() ?? 1
        let grid = ScalogramStorage(rows: rowCount, columns: columns)
        let order = (0..<rowCount).sorted { lengths[$0] > lengths[$1] }
        ParallelWork.forEach(rowCount, order: order, scratch: { ComplexBuffer(count: longest) }) { output, index in
            let valid = includeEdges ? 0..<sampleCount : cone.validRange(index)
            guard !valid.isEmpty else { return } // stays NaN
            if rows[index].binCount == 0 {
                for column in 0..<columns where valid.contains(column * step) { grid.set(index, column, 0) }
                return
            }
            let shortCount = lengths[index]
            computeRow(index, spectrum: spectrum, shortCount: shortCount, output: output)
            let decimation = Double(paddedCount / shortCount)
            let mask = shortCount - 1
            let scale = 1 / Double(paddedCount)
            for column in 0..<columns {
                let sample = column * step
                guard valid.contains(sample) else { continue }
                let position = Double(padBefore + sample) / decimation
                let lower = Int(position.rounded(.down))
                let fraction = position - Double(lower)
                var value = output[lower & mask]
                if fraction > 0 {
                    let upper = output[(lower + 1) & mask]
                    value = value.multiplied(by: 1 - fraction) + upper.multiplied(by: fraction)
                }
                grid.set(index, column, value.length * scale)
            }
        }
        return WaveletScalogram(frequenciesHz: frequenciesHz,
                                timesSeconds: (0..<columns).map { Double($0 * step) / sampleRateHz },
                                amplitude: grid.rows(), edgesIncluded: includeEdges, cone: cone, options: options)
    }
}

/// A rows x columns grid of NaN-initialised doubles that concurrent tasks fill row by row.
private final class ScalogramStorage: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Double>
    private let columns: Int

    init(rows: Int, columns: Int) {
        self.columns = columns
        storage = .allocate(capacity: max(1, rows * columns))
        storage.initialize(repeating: .nan)
    }

    deinit { storage.deallocate() }

    /// Each row must be written by one task only.
    func set(_ row: Int, _ column: Int, _ value: Double) { storage[row * columns + column] = value }

    func rows() -> [[Double]] {
        guard columns > 0 else { return [] }
        return stride(from: 0, to: storage.count, by: columns).map { Array(storage[$0..<($0 + columns)]) }
    }
}
