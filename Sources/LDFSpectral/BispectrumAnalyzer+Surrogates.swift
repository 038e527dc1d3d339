import Foundation
import LDFCore
import Synchronization

/// Bispectrum amplitudes of surrogate signals and the significance threshold of every grid cell.
///
/// Surrogate k is one surrogate of each signal (streams 2k and 2k + 1 of the seed, as for the
/// coherence); every asked kind is computed from that pair. MODA's bispectrum window tests
/// against IAAFT2 surrogates (exact power spectrum, approximate distribution), which keep each
/// signal's linear structure and destroy phase relations between its frequencies, so quadratic
/// phase coupling stands above the threshold. (MODA's GUI makes them by its wavelet-based
/// `wavsurrogate`; this toolkit uses the plain IAAFT2 of `SurrogateGenerator`, see
/// docs/METHODS.md §9.)
public struct BispectrumSurrogateTest: Sendable, Equatable {
    public var options: SurrogateOptions
    /// Per kind (in the asked order), the threshold of |B| per cell (index j * n + k), NaN where
    /// the pair is undefined.
    public var thresholds: [BispectrumKind: [Double]]
    /// IAAFT only: iterations per surrogate and how many hit the cap.
    public var iterations: [Int]
    public var unconvergedCount: Int
    public var diagnostics: [Diagnostic]
}

extension BispectrumAnalyzer {
    /// Tests the bispectra `kinds` of `first` and `second` (nil: the first alone) against
    /// `options.count` surrogates, in parallel across the cores; memory stays at a few grids per
    /// core (`SurrogateThresholds` keeps only the values the threshold needs).
    /// - Throws: `LDFError` for invalid options, `.cyclePhasePermutation` (it permutes a phase,
    ///   not a signal), a wrong length or a NaN sample.
    public func surrogateTest(_ first: [Double], _ second: [Double]?, kinds: [BispectrumKind],
                              options: SurrogateOptions) throws -> BispectrumSurrogateTest {
        try options.validate()
        guard !options.kind.needsPhase else {
            throw LDFError("\(parameter: "surrogateType")", "cpp permutes the cycles of a phase; a bispectrum needs surrogates of the signals themselves",
                           fix: "use iaaft2 (the default, as MODA), iaaft1, aaft, ft or rp")
        }
        _ = try paddedSpectra(first, second, kinds: kinds)
        let signals = [first] + (second.map { [$0] } ?? [])
        let generators = try signals.map { try SurrogateGenerator(signal: $0, maxIterations: options.maxIterations) }
        let cells = transform.frequenciesHz.count * transform.frequenciesHz.count
        let accumulators = Mutex<[Accumulator]>([])
        ParallelWork.forEach(options.count, scratch: { () -> Accumulator in
            let made = Accumulator(kinds: kinds, options: options, cells: cells)
            accumulators.withLock { $0.append(made) }
            return made
        }) { accumulator, k in
            let surrogates = generators.enumerated().map { side, generator in
                var random = SurrogateGenerator.random(seed: options.seed, stream: 2 * k + side)
                return generator.surrogate(options.kind, random: &random)
            }
            let spectra = surrogates.map { transform.paddedSpectrum($0.values) }
            for (index, kind) in kinds.enumerated() {
                accumulator.thresholds[index].add(grid(kind, spectra: spectra, parallel: false).amplitude)
            }
            accumulator.iterations += surrogates.compactMap(\.iterations)
            accumulator.unconverged += surrogates.filter { $0.converged == false }.count
        }
        let parts = accumulators.withLock { $0 }
        var merged = parts[0].thresholds
        for part in parts.dropFirst() {
            for index in merged.indices { merged[index].merge(part.thresholds[index]) }
        }
        let iterations = parts.flatMap(\.iterations), unconverged = parts.map(\.unconverged).reduce(0, +)
        var notes: [Diagnostic] = []
        if unconverged > 0 {
            notes.append(.warning("iaaft_not_converged",
                "\(unconverged) of \(iterations.count) IAAFT surrogates still changed rank order after \(options.maxIterations) iterations; raise \(parameter: "iaaftIterations") for a closer spectrum"))
        }
        return BispectrumSurrogateTest(options: options,
                                       thresholds: Dictionary(uniqueKeysWithValues: zip(kinds, merged.map(\.thresholds))),
                                       iterations: iterations, unconvergedCount: unconverged, diagnostics: notes)
    }
}

/// One core's running thresholds (one per kind) and IAAFT bookkeeping.
private final class Accumulator: @unchecked Sendable {
    var thresholds: [SurrogateThresholds]
    var iterations: [Int] = []
    var unconverged = 0

    init(kinds: [BispectrumKind], options: SurrogateOptions, cells: Int) {
        thresholds = kinds.map { _ in SurrogateThresholds(options: options, cellCount: cells) }
    }
}
