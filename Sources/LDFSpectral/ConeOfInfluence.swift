import Foundation

/// Which time samples of each wavelet row are free of edge effects, as counts of invalid samples
/// at the start and at the end of the signal, per analysed frequency.
///
/// - `.moda` (MODA's wt.m with CutEdges on): the first ceil(|t1e| * fs * ompeak / (2 pi f)) and the
///   last ceil(t2e * fs * ompeak / (2 pi f)) samples are invalid, where [t1e, t2e] is the wavelet's
///   eps-support in time (eps = 1 %). For the Morlet, f0 = 1, that is ceil(2.5758 * fs / f) samples
///   (2.5758 = the normal 99.5 % quantile) on each side.
/// - `.torrenceCompo`: a sample is valid at least 6 * sqrt(2) / (2 * pi * f) s from each edge (the
///   Morlet e-folding time, Torrence & Compo 1998, as used by Hultman et al.): ceil(fs * that) samples.
///
/// A row whose invalid samples cover the whole signal (left + right >= count) has no valid
/// coefficient (MODA sets the whole row to NaN). Unlike wt.m, which drops the cone altogether when
/// not even fmax has a valid coefficient, this type keeps the rule and reports zero valid samples.
///
/// Methods: docs/METHODS.md §3.5.
public struct ConeOfInfluence: Sendable, Equatable {
    public let rule: ConeOfInfluenceRule
    /// Number of signal samples.
    public let sampleCount: Int
    /// Invalid samples at the start, per frequency (same order as the frequency grid).
    public let leadingInvalid: [Int]
    /// Invalid samples at the end, per frequency.
    public let trailingInvalid: [Int]

    /// The cone for `frequenciesHz` of a signal of `sampleCount` samples at `sampleRateHz`.
    public init(rule: ConeOfInfluenceRule, wavelet: MotherWavelet, frequenciesHz: [Double],
                sampleCount: Int, sampleRateHz: Double) {
        self.rule = rule
        self.sampleCount = sampleCount
        switch rule {
        case .moda:
            let scale = sampleRateHz * wavelet.peakAngularFrequency / (2 * Double.pi)
            leadingInvalid = frequenciesHz.map { Int((abs(wavelet.timeSupport.lowerBound) * scale / $0).rounded(.up)) }
            trailingInvalid = frequenciesHz.map { Int((abs(wavelet.timeSupport.upperBound) * scale / $0).rounded(.up)) }
        case .torrenceCompo:
            let counts = frequenciesHz.map { Int((sampleRateHz * Self.torrenceCompoSeconds(frequencyHz: $0)).rounded(.up)) }
            leadingInvalid = counts
            trailingInvalid = counts
        }
    }

    /// The Torrence & Compo e-folding time 6 * sqrt(2) / (2 * pi * f), in seconds.
    public static func torrenceCompoSeconds(frequencyHz: Double) -> Double {
        6 * 2.0.squareRoot() / (2 * Double.pi * frequencyHz)
    }

    /// The valid sample indices of row `index` (empty when none are valid).
    public func validRange(_ index: Int) -> Range<Int> {
        let lower = leadingInvalid[index], upper = sampleCount - trailingInvalid[index]
        return lower < upper ? lower..<upper : 0..<0
    }

    /// Valid samples of row `index`.
    public func validCount(_ index: Int) -> Int { validRange(index).count }

    /// Share (0...1) of valid samples of row `index`.
    public func validFraction(_ index: Int) -> Double {
        sampleCount > 0 ? Double(validCount(index)) / Double(sampleCount) : 0
    }
}
