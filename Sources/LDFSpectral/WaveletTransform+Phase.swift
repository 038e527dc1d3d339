import Foundation
import Numerics

/// One wavelet row (complex coefficients at one frequency) at evenly spaced signal samples.
public struct DecimatedWaveletRow: Sendable, Equatable {
    public var frequencyHz: Double
    /// Signal sample index of the first coefficient.
    public var firstSample: Int
    /// Samples between consecutive coefficients (NL / M, a power of two).
    public var strideSamples: Int
    public var sampleRateHz: Double
    /// W at samples firstSample + j * strideSamples, MODA's normalisation (a cosine of amplitude
    /// a reads |W| = a / 2 on its ridge); the phase is that of the full-rate transform.
    public var coefficients: [Complex<Double>]

    /// Times of the coefficients in seconds from the first signal sample.
    public var timesSeconds: [Double] {
        coefficients.indices.map { Double(firstSample + $0 * strideSamples) / sampleRateHz }
    }
}

extension WaveletTransform {
    /// The complex coefficients of row `index` at the row's decimated times (see the type's
    /// documentation: exact values, every NL / M-th sample), over the cone of influence's valid
    /// samples, or over the whole signal when `includeEdges` is true. Empty when the row has no
    /// valid sample.
    /// - Throws: `LDFError` when the signal has the wrong length or a NaN / infinite sample.
    public func decimatedRow(of signal: [Double], frequencyIndex index: Int, includeEdges: Bool = false) throws -> DecimatedWaveletRow {
        try checkSignal(signal)
        precondition(frequenciesHz.indices.contains(index), "frequency index out of range")
        let spectrum = paddedSpectrum(signal)
        let shortCount = rows[index].shortCount
        let output = ComplexBuffer(count: shortCount)
        let span = decimatedSpan(index, includeEdges: includeEdges)
        var coefficients: [Complex<Double>] = []
        if rows[index].binCount > 0 && !span.isEmpty {
            computeRow(index, spectrum: spectrum, shortCount: shortCount, output: output)
            let scale = 1 / Double(paddedCount)
            coefficients = span.map { m in (output[m] * carrier(index, at: m)).multiplied(by: scale) }
        }
        let stride = paddedCount / shortCount
        return DecimatedWaveletRow(frequencyHz: frequenciesHz[index], firstSample: span.isEmpty ? 0 : span.lowerBound * stride - padBefore,
                                   strideSamples: stride, sampleRateHz: sampleRateHz, coefficients: coefficients)
    }

    /// The decimated indices m (of row `index` at its `shortCount`) whose padded sample m * NL / M
    /// is a signal sample inside the cone of influence (or anywhere in the signal with edges).
    func decimatedSpan(_ index: Int, includeEdges: Bool) -> Range<Int> {
        let range = includeEdges ? 0..<sampleCount : cone.validRange(index)
        guard !range.isEmpty else { return 0..<0 }
        let decimation = paddedCount / rows[index].shortCount
        let first = (padBefore + range.lowerBound + decimation - 1) / decimation
        let end = (padBefore + range.upperBound + decimation - 1) / decimation
        return first..<max(first, end)
    }

    /// The factor that turns `computeRow`'s baseband value at m into the coefficient's phase:
    /// exp(2 pi i (firstBin + binCount / 2) m / M). It is the same for every signal, so phase
    /// differences between two signals need not apply it.
    func carrier(_ index: Int, at m: Int) -> Complex<Double> {
        let angle = carrierAngle(index, at: m)
        return Complex(cos(angle), sin(angle))
    }

    /// The carrier's angle in radians, reduced exactly (integer arithmetic) to [0, 2 pi).
    func carrierAngle(_ index: Int, at m: Int) -> Double {
        let plan = rows[index]
        let shift = plan.firstBin + plan.binCount / 2
        let shortCount = plan.shortCount
        let turns = (shift % shortCount) * (m % shortCount) % shortCount
        return 2 * Double.pi * Double(turns) / Double(shortCount)
    }
}
