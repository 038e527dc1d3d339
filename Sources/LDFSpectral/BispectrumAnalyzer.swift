import Foundation
import LDFCore
import Numerics

/// Wavelet bispectra on one `WaveletTransform` (MODA's `bispecWavNew` and `wtAtf2`; Jamšek,
/// Stefanovska & McClintock 2007), set up once for a signal length and reused for the observed
/// signals and every surrogate. Immutable and `Sendable`.
///
/// B(f1, f2) = mean over t of W_a(f1, t) W_b(f2, t) conj(W_b(f1 + f2, t)) on the transform's
/// frequency grid, with W at the exact sum frequency f1 + f2 (not the nearest grid frequency).
/// As in MODA, a pair is defined when f1 + f2 <= fmax (the grid's top frequency) and at least one
/// grid frequency lies strictly between max(f1, f2) and f1 + f2; auto-bispectra only for f1 <= f2.
/// The mean runs over the times where all three coefficients are inside their cones of influence
/// (those of the lower of f1, f2), or over the whole signal with edges included.
///
/// Memory stays bounded: only the f1 x f2 grid is kept. Rows are computed band-limited on short
/// decimated grids (`DecimatedWaveletRow`) in tiles of `tileSize` x `tileSize` grid pairs; each
/// sum-frequency row comes on demand from the signal's one padded spectrum, at the decimation the
/// pair needs. The mean over the cone uses the same Euler-Maclaurin rule as the time-averaged
/// spectrum, so it equals the full-rate mean to well below 1e-4 relative.
///
/// Methods: docs/METHODS.md §9.
public final class BispectrumAnalyzer: Sendable {
    public let transform: WaveletTransform
    /// Average over coefficients outside the cone of influence too (default false).
    public let includeEdges: Bool
    /// Every defined pair (j <= k and j > k), grouped by tile.
    let tiles: [Tile]
    /// Why pairs are undefined: counts by reason (for diagnostics).
    public let undefinedCounts: UndefinedCounts
    /// e^{2 pi i q / longestRow}, q = 0 ..< longestRow: carriers without sin/cos in loops.
    let unitRoots: [Complex<Double>]
    let longestRow: Int

    /// Grid pairs per tile side: each tile computes its f1 and f2 rows once.
    static let tileSize = 16

    /// How many grid pairs were left undefined, and why.
    public struct UndefinedCounts: Sendable, Equatable {
        /// f1 + f2 above the highest grid frequency.
        public var sumAboveGrid = 0
        /// No grid frequency strictly between max(f1, f2) and f1 + f2 (MODA's rule).
        public var noFrequencyBetween = 0
        /// No time at which all three coefficients are inside the cone of influence.
        public var outsideCone = 0
    }

    /// One defined grid pair: frequency indices, the sum-frequency row, the decimated length the
    /// product is evaluated at and the padded samples averaged.
    struct Pair: Sendable {
        var j: Int
        var k: Int
        var sumHz: Double
        var sumPlan: WaveletTransform.RowPlan
        var shortCount: Int
        /// Padded sample indices a ... b (inclusive) averaged.
        var first: Int
        var last: Int
    }

    /// A block of f1 rows by a block of f2 rows with its defined pairs.
    struct Tile: Sendable {
        var rowsJ: Range<Int>
        var rowsK: Range<Int>
        var pairs: [Pair]
        /// The longest decimated length of its pairs: f1 and f2 rows are computed at it.
        var shortCount: Int
    }

    public init(transform: WaveletTransform, includeEdges: Bool = false) {
        self.transform = transform
        self.includeEdges = includeEdges
        let frequencies = transform.frequenciesHz
        let n = frequencies.count
        var counts = UndefinedCounts()
        var byTile: [Int: [Pair]] = [:]
        let side = (n + Self.tileSize - 1) / Self.tileSize
        for j in 0..<n {
            for k in 0..<n {
                switch Self.pair(j, k, transform: transform, includeEdges: includeEdges) {
                case .success(let pair): byTile[(j / Self.tileSize) * side + k / Self.tileSize, default: []].append(pair)
                case .failure(.sumAboveGrid): counts.sumAboveGrid += 1
                case .failure(.noFrequencyBetween): counts.noFrequencyBetween += 1
                case .failure(.outsideCone): counts.outsideCone += 1
                }
            }
        }
        tiles = byTile.keys.sorted().map { key in
            let pairs = byTile[key]!
            let j0 = (key / side) * Self.tileSize, k0 = (key % side) * Self.tileSize
            return Tile(rowsJ: j0..<min(n, j0 + Self.tileSize), rowsK: k0..<min(n, k0 + Self.tileSize), pairs: pairs,
                        shortCount: pairs.map(\.shortCount).max()!)
        }
        undefinedCounts = counts
        let longest = max(16, tiles.map(\.shortCount).max() ?? 16)
        longestRow = longest
        unitRoots = (0..<longest).map { q in
            let angle = 2 * Double.pi * Double(q) / Double(longest)
            return Complex(cos(angle), sin(angle))
        }
    }

    enum Undefined: Error { case sumAboveGrid, noFrequencyBetween, outsideCone }

    /// The plan of grid pair (j, k), or why it is undefined.
    static func pair(_ j: Int, _ k: Int, transform: WaveletTransform, includeEdges: Bool) -> Result<Pair, Undefined> {
        let frequencies = transform.frequenciesHz
        let sum = frequencies[j] + frequencies[k]
        guard sum <= frequencies[frequencies.count - 1] else { return .failure(.sumAboveGrid) }
        // MODA: idx3 = first grid index with f >= f1 + f2; the pair needs f(idx3 - 1) > f(max(j, k)).
        let above = frequencies.firstIndex { $0 >= sum }!
        guard above - 1 > max(j, k) else { return .failure(.noFrequencyBetween) }
        let range = transform.validRange(atFrequencyHz: sum, gridIndices: [j, k], includeEdges: includeEdges)
        guard !range.isEmpty else { return .failure(.outsideCone) }
        let sumPlan = transform.rowPlan(atFrequencyHz: sum, validCount: range.count)
        let shortCount = max(sumPlan.shortCount, transform.rows[j].shortCount, transform.rows[k].shortCount)
        return .success(Pair(j: j, k: k, sumHz: sum, sumPlan: sumPlan, shortCount: shortCount,
                             first: transform.padBefore + range.lowerBound, last: transform.padBefore + range.upperBound - 1))
    }

    /// The carrier shift of a row: its baseband output times e^{2 pi i shift m / M} is W at m.
    static func shift(_ plan: WaveletTransform.RowPlan) -> Int { plan.firstBin + plan.binCount / 2 }
}

extension WaveletTransform {
    /// The band-limited plan of a row at any frequency (see `rowPlan(frequencyHz:...)`).
    func rowPlan(atFrequencyHz frequency: Double, validCount: Int) -> RowPlan {
        Self.rowPlan(frequencyHz: frequency, validCount: validCount, wavelet: wavelet, options: options,
                     sampleCount: sampleCount, sampleRateHz: sampleRateHz, paddedCount: paddedCount)
    }

    /// The cone of influence of a row at `frequencyHz` under `options.coneRule` (one frequency).
    func cone(atFrequencyHz frequency: Double) -> ConeOfInfluence {
        ConeOfInfluence(rule: options.coneRule, wavelet: wavelet, frequenciesHz: [frequency],
                        sampleCount: sampleCount, sampleRateHz: sampleRateHz)
    }

    /// The signal samples where the row at `frequencyHz` and the grid rows `gridIndices` are all
    /// inside their cones (every sample with edges included).
    func validRange(atFrequencyHz frequency: Double, gridIndices: [Int], includeEdges: Bool) -> Range<Int> {
        guard !includeEdges else { return 0..<sampleCount }
        var range = cone(atFrequencyHz: frequency).validRange(0)
        for index in gridIndices {
            let other = cone.validRange(index)
            range = max(range.lowerBound, other.lowerBound)..<max(max(range.lowerBound, other.lowerBound), min(range.upperBound, other.upperBound))
        }
        return range
    }
}
