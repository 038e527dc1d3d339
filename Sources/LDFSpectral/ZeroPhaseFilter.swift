import LDFCore

/// Zero-phase IIR filtering as MATLAB's and GNU Octave's `filtfilt`: the signal is extended at
/// each end by 3 x (filter order) samples reflected about the end sample (2 x(1) - x(k)),
/// filtered forward and then backward with initial states set to the filter's steady state for a
/// step of the first (last) sample, and the extension cut off. The result has the squared
/// magnitude response of the filter and no phase shift.
///
/// The filter is one transfer function or a cascade of stages (second-order sections); a
/// cascade's later stages start from their steady state for the step their input receives (the
/// first sample times the earlier stages' DC gains).
public struct ZeroPhaseFilter: Sendable, Equatable {
    /// Stages in order, each (b, a) with a[0] = 1 and equal lengths.
    public let stages: [Stage]

    public struct Stage: Sendable, Equatable {
        public let numerator: [Double]
        public let denominator: [Double]

        init(numerator: [Double], denominator: [Double]) {
            precondition(!denominator.isEmpty && denominator[0] != 0, "a[0] must be non-zero")
            let n = max(numerator.count, denominator.count), a0 = denominator[0]
            self.numerator = (numerator + [Double](repeating: 0, count: n - numerator.count)).map { $0 / a0 }
            self.denominator = (denominator + [Double](repeating: 0, count: n - denominator.count)).map { $0 / a0 }
        }

        var order: Int { numerator.count - 1 }
        var dcGain: Double { numerator.reduce(0, +) / denominator.reduce(0, +) }

        /// States for a constant input of 1 in steady state: z_i = sum_{j > i} (b_j - k a_j),
        /// k the DC gain (zero states when it is not finite).
        var steadyState: [Double] {
            let gain = dcGain
            guard gain.isFinite else { return [Double](repeating: 0, count: order) }
            var states = [Double](repeating: 0, count: order)
            var running = 0.0
            for j in stride(from: order, through: 1, by: -1) {
                running += numerator[j] - gain * denominator[j]
                states[j - 1] = running
            }
            return states
        }

        /// Direct form II transposed (MATLAB's and Octave's `filter`) from states `initial`.
        func filter(_ x: inout [Double], initial: [Double]) {
            let b = numerator, a = denominator, order = self.order
            var z = initial + [0]
            for n in x.indices {
                let input = x[n]
                let out = b[0] * input + z[0]
                for i in 0..<order { z[i] = b[i + 1] * input + z[i + 1] - a[i + 1] * out }
                x[n] = out
            }
        }
    }

    /// One transfer function b(z) / a(z).
    public init(numerator: [Double], denominator: [Double]) {
        stages = [Stage(numerator: numerator, denominator: denominator)]
    }

    /// A cascade of second-order sections [b0, b1, b2, a1, a2] (a0 = 1).
    public init(sections: [[Double]]) {
        stages = sections.map { Stage(numerator: Array($0[0..<3]), denominator: [1] + $0[3..<5]) }
    }

    /// Samples added at each end: 3 x the total order.
    public var reflectionCount: Int { 3 * stages.map(\.order).reduce(0, +) }

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
        pass(&v)
        v.reverse()
        pass(&v)
        v.reverse()
        return Array(v[pad..<(pad + x.count)])
    }

    /// One pass through every stage, each from its steady state for the step it receives.
    private func pass(_ v: inout [Double]) {
        var level = v[0]
        for stage in stages {
            stage.filter(&v, initial: stage.steadyState.map { $0 * level })
            level *= stage.dcGain.isFinite ? stage.dcGain : 0
        }
    }
}
