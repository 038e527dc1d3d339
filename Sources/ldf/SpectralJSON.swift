import LDFCore

/// nil for a missing, NaN or infinite value.
func jsonNumber(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
