/// One pair of frequencies of the harmonic finder, f1 < f2, with its surrogate test.
public struct HarmonicPair: Sendable, Equatable {
    /// The slower frequency, Hz.
    public var f1Hz: Double
    /// The faster frequency, Hz.
    public var f2Hz: Double
    /// Normalised mutual information I(phase f1; phase f2) / H(phase f2), 0 ... 1.
    public var mutualInformation: Double
    /// Mean and population SD of the measure with the f2 phase from the surrogates; nil without.
    public var surrogateMean: Double?
    public var surrogateSD: Double?
    /// How many surrogates gave a lower value (PyMODAlib's `pos1`); nil without surrogates.
    public var surrogatesBelow: Int?
    /// (value − surrogate mean) / surrogate SD (PyMODAlib's `pos2`, which caps it at 5 for its
    /// plot; not capped here); nil without surrogates or when the SD is 0.
    public var significanceSD: Double?
    /// 100 × surrogatesBelow / surrogates, %.
    public var percentile: Double?

    /// f2 / f1 (2 for a second harmonic).
    public var ratio: Double { f2Hz / f1Hz }
}

/// The harmonic finder's result: per pair of grid frequencies the measure and its surrogate
/// statistics. Frequencies in grid order (descending, the reference's); the matrices are
/// symmetric and stored as the lower triangle (slow index a1 >= fast index r at
/// a1 (a1 + 1) / 2 + r). Methods: docs/METHODS.md §19.
public struct HarmonicFinderResult: Sendable, Equatable {
    /// Grid frequencies, Hz, descending.
    public var frequenciesHz: [Double]
    /// Seconds left out at each end per frequency.
    public var marginsSeconds: [Double]
    /// Times (columns) of the phase grid.
    public var timeCount: Int
    /// Number of AAFT surrogates (0: no test).
    public var surrogateCount: Int
    /// The measure on the lower triangle (diagonal: a phase with itself, 1).
    public var observed: [Double]
    public var surrogateMean: [Double]?
    public var surrogateSD: [Double]?
    public var surrogatesBelow: [Int]?

    init(frequenciesHz: [Double], marginsSeconds: [Double], timeCount: Int, triangle: [Double], surrogateCount: Int,
         statistics: SurrogateStatistics?) {
        self.frequenciesHz = frequenciesHz
        self.marginsSeconds = marginsSeconds
        self.timeCount = timeCount
        self.surrogateCount = surrogateCount
        observed = triangle
        surrogateMean = statistics.map { s in s.count.indices.map { s.count[$0] > 0 ? s.mean[$0] : .nan } }
        surrogateSD = statistics.map { s in s.count.indices.map(s.standardDeviation) }
        surrogatesBelow = statistics?.below
    }

    /// Index of the pair (i, j) of grid frequencies in the triangle (symmetric).
    static func cell(_ i: Int, _ j: Int) -> Int {
        let slow = max(i, j), fast = min(i, j)
        return slow * (slow + 1) / 2 + fast
    }

    /// The measure between grid frequencies i and j (either order).
    public func mutualInformation(_ i: Int, _ j: Int) -> Double { observed[Self.cell(i, j)] }

    /// The pair of grid frequencies i != j.
    public func pair(_ i: Int, _ j: Int) -> HarmonicPair {
        precondition(i != j, "a harmonic pair needs two frequencies")
        let slow = max(i, j), fast = min(i, j), c = Self.cell(i, j)
        let mean = surrogateMean?[c], sd = surrogateSD?[c], value = observed[c]
        let z = mean.flatMap { m in sd.flatMap { $0 > 0 && $0.isFinite ? (value - m) / $0 : nil } }
        return HarmonicPair(f1Hz: frequenciesHz[slow], f2Hz: frequenciesHz[fast], mutualInformation: value, surrogateMean: mean,
                            surrogateSD: sd, surrogatesBelow: surrogatesBelow?[c], significanceSD: z,
                            percentile: surrogatesBelow.map { 100 * Double($0[c]) / Double(max(surrogateCount, 1)) })
    }

    /// Every pair f1 < f2, by f1 then f2 ascending.
    public var pairs: [HarmonicPair] {
        let n = frequenciesHz.count
        return (0..<n).reversed().flatMap { slow in (0..<slow).reversed().map { fast in pair(slow, fast) } }
    }

    /// The strongest candidate harmonic pairs: pairs at least `minimumRatio` apart (neighbouring
    /// scales share their phase through the wavelet's bandwidth) that are local maxima of the
    /// excess over the surrogate mean (the measure itself without surrogates) among their eight
    /// grid neighbours, strongest first. The excess, not the SD units, ranks them: with the
    /// reference's 10 surrogates an SD estimate can be tiny by chance.
    public func strongestPairs(limit: Int, minimumRatio: Double = 1.5) -> [HarmonicPair] {
        let n = frequenciesHz.count
        func score(_ i: Int, _ j: Int) -> Double {
            let p = pair(i, j)
            return p.surrogateMean.map { p.mutualInformation - $0 } ?? p.mutualInformation
        }
        var found: [(HarmonicPair, Double)] = []
        for slow in 0..<n {
            for fast in 0..<slow where frequenciesHz[fast] / frequenciesHz[slow] >= minimumRatio {
                let s = score(slow, fast)
                guard s.isFinite else { continue }
                var peak = true
                for di in -1...1 { for dj in -1...1 where di != 0 || dj != 0 {
                    let i = slow + di, j = fast + dj
                    if i >= 0, j >= 0, i < n, j < n, i != j, score(i, j) > s { peak = false }
                } }
                if peak { found.append((pair(slow, fast), s)) }
            }
        }
        return found.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.mutualInformation > $1.0.mutualInformation }.prefix(limit).map(\.0)
    }
}
