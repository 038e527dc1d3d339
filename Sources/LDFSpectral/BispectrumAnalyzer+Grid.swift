import Foundation
import LDFCore
import Numerics

/// A wavelet bispectrum on the transform's frequency grid.
public struct BispectrumGrid: Sendable, Equatable {
    public var kind: BispectrumKind
    /// The grid frequencies in Hz, ascending (f1 and f2 both run over them).
    public var frequenciesHz: [Double]
    /// |B(f1_j, f2_k)| at index j * n + k (signal unit cubed, MODA's normalisation: a cosine of
    /// amplitude a has |W| = a / 2); NaN where the pair is undefined.
    public var amplitude: [Double]
    /// arg B(f1_j, f2_k) in radians, (-pi, pi]: the biphase of the time-averaged product; NaN
    /// where undefined.
    public var phase: [Double]

    public var count: Int { frequenciesHz.count }

    /// |B| at grid indices (j, k).
    public func amplitude(_ j: Int, _ k: Int) -> Double { amplitude[j * count + k] }
}

extension BispectrumAnalyzer {
    /// The bispectra `kinds` of `first` and `second` (nil: `first` alone, auto-bispectrum 111 only).
    /// - Throws: `LDFError` for a wrong length, a NaN / infinite sample, or a kind that needs a
    ///   second signal when there is none.
    public func bispectra(_ first: [Double], _ second: [Double]?, kinds: [BispectrumKind]) throws -> [BispectrumGrid] {
        let spectra = try paddedSpectra(first, second, kinds: kinds)
        return kinds.map { grid($0, spectra: spectra, parallel: true) }
    }

    /// Checks both signals and returns their padded spectra (the second only when given).
    func paddedSpectra(_ first: [Double], _ second: [Double]?, kinds: [BispectrumKind]) throws -> [ComplexBuffer] {
        try transform.checkSignal(first)
        if let second { try transform.checkSignal(second) }
        if second == nil, let kind = kinds.first(where: \.needsSecondSignal) {
            throw LDFError("signal", "bispectrum \(kind.rawValue) needs a second signal", fix: "give two signals, or ask for 111 only")
        }
        return ([first] + (second.map { [$0] } ?? [])).map { transform.paddedSpectrum($0) }
    }

    /// One bispectrum from the signals' padded spectra; `parallel` spreads the tiles across the
    /// cores (one pair of signals), surrogate loops run each grid serially instead.
    func grid(_ kind: BispectrumKind, spectra: [ComplexBuffer], parallel: Bool) -> BispectrumGrid {
        let n = transform.frequenciesHz.count
        let sourceA = spectra[kind.sources.first], sourceB = spectra[kind.sources.second]
        let results = ResultSlots<[(Int, Complex<Double>)]>(count: tiles.count)
        let longest = longestRow
        let makeScratch: @Sendable () -> TileScratch = { TileScratch(rows: 2 * Self.tileSize, count: longest) }
        let body: @Sendable (TileScratch, Int) -> Void = { scratch, t in
            results.set(t, self.tileValues(self.tiles[t], kind: kind, sourceA, sourceB, scratch))
        }
        if parallel {
            ParallelWork.forEach(tiles.count, scratch: makeScratch, body)
        } else {
            let scratch = makeScratch()
            for t in tiles.indices { body(scratch, t) }
        }
        var amplitude = [Double](repeating: .nan, count: n * n), phase = amplitude
        for tile in results.values {
            for (cell, b) in tile {
                amplitude[cell] = b.length
                phase[cell] = atan2(b.imaginary, b.real)
            }
        }
        return BispectrumGrid(kind: kind, frequenciesHz: transform.frequenciesHz, amplitude: amplitude, phase: phase)
    }

    /// B of every pair of `tile` (cell index j * n + k), auto kinds for j <= k only.
    private func tileValues(_ tile: Tile, kind: BispectrumKind, _ sourceA: ComplexBuffer, _ sourceB: ComplexBuffer,
                            _ scratch: TileScratch) -> [(Int, Complex<Double>)] {
        let pairs = kind.isAuto ? tile.pairs.filter { $0.j <= $0.k } : tile.pairs
        guard !pairs.isEmpty else { return [] }
        let n = transform.frequenciesHz.count
        let m = tile.shortCount
        for j in Set(pairs.map(\.j)) {
            transform.computeRow(j, spectrum: sourceA, shortCount: m, output: scratch.rows[j - tile.rowsJ.lowerBound])
        }
        for k in Set(pairs.map(\.k)) {
            transform.computeRow(k, spectrum: sourceB, shortCount: m,
                                 output: scratch.rows[Self.tileSize + k - tile.rowsK.lowerBound])
        }
        return pairs.map { pair in
            transform.computeRow(plan: pair.sumPlan, frequencyHz: pair.sumHz, spectrum: sourceB, shortCount: pair.shortCount,
                                 output: scratch.sum)
            let w1 = scratch.rows[pair.j - tile.rowsJ.lowerBound], w2 = scratch.rows[Self.tileSize + pair.k - tile.rowsK.lowerBound]
            return (pair.j * n + pair.k, mean(pair, w1, w2, scratch.sum, tileCount: m))
        }
    }

    /// The time average of W1 W2 conj(W3) for `pair` from baseband rows: w1, w2 at `tileCount`
    /// samples, w3 at the pair's own decimated length.
    private func mean(_ pair: Pair, _ w1: ComplexBuffer, _ w2: ComplexBuffer, _ w3: ComplexBuffer, tileCount: Int) -> Complex<Double> {
        let m = pair.shortCount, mask = m - 1
        let ratio = tileCount / m, rootStride = longestRow / m
        let shift = (Self.shift(transform.rows[pair.j]) + Self.shift(transform.rows[pair.k]) - Self.shift(pair.sumPlan)) % m
        let d = (shift + m) % m
        let a = w1.pointer, b = w2.pointer, c = w3.pointer
        let sum = unitRoots.withUnsafeBufferPointer { roots in
            WaveletTransform.decimatedMean(from: pair.first, through: pair.last, decimation: transform.paddedCount / m) { index in
                let q = index & mask
                let z = a[q * ratio] * b[q * ratio] * c[q].conjugate * roots[(d * q & mask) * rootStride]
                return SIMD2(z.real, z.imaginary)
            }
        }
        let scale = 1 / Double(transform.paddedCount)
        return Complex(sum[0], sum[1]).multiplied(by: scale * scale * scale)
    }
}

/// Per-task buffers of the tile computation: the tile's f1 and f2 rows and the sum-frequency row.
final class TileScratch: @unchecked Sendable {
    let rows: [ComplexBuffer]
    let sum: ComplexBuffer

    init(rows count: Int, count length: Int) {
        rows = (0..<count).map { _ in ComplexBuffer(count: length) }
        sum = ComplexBuffer(count: length)
    }
}
