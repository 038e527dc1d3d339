import Foundation
import LDFCore
import Numerics

extension CoherenceAnalyzer {
    /// Tests the coherence of `first` and `second` against `options.count` surrogate pairs
    /// (`CoherenceSurrogateTest`), in parallel across the cores: each task makes a pair, takes
    /// both padded spectra and reduces every row serially, with its own buffers; the transform
    /// and its FFT plans are shared.
    /// - Throws: `LDFError` for invalid options (e.g. too few surrogates for the rank test), a
    ///   wrong length or a NaN / infinite sample.
    public func surrogateTest(_ first: [Double], _ second: [Double], options: SurrogateOptions) throws -> CoherenceSurrogateTest {
        try options.validate()
        try transform.checkSignal(first)
        try transform.checkSignal(second)
        if options.kind == .cyclePhasePermutation {
            return cyclePhaseTest(first, second, options: options)
        }
        let generators = try [first, second].map { try SurrogateGenerator(signal: $0, maxIterations: options.maxIterations) }
        let results = ResultSlots<PairResult>(count: options.count)
        ParallelWork.forEach(options.count) { k in
            var randomA = SurrogateGenerator.random(seed: options.seed, stream: 2 * k)
            var randomB = SurrogateGenerator.random(seed: options.seed, stream: 2 * k + 1)
            let a = generators[0].surrogate(options.kind, random: &randomA)
            let b = generators[1].surrogate(options.kind, random: &randomB)
            let sums = meanPhasors(transform.paddedSpectrum(a.values), transform.paddedSpectrum(b.values), parallel: false)
            results.set(k, PairResult(coherence: sums.map(\.coherence), iterations: [a, b].compactMap(\.iterations),
                                      unconverged: [a, b].filter { $0.converged == false }.count))
        }
        let pairs = results.values
        return CoherenceSurrogateTest(options: options, frequenciesHz: transform.frequenciesHz,
                                      surrogateCoherence: pairs.map(\.coherence), iterations: pairs.flatMap(\.iterations),
                                      unconvergedCount: pairs.map(\.unconverged).reduce(0, +))
    }

    /// CPP: the observed rows' phases (carrier included, unwrapped) are cycle-permuted per
    /// frequency, independently for the two signals, and the coherence recomputed.
    private func cyclePhaseTest(_ first: [Double], _ second: [Double], options: SurrogateOptions) -> CoherenceSurrogateTest {
        let spectrumA = transform.paddedSpectrum(first), spectrumB = transform.paddedSpectrum(second)
        let rowCount = transform.frequenciesHz.count
        let phases = ResultSlots<[[Double]]>(count: rowCount)
        let longest = longestRow
        ParallelWork.forEach(rowCount) { index in
            let buffers = RowBuffers(count: longest)
            phases.set(index, self.unwrappedPhases(index, spectrumA, spectrumB, buffers))
        }
        let rowPhases = phases.values
        let results = ResultSlots<[Double]>(count: options.count)
        ParallelWork.forEach(options.count) { k in
            var randomA = SurrogateGenerator.random(seed: options.seed, stream: 2 * k)
            var randomB = SurrogateGenerator.random(seed: options.seed, stream: 2 * k + 1)
            results.set(k, rowPhases.map { pair in
                guard pair.count == 2, !pair[0].isEmpty else { return .nan }
                let a = SurrogateGenerator.cyclePhasePermutation(phase: pair[0], random: &randomA)
                let b = SurrogateGenerator.cyclePhasePermutation(phase: pair[1], random: &randomB)
                var sum = Complex<Double>.zero
                for j in a.indices {
                    let difference = a[j] - b[j]
                    sum += Complex(cos(difference), sin(difference))
                }
                return sum.length / Double(a.count)
            })
        }
        return CoherenceSurrogateTest(options: options, frequenciesHz: transform.frequenciesHz,
                                      surrogateCoherence: results.values)
    }

    /// The unwrapped phases (radians) of both signals' row `index` over its span; empty arrays
    /// when the row has no valid sample.
    private func unwrappedPhases(_ index: Int, _ spectrumA: ComplexBuffer, _ spectrumB: ComplexBuffer,
                                 _ buffers: RowBuffers) -> [[Double]] {
        let span = spans[index]
        guard !span.isEmpty, transform.rows[index].binCount > 0 else { return [[], []] }
        computeRows(index, spectrumA, spectrumB, buffers)
        return [buffers.first, buffers.second].map { row in
            SurrogateGenerator.unwrap(span.map { m in
                let z = row[m]
                return atan2(z.imaginary, z.real) + transform.carrierAngle(index, at: m)
            })
        }
    }
}

/// One surrogate pair's coherence spectrum and its IAAFT iteration counts (the surrogates
/// themselves are dropped at once: 100 pairs of 30-min signals would hold over 100 MB).
private struct PairResult {
    var coherence: [Double]
    var iterations: [Int]
    var unconverged: Int
}
