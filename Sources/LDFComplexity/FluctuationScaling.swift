import Foundation

/// A DFA scaling range: the window sizes it spans (in seconds, as given) and the exponent fitted
/// over them, e.g. short-term 1–10 s and long-term 10–100 s.
public struct ScalingRange: Sendable, Equatable, Codable {
    public var name: String
    public var lowSeconds: Double
    public var highSeconds: Double

    public init(name: String, lowSeconds: Double, highSeconds: Double) {
        self.name = name
        self.lowSeconds = lowSeconds
        self.highSeconds = highSeconds
    }
}

/// Monofractal DFA over one scaling range: alpha, the slope of ln F(n) against ln n (white noise
/// 0.5, 1/f noise 1, Brownian motion 1.5).
public struct DFAResult: Sendable, Equatable {
    public var range: ScalingRange
    /// Window sizes used, in samples.
    public var scales: [Int]
    /// F(n) at each scale, in the signal's unit times samples (the profile's unit).
    public var fluctuations: [Double]
    public var alpha: Double?
    public var reason: String?
}

/// Multifractal DFA over one scaling range: the generalised Hurst exponents h(q), the mass
/// exponents tau(q) = q h(q) - 1, the singularity spectrum alpha = d tau / d q and
/// f(alpha) = q alpha - tau, and the spectrum's width max alpha - min alpha. Derivatives are
/// NumPy's `gradient` (central secants inside, one-sided at the ends), as in NeuroKit2.
public struct MFDFAResult: Sendable, Equatable {
    public var range: ScalingRange
    public var scales: [Int]
    public var q: [Double]
    public var h: [Double]
    public var tau: [Double]
    public var singularity: [Double]
    public var dimension: [Double]
    public var width: Double?
    public var reason: String?
}

/// DFA and MFDFA of one signal; the profile and window variances are computed once per scale.
public struct FluctuationScaling: Sendable {
    /// Fewest windows of the largest scale, and the smallest window, in samples.
    public static let minimumWindows = 4
    public static let minimumScale = 4
    /// Fewest distinct scales a fit needs.
    public static let minimumScaleCount = 3

    let profile: [Double]
    let sampleRateHz: Double

    public init(_ values: [Double], sampleRateHz: Double) {
        profile = DetrendedFluctuation.profile(values)
        self.sampleRateHz = sampleRateHz
    }

    /// The scales of `range`, or why it cannot be fitted on this signal.
    public func scales(_ range: ScalingRange, count: Int) -> Result<[Int], ScaleProblem> {
        let scales = DetrendedFluctuation.scales(lowSeconds: range.lowSeconds, highSeconds: range.highSeconds, count: count, sampleRateHz: sampleRateHz)
        let seconds = { (n: Int) in String(format: "%g", Double(n) / sampleRateHz) }
        if let smallest = scales.first, smallest < Self.minimumScale {
            return .failure(ScaleProblem("range \(range.name) starts at \(smallest) samples at \(String(format: "%g", sampleRateHz)) Hz "
                + "(at least \(Self.minimumScale) are needed); start it at \(seconds(Self.minimumScale)) s or later"))
        }
        if let largest = scales.last, largest * Self.minimumWindows > profile.count {
            return .failure(ScaleProblem("range \(range.name) reaches \(seconds(largest)) s windows, which need at least "
                + "\(Self.minimumWindows) windows (\(seconds(largest * Self.minimumWindows)) s); the signal has \(seconds(profile.count)) s"))
        }
        if scales.count < Self.minimumScaleCount {
            return .failure(ScaleProblem("range \(range.name) holds \(scales.count) distinct window sizes (at least \(Self.minimumScaleCount) are needed); widen it"))
        }
        return .success(scales)
    }

    public struct ScaleProblem: Error, Sendable { public var reason: String; init(_ r: String) { reason = r } }

    /// DFA-1 alpha over `range` with `count` log-spaced scales.
    public func dfa(_ range: ScalingRange, count: Int) -> DFAResult {
        switch scales(range, count: count) {
        case .failure(let problem):
            return DFAResult(range: range, scales: [], fluctuations: [], alpha: nil, reason: problem.reason)
        case .success(let scales):
            let f = scales.map { DetrendedFluctuation.fluctuation(DetrendedFluctuation.windowVariances(profile, scale: $0), q: 2) }
            guard f.allSatisfy({ $0 != nil }) else {
                return DFAResult(range: range, scales: scales, fluctuations: [], alpha: nil, reason: "the profile is a straight line at some scale (constant signal)")
            }
            let values = f.map { $0! }
            return DFAResult(range: range, scales: scales, fluctuations: values,
                             alpha: DetrendedFluctuation.slope(scales.map { log(Double($0)) }, values.map(log)), reason: nil)
        }
    }

    /// MFDFA over `range` for the orders `q` (sorted, distinct).
    public func mfdfa(_ range: ScalingRange, count: Int, q: [Double]) -> MFDFAResult {
        func failed(_ reason: String, _ scales: [Int] = []) -> MFDFAResult {
            MFDFAResult(range: range, scales: scales, q: q, h: [], tau: [], singularity: [], dimension: [], width: nil, reason: reason)
        }
        switch scales(range, count: count) {
        case .failure(let problem): return failed(problem.reason)
        case .success(let scales):
            let variances = scales.map { DetrendedFluctuation.windowVariances(profile, scale: $0) }
            guard variances.allSatisfy({ !$0.isEmpty }) else { return failed("the profile is a straight line at some scale (constant signal)", scales) }
            let x = scales.map { log(Double($0)) }
            let h = q.map { order in DetrendedFluctuation.slope(x, variances.map { log(DetrendedFluctuation.fluctuation($0, q: order)!) }) }
            let tau = zip(q, h).map { $0 * $1 - 1 }
            let singularity = zip(Self.gradient(tau), Self.gradient(q)).map { $0 / $1 }
            let dimension = (0..<q.count).map { q[$0] * singularity[$0] - tau[$0] }
            let width = singularity.max()! - singularity.min()!
            return MFDFAResult(range: range, scales: scales, q: q, h: h, tau: tau, singularity: singularity, dimension: dimension,
                               width: width.isFinite ? width : nil, reason: width.isFinite ? nil : "the spectrum is not finite")
        }
    }

    /// NumPy's `gradient` with unit spacing: central differences inside, one-sided at the ends.
    static func gradient(_ v: [Double]) -> [Double] {
        let n = v.count
        guard n >= 2 else { return [Double](repeating: 0, count: n) }
        return (0..<n).map { i in
            i == 0 ? v[1] - v[0] : i == n - 1 ? v[n - 1] - v[n - 2] : (v[i + 1] - v[i - 1]) / 2
        }
    }
}
