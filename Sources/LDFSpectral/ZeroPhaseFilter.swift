import LDFCore

/// Zero-phase IIR filtering as MATLAB's and GNU Octave's `filtfilt`: the signal is extended at
/// each end by 3 (N - 1) samples reflected about the end sample (2 x(1) - x(k)), filtered forward
/// and then backward with initial states set to the filter's steady state for a step of the first
/// (last) sample, and the extension cut off. N is the larger coefficient count. The result has
/// the squared magnitude response of the filter and no phase shift.
public struct ZeroPhaseFilter: Sendable, Equatable {
    /// Numerator b and denominator a (a[0] != 0; both scaled so a[0] = 1).
    public let numerator: [Double]
    public let denominator: [Double]

    public init(numerator: [Double], denominator: [Double]) {
        precondition(!denominator.isEmpty && denominator[0] != 0, "a[0] must be non-zero")
        let n = max(numerator.count, denominator.count)
        let a0 = denominator[0]
        self.numerator = (numerator + [Double](repeating: 0, count: n - numerator.count)).map { $0 / a0 }
        self.denominator = (denominator + [Double](repeating: 0, count: n - denominator.count)).map { $0 / a0 }
    }

    /// Samples added at each end: 3 (N - 1).
    public var reflectionCount: Int { 3 * (numerator.count - 1) }

    /// - Throws: `LDFError` when the signal has no more than `reflectionCount` samples.
    public func apply(_ x: [Double]) throws -> [Double] {
        let pad = reflectionCount
        guard x.count > pad else {
            throw LDFError("signal", "\(x.count) samples are too few for this filter (more than \(pad) are needed)",
                           fix: "analyse a longer recording or a wider band")
        }
        let last = x.count - 1
        var v = (0..<pad).map { 2 * x[0] - x[pad - $0] }
        v += x
        v += (1...pad).map { 2 * x[last] - x[last - $0] }
        let initial = steadyState
        v = filter(v, initial: initial.map { $0 * v[0] })
        v.reverse()
        v = filter(v, initial: initial.map { $0 * v[0] })
        v.reverse()
        return Array(v[pad..<(pad + x.count)])
    }

    /// States for a constant input of 1 in steady state: z_i = sum_{j > i} (b_j - k a_j), k the
    /// DC gain sum(b) / sum(a) (zero states when it is not finite).
    var steadyState: [Double] {
        let gain = numerator.reduce(0, +) / denominator.reduce(0, +)
        guard gain.isFinite else { return [Double](repeating: 0, count: numerator.count - 1) }
        var states = [Double](repeating: 0, count: numerator.count - 1)
        var running = 0.0
        for j in stride(from: numerator.count - 1, through: 1, by: -1) {
            running += numerator[j] - gain * denominator[j]
            states[j - 1] = running
        }
        return states
    }

    /// Direct form II transposed (MATLAB's and Octave's `filter`) from states `initial`.
    func filter(_ x: [Double], initial: [Double]) -> [Double] {
        let b = numerator, a = denominator, order = b.count - 1
        var z = initial + [0]
        var y = [Double](repeating: 0, count: x.count)
        for n in x.indices {
            let out = b[0] * x[n] + z[0]
            for i in 0..<order { z[i] = b[i + 1] * x[n] + z[i + 1] - a[i + 1] * out }
            y[n] = out
        }
        return y
    }
}
