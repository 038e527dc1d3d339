import Foundation
import LDFCore
import Numerics

/// Group wavelet phase coherence with inter-subject surrogates (MODA's group coherence, as
/// PyMODAlib's `group_coherence` implements it): every subject contributes a pair of signals
/// (A_i, B_i); the coherence of A_i with B_j for j != i (signals of different subjects, which share
/// no physiology) is the surrogate distribution against which C_ii is judged.
///
/// Per subject i and frequency f: C_ii (time-averaged phase coherence, `CoherenceAnalyzer`), the
/// threshold = `percentile` (default 95, linear interpolation) of the 2 (n - 1) surrogates C_ij and
/// C_ji, and the residual coherence max(0, C_ii - threshold) (PyMODAlib sets a missing threshold
/// to 0). Group summaries per frequency: medians of C_ii and of the residuals, the median and the
/// percentile of all n (n - 1) surrogates.
///
/// All pairs are analysed over their first `sampleCount` samples (the shortest pair's), so every
/// C_ij uses one transform and one grid, as PyMODAlib requires equal lengths. Rows are computed
/// once per signal and frequency (2n rows), not once per pair: n^2 coherences at the cost of 2n
/// transforms.
///
/// Methods: docs/METHODS.md §11.
public struct GroupCoherence: Sendable {
    public struct Member: Sendable, Equatable {
        public var id: String
        /// C_ii per frequency (NaN where no coefficient is inside the cone).
        public var coherence: [Double]
        /// The percentile of the subject's inter-subject surrogates per frequency.
        public var threshold: [Double]
        /// max(0, C_ii - threshold); the threshold counts as 0 where it is NaN.
        public var residual: [Double]
    }

    public var frequenciesHz: [Double]
    public var members: [Member]
    /// Samples per signal analysed (the shortest pair's) and the rate.
    public var sampleCount: Int
    public var sampleRateHz: Double
    public var percentile: Double
    /// Length of the stretch analysed per signal, s.
    public var analysedSeconds: Double { Double(sampleCount) / sampleRateHz }
    /// Per frequency over subjects: median C_ii and median residual.
    public var medianCoherence: [Double]
    public var medianResidual: [Double]
    /// Per frequency over all n (n - 1) inter-subject pairs: median and percentile.
    public var surrogateMedian: [Double]
    public var surrogateThreshold: [Double]
    /// Wavelet options with voices resolved.
    public var options: WaveletOptions

    /// - Parameters:
    ///   - pairs: each subject's id and its two signals on one grid at `sampleRateHz`.
    ///   - options: wavelet options with fmin and fmax set.
    /// - Throws: `LDFError` for fewer than two subjects (no inter-subject surrogate exists), a
    ///   percentile outside 0 ... 100, or a signal the transform rejects.
    public init(pairs: [(id: String, first: [Double], second: [Double])], sampleRateHz: Double, options: WaveletOptions,
                includeEdges: Bool = false, percentile: Double = 95) throws {
        guard pairs.count >= 2 else {
            throw LDFError("group", "group coherence needs at least 2 subjects (got \(pairs.count)): the surrogates pair signals of different subjects",
                           fix: "add subjects to the group, or use `ldf coherence` with surrogates of one pair")
        }
        guard (0...100).contains(percentile) else {
            throw LDFError("percentile", "\(percentile) is outside 0-100", fix: "use 95 (PyMODAlib's default)")
        }
        let count = pairs.map { min($0.first.count, $0.second.count) }.min()!
        let transform = try WaveletTransform(sampleCount: count, sampleRateHz: sampleRateHz, options: options)
        let analyzer = CoherenceAnalyzer(transform: transform, includeEdges: includeEdges)
        let spectraA = try pairs.map { pair -> ComplexBuffer in
            let x = Array(pair.first.prefix(count))
            try transform.checkSignal(x)
            return transform.paddedSpectrum(x)
        }
        let spectraB = try pairs.map { pair -> ComplexBuffer in
            let y = Array(pair.second.prefix(count))
            try transform.checkSignal(y)
            return transform.paddedSpectrum(y)
        }
        let matrices = analyzer.pairwiseCoherence(spectraA, spectraB)
        let n = pairs.count, rule = SurrogateOptions(count: 2, test: .percentile)
        func quantile(_ values: [Double]) -> Double {
            var r = rule
            r.level = percentile / 100
            return r.threshold(values)
        }
        let members = pairs.enumerated().map { i, pair in
            let coherence = matrices.map { $0[i * n + i] }
            let threshold = matrices.map { m in quantile((0..<n).filter { $0 != i }.flatMap { [m[i * n + $0], m[$0 * n + i]] }) }
            let residual = zip(coherence, threshold).map { c, t in c.isNaN ? Double.nan : max(0, c - (t.isNaN ? 0 : t)) }
            return Member(id: pair.id, coherence: coherence, threshold: threshold, residual: residual)
        }
        let median = { (values: [Double]) -> Double in
            let finite = values.filter { !$0.isNaN }.sorted()
            guard !finite.isEmpty else { return .nan }
            let h = Double(finite.count - 1) / 2
            let lower = Int(h.rounded(.down))
            return finite[lower] + (h - Double(lower)) * (finite[min(lower + 1, finite.count - 1)] - finite[lower])
        }
        let rows = transform.frequenciesHz.indices
        self.members = members
        medianCoherence = rows.map { f in median(members.map { $0.coherence[f] }) }
        medianResidual = rows.map { f in median(members.map { $0.residual[f] }) }
        let others = { (m: [Double]) in (0..<(n * n)).filter { $0 / n != $0 % n }.map { m[$0] } }
        surrogateMedian = matrices.map { median(others($0)) }
        surrogateThreshold = matrices.map { quantile(others($0)) }
        frequenciesHz = transform.frequenciesHz
        sampleCount = count
        self.sampleRateHz = sampleRateHz
        self.percentile = percentile
        self.options = transform.options
    }
}

extension CoherenceAnalyzer {
    /// C_ij = |mean exp(i (arg A_i - arg B_j))| for every i, j and frequency, from the signals'
    /// padded spectra: per frequency (in parallel) each signal's row once, normalised to unit
    /// phasors, then all products. Returns per frequency the n x n matrix, row-major (i * n + j).
    func pairwiseCoherence(_ spectraA: [ComplexBuffer], _ spectraB: [ComplexBuffer]) -> [[Double]] {
        let n = spectraA.count, rowCount = transform.frequenciesHz.count
        let slots = ResultSlots<[Double]>(count: rowCount)
        let longest = longestRow
        ParallelWork.forEach(rowCount, scratch: { (0..<(2 * n)).map { _ in ComplexBuffer(count: longest) } }) { rows, index in
            let span = spans[index]
            guard !span.isEmpty, transform.rows[index].binCount > 0 else {
                slots.set(index, [Double](repeating: .nan, count: n * n))
                return
            }
            let shortCount = transform.rows[index].shortCount
            for (s, spectrum) in (spectraA + spectraB).enumerated() {
                transform.computeRow(index, spectrum: spectrum, shortCount: shortCount, output: rows[s])
                let row = rows[s].pointer
                for m in span {
                    let length = row[m].length
                    row[m] = length > 0 ? row[m].divided(by: length) : .zero
                }
            }
            var matrix = [Double](repeating: .nan, count: n * n)
            for i in 0..<n {
                let a = rows[i].pointer
                for j in 0..<n {
                    let b = rows[n + j].pointer
                    var re = 0.0, im = 0.0
                    var count = 0
                    for m in span where a[m] != .zero && b[m] != .zero {
                        re += a[m].real * b[m].real + a[m].imaginary * b[m].imaginary
                        im += a[m].imaginary * b[m].real - a[m].real * b[m].imaginary
                        count += 1
                    }
                    if count > 0 { matrix[i * n + j] = (re * re + im * im).squareRoot() / Double(count) }
                }
            }
            slots.set(index, matrix)
        }
        return slots.values
    }
}
