import Foundation

extension StretchedExponentialFit {
    /// R² of the fit beyond white sample noise, on the points it was fitted to (`times` in seconds
    /// from the peak, `values` in the flux unit): 1 - (SS_res - n s²) / (SS_tot - n s²), where s² is
    /// the white-noise variance estimated from successive differences of the residuals,
    /// sum (r[i+1] - r[i])² / (2 (n - 1)), and n the number of finite points.
    ///
    /// Plain R² falls with white noise even when the model is exact (on the accuracy sweep to 0.7 at
    /// the finger pad with 10% noise at 2 Hz), because the noise is in SS_tot and SS_res alike;
    /// removing it leaves the share of the recovery's own variation that the model misses, which is
    /// what slow deviations (a recovery settling above the end level, drift) make large. Capped at 1;
    /// nil with fewer than 8 points or when the data vary no more than their noise.
    public func rSquaredBeyondNoise(times: [Double], values: [Double]) -> Double? {
        let points = zip(times, values).filter { $0.0.isFinite && $0.1.isFinite }
        guard points.count >= 8 else { return nil }
        let residuals = points.map { $0.1 - value(at: $0.0) }
        let n = Double(points.count)
        let mean = points.reduce(0) { $0 + $1.1 } / n
        let total = points.reduce(0) { $0 + ($1.1 - mean) * ($1.1 - mean) }
        let residual = residuals.reduce(0) { $0 + $1 * $1 }
        let differences = zip(residuals, residuals.dropFirst()).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }
        let noise = n * differences / (2 * (n - 1))
        guard total - noise > 0 else { return nil }
        return min(1, 1 - (residual - noise) / (total - noise))
    }
}
