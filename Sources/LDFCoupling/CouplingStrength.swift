import Foundation

/// Net coupling strengths of one window's parameters, as MODA's `dirc` computes them.
///
/// c_2->1 is the Euclidean norm of every parameter of the first oscillator's equation but its
/// constant term (its natural angular frequency): the sin/cos(m phi2) and mixed terms through
/// which the second acts on it, and, as in MODA, also its own sin/cos(m phi1) terms (so an
/// uncoupled but non-uniform oscillator reads above zero; the surrogate threshold accounts for
/// it). c_1->2 likewise for the second oscillator. Directionality (c_1->2 - c_2->1) /
/// (c_1->2 + c_2->1) lies in [-1, 1]: positive when the first drives the second.
///
/// Methods: docs/METHODS.md §10.
public struct CouplingStrength: Sendable, Equatable {
    /// Coupling from the second oscillator to the first (MODA's cpl1) and back (cpl2).
    public var secondToFirst: Double
    public var firstToSecond: Double
    /// Natural angular frequencies c_1,0 and c_2,0 (rad/s).
    public var angularFrequency1: Double
    public var angularFrequency2: Double

    /// - Parameter parameters: 2K values, the first oscillator's K then the second's.
    public init(parameters c: [Double]) {
        precondition(c.count % 2 == 0 && c.count >= 2, "2K parameters expected")
        let k = c.count / 2
        func norm(_ values: ArraySlice<Double>) -> Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        secondToFirst = norm(c[1..<k])
        firstToSecond = norm(c[(k + 1)..<(2 * k)])
        angularFrequency1 = c[0]
        angularFrequency2 = c[k]
    }

    /// (c_1->2 - c_2->1) / (c_1->2 + c_2->1); NaN when both are zero.
    public var directionality: Double { (firstToSecond - secondToFirst) / (firstToSecond + secondToFirst) }
}
