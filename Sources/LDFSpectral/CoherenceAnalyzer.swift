import Foundation
import LDFCore
import Numerics
import Synchronization

/// Wavelet phase coherence of signal pairs on one `WaveletTransform` (same grid, cone of
/// influence, preprocessing and padding as the band analysis), set up once and reused for the
/// observed pair and all its surrogates. Immutable and `Sendable`.
///
/// Each frequency's rows of the two signals are computed band-limited on the row's decimated grid
/// (`DecimatedWaveletRow`); the carrier phase those rows omit is the same for both signals and
/// cancels in the phase difference, so it is never applied. Against the full-rate average the
/// decimated one differs by far less than the 1 / sqrt(n) sampling noise of the coherence
/// (checked in CoherenceAnalyzerTests and against PyMODAlib in CoherenceReferenceTests).
///
/// Methods: docs/METHODS.md §8.2.
public final class CoherenceAnalyzer: Sendable {
    public let transform: WaveletTransform
    /// Average over coefficients outside the cone of influence too (default false).
    public let includeEdges: Bool
    /// Decimated indices averaged per row.
    let spans: [Range<Int>]
    /// Longest row length M, for per-task buffers.
    let longestRow: Int

    public init(transform: WaveletTransform, includeEdges: Bool = false) {
        self.transform = transform
        self.includeEdges = includeEdges
        spans = transform.frequenciesHz.indices.map { transform.decimatedSpan($0, includeEdges: includeEdges) }
        longestRow = transform.rows.map(\.shortCount).max() ?? 1
    }

    /// The time-averaged coherence of `first` and `second` (same length as the transform's).
    /// - Throws: `LDFError` for a wrong length or a NaN / infinite sample.
    public func coherence(_ first: [Double], _ second: [Double]) throws -> CoherenceSpectrum {
        try transform.checkSignal(first)
        try transform.checkSignal(second)
        let phasors = meanPhasors(transform.paddedSpectrum(first), transform.paddedSpectrum(second), parallel: true)
        return spectrum(from: phasors)
    }

    /// Per row: the sum of exp(i dphi) and the number of samples, from two padded spectra.
    /// `parallel` spreads the rows across the cores (for one pair); surrogate loops run each pair
    /// serially and parallelise across pairs instead.
    func meanPhasors(_ spectrumA: ComplexBuffer, _ spectrumB: ComplexBuffer, parallel: Bool) -> [PhasorSum] {
        let rowCount = transform.frequenciesHz.count
        let slots = ResultSlots<PhasorSum>(count: rowCount)
        let body: @Sendable (RowBuffers, Int) -> Void = { buffers, index in
            slots.set(index, self.phasorSum(index, spectrumA, spectrumB, buffers))
        }
        if parallel {
            let longest = longestRow
            ParallelWork.forEach(rowCount, scratch: { RowBuffers(count: longest) }, body)
        } else {
            let buffers = RowBuffers(count: longestRow)
            for index in 0..<rowCount { body(buffers, index) }
        }
        return slots.values
    }

    /// Sum of exp(i (arg a - arg b)) over row `index`'s span, computed as a * conj(b) / |a b|.
    func phasorSum(_ index: Int, _ spectrumA: ComplexBuffer, _ spectrumB: ComplexBuffer, _ buffers: RowBuffers) -> PhasorSum {
        let span = spans[index]
        guard !span.isEmpty, transform.rows[index].binCount > 0 else { return PhasorSum() }
        computeRows(index, spectrumA, spectrumB, buffers)
        let a = buffers.first.pointer, b = buffers.second.pointer
        var sumRe = SIMD2<Double>(), sumIm = SIMD2<Double>()
        var count = 0
        for m in span {
            let x = a[m], y = b[m]
            let re = x.real * y.real + x.imaginary * y.imaginary
            let im = x.imaginary * y.real - x.real * y.imaginary
            let magnitude = (re * re + im * im).squareRoot()
            guard magnitude > 0 else { continue }
            let lane = count & 1
            sumRe[lane] += re / magnitude
            sumIm[lane] += im / magnitude
            count += 1
        }
        return PhasorSum(sum: Complex(sumRe.sum(), sumIm.sum()), count: count)
    }

    /// Rows `index` of both signals into `buffers.first` and `buffers.second` (baseband).
    func computeRows(_ index: Int, _ spectrumA: ComplexBuffer, _ spectrumB: ComplexBuffer, _ buffers: RowBuffers) {
        let shortCount = transform.rows[index].shortCount
        transform.computeRow(index, spectrum: spectrumA, shortCount: shortCount, output: buffers.first)
        transform.computeRow(index, spectrum: spectrumB, shortCount: shortCount, output: buffers.second)
    }

    /// Coherence and mean phase difference from per-row phasor sums.
    func spectrum(from sums: [PhasorSum]) -> CoherenceSpectrum {
        CoherenceSpectrum(frequenciesHz: transform.frequenciesHz, coherence: sums.map(\.coherence),
                          phaseDifference: sums.map(\.phaseDifference), sampleCounts: sums.map(\.count),
                          validFraction: transform.frequenciesHz.indices.map { includeEdges ? 1 : transform.cone.validFraction($0) },
                          edgesIncluded: includeEdges, options: transform.options)
    }
}

/// A sum of unit phasors and how many were added.
struct PhasorSum: Sendable {
    var sum = Complex<Double>.zero
    var count = 0

    /// |mean|, or NaN for no samples.
    var coherence: Double { count > 0 ? sum.length / Double(count) : .nan }
    /// arg(mean) in (-pi, pi], or NaN for no samples.
    var phaseDifference: Double { count > 0 ? atan2(sum.imaginary, sum.real) : .nan }
}

/// Per-task row buffers: the two signals' rows.
final class RowBuffers {
    let first: ComplexBuffer
    let second: ComplexBuffer

    init(count: Int) {
        first = ComplexBuffer(count: count)
        second = ComplexBuffer(count: count)
    }
}
