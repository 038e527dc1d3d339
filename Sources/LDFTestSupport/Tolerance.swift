/// Relative difference |a - b| / max(|b|, tiny): the measure used by agreement tests.
public func relativeDifference(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(b), 1e-300)
}

/// Whether `a` is within `relative` of `b` (or within `absolute` for values near zero).
public func isClose(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    abs(a - b) <= max(relative * abs(b), absolute)
}
