import Foundation
import LDFCore

extension SurrogateGenerator {
    /// Cyclic phase permutation (CPP) of a phase series in radians, as MODA's `surrcalc`:
    /// the phase is wrapped to [0, 2 pi); a cycle ends where the wrapped phase falls by more
    /// than pi from one sample to the next; the whole cycles are concatenated in random order
    /// between the unchanged first and last partial cycles, and the result is unwrapped
    /// (`unwrap`). With fewer than two whole cycles the wrapped phase is returned unwrapped.
    ///
    /// Keeps each cycle's internal phase dynamics, destroys the phase relation between cycles
    /// (and to any other signal). Unlike PyMODAlib (one permutation for all N surrogates), each
    /// call draws its own permutation, as MODA does.
    public static func cyclePhasePermutation(phase: [Double], random: inout SeededRandom) -> [Double] {
        let twoPi = 2 * Double.pi
        let wrapped = phase.map { value -> Double in
            let r = value.truncatingRemainder(dividingBy: twoPi)
            return r < 0 ? r + twoPi : r
        }
        // Sample indices after which the phase wraps.
        let wraps = wrapped.indices.dropLast().filter { wrapped[$0 + 1] - wrapped[$0] < -Double.pi }
        let cycleCount = wraps.count - 1
        guard cycleCount > 0 else { return unwrap(wrapped) }
        var cycles = (0..<cycleCount).map { k in wrapped[(wraps[k] + 1)...wraps[k + 1]] }
        shuffle(&cycles, random: &random)
        var result = Array(wrapped[...wraps[0]])
        result.reserveCapacity(wrapped.count)
        for cycle in cycles { result.append(contentsOf: cycle) }
        result.append(contentsOf: wrapped[(wraps[cycleCount] + 1)...])
        return unwrap(result)
    }

    /// NumPy's `unwrap` (period 2 pi): adds multiples of 2 pi so that no step exceeds pi.
    public static func unwrap(_ phase: [Double]) -> [Double] {
        guard var previous = phase.first else { return [] }
        let twoPi = 2 * Double.pi
        var correction = 0.0
        var result = [previous]
        result.reserveCapacity(phase.count)
        for value in phase.dropFirst() {
            let step = value - previous
            var wrappedStep = (step + Double.pi).truncatingRemainder(dividingBy: twoPi)
            if wrappedStep < 0 { wrappedStep += twoPi }
            wrappedStep -= Double.pi
            if wrappedStep == -Double.pi && step > 0 { wrappedStep = Double.pi }
            if abs(step) >= Double.pi { correction += wrappedStep - step }
            result.append(value + correction)
            previous = value
        }
        return result
    }
}
