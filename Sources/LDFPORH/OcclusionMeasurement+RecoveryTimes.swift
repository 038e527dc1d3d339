import LDFCore

/// How T75/T50/T25 of an occlusion were read (docs/METHODS.md §7.3).
public enum RecoveryTimesMethod: String, Sendable, Codable {
    /// From the recovery fit (the transient of §7.4 from the peak time, end level held): its R²
    /// beyond white noise is at least `minimumFitRSquared`.
    case fit
    /// From the first crossings of the smoothed flux (the `smoothing` moving mean): the recovery
    /// fit is missing, does not fall, or describes the recovery poorly (R² beyond noise below
    /// `minimumFitRSquared`).
    case crossing

    /// Least R² beyond white noise (`StretchedExponentialFit.rSquaredBeyondNoise`) of the recovery fit
    /// for T75/T50/T25 to come from it; below it they are read off the smoothed flux. On the
    /// accuracy sweep (benchmarks/porh-accuracy.py), where the simulated recovery is the model, it
    /// is at least 0.983 at every rate and noise level (plain R² falls to 0.70 there); on the real
    /// finger loadings of Tests/Fixtures/porh-real, whose recoveries settle above the end level,
    /// 0.67-0.93 (with the peak-shape peak time). 0.95 leaves a margin below the least value where the model holds.
    public static let minimumFitRSquared = 0.95
}

/// T75/T50/T25 of one occlusion, by the method chosen for it, with the quality of the recovery fit
/// it was chosen on.
struct RecoveryTimes {
    let method: RecoveryTimesMethod
    /// The recovery fit's R² beyond white sample noise, the quantity the method is chosen on.
    let rSquaredBeyondNoise: Double?
    /// Time from the peak for a fraction (0.75, 0.5, 0.25) of the fall, or why there is none.
    let time: (Double) -> Result<Double, OcclusionMeasurement.NoRecoveryTime>
}

extension OcclusionMeasurement {
    /// Why a recovery time is null.
    struct NoRecoveryTime: Error { let message: String }

    /// The recovery times from the peak (smoothed maximum at sample `peakIndex`, `peakFlux`; refined
    /// time `peakTime`) to `endLevel`: from the recovery fit when it falls (a > 0) with R² beyond noise at least
    /// `RecoveryTimesMethod.minimumFitRSquared`, else from the smoothed flux's first crossings.
    func recoveryTimes(peakIndex: Int, peakTime: Double, peakFlux: Double, endLevel: Double) -> RecoveryTimes {
        let blocks = recoveryBlocks(fromSample: sample(peakTime), origin: peakTime)
        let fit = blocks.flatMap { StretchedExponentialFit.fit(times: $0.times, values: $0.means, fixedAsymptote: endLevel) }
        let quality = blocks.flatMap { b in fit?.rSquaredBeyondNoise(times: b.times, values: b.means) }
        if let fit, fit.a > 0, fit.b.isFinite, fit.c.isFinite, let quality, quality >= RecoveryTimesMethod.minimumFitRSquared {
            return RecoveryTimes(method: .fit, rSquaredBeyondNoise: quality) { fraction in
                fittedTime(fit, fraction: fraction, peakTime: peakTime)
            }
        }
        return RecoveryTimes(method: .crossing, rSquaredBeyondNoise: quality) { fraction in
            crossingTime(fraction: fraction, peakIndex: peakIndex, peakTime: peakTime, peakFlux: peakFlux, endLevel: endLevel)
        }
    }

    /// b (ln(1 / fraction))^(1/c): when the fitted recovery falls to its end level + `fraction` of its
    /// fall, from the peak; a failure when that is after the recovery ends.
    private func fittedTime(_ fit: StretchedExponentialFit, fraction: Double, peakTime: Double) -> Result<Double, NoRecoveryTime> {
        let t = fit.recoveryTime(fraction: fraction)
        guard peakTime + t <= recoveryEnd else {
            return .failure(NoRecoveryTime(message: "the fitted recovery reaches \(Int(100 * fraction))% of its fall only after the recovery ends at \(at(recoveryEnd))"))
        }
        return .success(t)
    }

    /// The first time after the smoothed maximum that the smoothed flux is at or below
    /// `endLevel` + `fraction` (`peakFlux` - `endLevel`), linearly interpolated between samples, minus
    /// `peakTime`; a failure when it does not get there before the recovery ends.
    private func crossingTime(fraction: Double, peakIndex: Int, peakTime: Double, peakFlux: Double, endLevel: Double) -> Result<Double, NoRecoveryTime> {
        let level = endLevel + fraction * (peakFlux - endLevel)
        let end = sample(recoveryEnd)
        guard let i = (peakIndex..<max(peakIndex, end)).first(where: { smooth[$0].isFinite && smooth[$0] <= level }) else {
            return .failure(NoRecoveryTime(message: "smoothed flux does not fall to \(Int(100 * fraction))% of its fall from the peak "
                                           + "(\(OcclusionDetector.rounded(level))) before the recovery ends at \(at(recoveryEnd))"))
        }
        let crossing = i == peakIndex ? Double(i) / rateHz : OcclusionDetector.crossing(smooth, before: i, level: level, rate: rateHz)
        return .success(crossing - peakTime)
    }
}
