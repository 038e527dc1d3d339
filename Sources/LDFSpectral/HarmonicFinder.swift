import Foundation
import LDFCore

/// The harmonic finder (Sheppard, Stefanovska & McClintock 2011, Phys. Rev. E 83, 016206; as
/// PyMODAlib's `harmonicfinder`): for every pair of scales, the normalised mutual information
/// between the wavelet phase of the slower one and that of the faster one, and the same measure
/// with the faster phase taken from AAFT surrogates of the signal. A harmonic keeps its phase
/// locked to its fundamental even when both frequencies wander; a surrogate keeps the spectrum and
/// destroys that relation. Memory: the phases of one signal per core (scales × times, Float) and
/// the scales² grids; never the complex transform. Methods: docs/METHODS.md §19.
public struct HarmonicFinder: Sendable {
    public let grid: HarmonicWaveletGrid
    public let settings: HarmonicFinderSettings
    let measure: PhaseMutualInformation

    public init(grid: HarmonicWaveletGrid, settings: HarmonicFinderSettings) {
        self.grid = grid
        self.settings = settings
        measure = PhaseMutualInformation(bins: settings.bins, longest: grid.timeCount)
    }

    /// The mutual-information grid of `values` and, with surrogates, its surrogate statistics;
    /// surrogates run in parallel across the cores (surrogate k from stream k of the seed).
    /// - Throws: `LDFError` for a wrong length or a non-finite sample.
    public func analyse(_ values: [Double]) throws -> HarmonicFinderResult {
        guard values.count == grid.sampleCount else {
            throw LDFError("signal", "\(values.count) samples; the grid was made for \(grid.sampleCount)", fix: "make the grid for this signal")
        }
        let generator = try SurrogateGenerator(signal: values)
        let original = rankOrders(grid.phases(of: values, parallel: true), parallel: true)
        let slow = grid.kernels.indices.map { a1 in
            measure.labels(order: original[a1], firstColumn: grid.kernels[a1].valid.lowerBound, window: grid.kernels[a1].window)
        }
        let observed = observedGrid(slow: slow, fast: original)
        var statistics: SurrogateStatistics?
        if settings.surrogateCount > 0 {
            statistics = surrogateStatistics(slow: slow, observed: observed, generator: generator)
        }
        return HarmonicFinderResult(frequenciesHz: grid.frequenciesHz, marginsSeconds: grid.marginsSeconds, timeCount: grid.timeCount,
                                    triangle: observed, surrogateCount: settings.surrogateCount, statistics: statistics)
    }

    /// Each scale's rank order of its phases.
    func rankOrders(_ phases: HarmonicPhases, parallel: Bool) -> [[Int32]] {
        guard parallel else { return phases.rows.map(PhaseMutualInformation.rankOrder) }
        let slots = ResultSlots<[Int32]>(count: phases.rows.count)
        ParallelWork.forEach(phases.rows.count) { z in slots.set(z, PhaseMutualInformation.rankOrder(phases.rows[z])) }
        return slots.values
    }

    /// The observed lower triangle (slow scale a1 >= fast scale r, index a1 (a1 + 1) / 2 + r),
    /// rows spread across the cores, slowest (longest) first.
    func observedGrid(slow: [[UInt8]], fast: [[Int32]]) -> [Double] {
        let count = grid.kernels.count
        let slots = ResultSlots<[Double]>(count: count)
        ParallelWork.forEach(count, order: Array((0..<count).reversed()), scratch: { RowScratch(bins: self.settings.bins) }) { scratch, a1 in
            slots.set(a1, self.row(a1, slow: slow[a1], fast: fast, scratch: scratch))
        }
        return slots.values.flatMap { $0 }
    }

    /// Mutual information of slow scale `a1` with every scale r <= a1 (its own included), on a1's window.
    func row(_ a1: Int, slow: [UInt8], fast: [[Int32]], scratch: RowScratch) -> [Double] {
        let window = grid.kernels[a1].window
        return (0...a1).map { r in
            let labels = scratch.labels(r, window: window) {
                measure.labels(order: fast[r], firstColumn: grid.kernels[r].valid.lowerBound, window: window)
            }
            return measure.normalised(slow, labels, counts: &scratch.counts)
        }
    }

    /// Mean, SD and rank of the observed values among the surrogate grids: surrogates in batches
    /// spread across the cores, each batch folded in surrogate order, so the statistics do not
    /// depend on the scheduling and memory holds one batch of grids.
    func surrogateStatistics(slow: [[UInt8]], observed: [Double], generator: SurrogateGenerator) -> SurrogateStatistics {
        let statistics = SurrogateStatistics(cells: observed.count)
        let batch = 2 * ProcessInfo.processInfo.activeProcessorCount
        for first in stride(from: 0, to: settings.surrogateCount, by: batch) {
            let count = min(batch, settings.surrogateCount - first)
            let slots = ResultSlots<[Double]>(count: count)
            ParallelWork.forEach(count) { offset in
                slots.set(offset, self.surrogateGrid(first + offset, slow: slow, generator: generator))
            }
            for values in slots.values { statistics.add(values, observed: observed) }
        }
        return statistics
    }

    /// The lower triangle with the fast phases from AAFT surrogate k (stream k of the seed).
    func surrogateGrid(_ k: Int, slow: [[UInt8]], generator: SurrogateGenerator) -> [Double] {
        var random = SurrogateGenerator.random(seed: settings.seed, stream: k)
        let surrogate = generator.surrogate(.aaft, random: &random)
        let fast = rankOrders(grid.phases(of: surrogate.values, parallel: false), parallel: false)
        let scratch = RowScratch(bins: settings.bins)
        return (0..<grid.kernels.count).flatMap { a1 in row(a1, slow: slow[a1], fast: fast, scratch: scratch) }
    }
}

/// One task's label cache (the labels of each fast scale on the current window) and counts.
final class RowScratch: @unchecked Sendable {
    var counts: [Int32]
    private var window: Range<Int>?
    private var cached: [Int: [UInt8]] = [:]

    init(bins: Int) { counts = [Int32](repeating: 0, count: bins * bins) }

    /// Scale r's labels on `window`, made by `make` unless the window is the cached one.
    func labels(_ r: Int, window: Range<Int>, make: () -> [UInt8]) -> [UInt8] {
        if window != self.window {
            self.window = window
            cached.removeAll(keepingCapacity: true)
        }
        if let labels = cached[r] { return labels }
        let labels = make()
        cached[r] = labels
        return labels
    }
}

/// Running per-cell mean and variance (Welford) of surrogate values, and
/// how many fell below the observed value.
final class SurrogateStatistics: @unchecked Sendable {
    var count: [Int]
    var mean: [Double]
    var squares: [Double]
    var below: [Int]

    init(cells: Int) {
        count = [Int](repeating: 0, count: cells)
        mean = [Double](repeating: 0, count: cells)
        squares = [Double](repeating: 0, count: cells)
        below = [Int](repeating: 0, count: cells)
    }

    func add(_ values: [Double], observed: [Double]) {
        for i in values.indices where values[i].isFinite {
            count[i] += 1
            let delta = values[i] - mean[i]
            mean[i] += delta / Double(count[i])
            squares[i] += delta * (values[i] - mean[i])
            if values[i] < observed[i] { below[i] += 1 }
        }
    }

    /// Population SD (NumPy's `nanstd`, as the reference), NaN without values.
    func standardDeviation(_ i: Int) -> Double { count[i] > 0 ? (squares[i] / Double(count[i])).squareRoot() : .nan }
}
