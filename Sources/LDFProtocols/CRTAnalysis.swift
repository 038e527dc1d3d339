import Foundation
import LDFCore

/// Capillary refill time of an optical signal (camera intensity, PPG, LDF; docs/METHODS.md §23;
/// the method of pyCRT, Photobiomedical Instrumentation Group): for each release (given, from
/// events or detected, `CRTReleaseFinder`) fit I(t) = a·exp(b·t) + c from the release on the
/// file's own time stamps, end the fit where the exponential departs most from a 6th-order
/// polynomial of the segment (`CRTFitEnd`), and report CRT = -1/b with the 95 % uncertainty
/// 2·CRT·σ_b/|b|. A press that cannot be fitted has a null CRT with the reason.
public enum CRTAnalysis {
    /// Analyses `samples`. Throws `LDFError` for invalid options, release times outside the
    /// samples, and when no release is found (saying what the events and the signal showed).
    public static func analyze(_ samples: CRTSamples, options: CRTOptions = CRTOptions()) throws -> CRTResult {
        try options.validate()
        guard samples.times.count >= options.minimumPoints else {
            throw LDFError(samples.source, "only \(samples.times.count) valid samples; a refill fit needs at least \(options.minimumPoints)",
                           fix: "check the channel with \(parameter: "channel"), or lower \(parameter: "minimumPoints")")
        }
        let finder = CRTReleaseFinder(samples: samples, options: options)
        let releases = try finder.releases()
        let presses = releases.enumerated().map { k, release in measure(release, number: k + 1, samples: samples, options: options) }
        var diagnostics: [Diagnostic] = []
        let failed = presses.filter { $0.crtSeconds == nil }.count
        if failed > 0 {
            diagnostics.append(.warning("crt_not_fitted", "\(failed) of \(presses.count) presses have no CRT (see their reasons)"))
        }
        if releases.contains(where: { $0.source == .detected }), let share = finder.blanchedShare(), share > 0.5 {
            diagnostics.append(directionWarning(share: share, options: options))
        }
        return CRTResult(source: samples.source, channel: samples.channel, unit: samples.unit, sampleCount: samples.times.count,
                         irregularTimes: samples.irregular, medianIntervalSeconds: samples.medianIntervalSeconds,
                         presses: presses, options: options, diagnostics: diagnostics)
    }

    /// The fit after one release; a failure becomes a null CRT with its reason.
    static func measure(_ release: CRTRelease, number: Int, samples: CRTSamples, options: CRTOptions) -> CRTPress {
        let lo = samples.firstIndex(atOrAfter: release.seconds)
        let hi = samples.firstIndex(atOrAfter: release.segmentEndSeconds + 1e-9)
        let t = samples.times[lo..<hi].map { $0 - samples.times[lo] }
        let y = samples.values[lo..<hi].map { options.refill.sign * $0 }
        var press = CRTPress(number: number, release: release, points: t.count)
        let end = CRTFitEnd(t: t, y: y, minimumPoints: options.minimumPoints)
        do {
            let choice = try options.fitEndSeconds.map { try end.fit(untilSeconds: $0) } ?? end.choose(options.fitEndRule)
            press.fit = choice.fit
            press.points = choice.count
            press.fitEndRule = choice.rule
            press.fitEndSeconds = samples.times[lo + choice.count - 1]
            let crt = -1 / choice.fit.rate
            press.crtSeconds = crt
            press.crtUncertaintySeconds = crt * CRTFitEnd.relativeUncertainty(choice.fit)
        } catch let failure as ExponentialFitFailure {
            press.reason = reason(failure, options: options)
        } catch {
            press.reason = "\(error)"
        }
        return press
    }

    /// The warning that detected presses cover most of the recording, which skin blanched only
    /// while pressed does not do: the refill direction is probably the other way round.
    static func directionWarning(share: Double, options: CRTOptions) -> Diagnostic {
        let other = options.refill == .falls ? RefillDirection.rises : .falls
        return .warning("crt_direction_doubtful",
                        "the signal is on the blanched side for \(MessageNumber.short(100 * share)) % of the recording, so the presses found are probably "
                        + "the rest between presses; if the signal \(other.rawValue) during refill, give \(parameter: "refill") \(other.rawValue)")
    }

    /// The failure's reason, with the likely fix for a curve going the wrong way.
    static func reason(_ failure: ExponentialFitFailure, options: CRTOptions) -> String {
        guard failure == .notFalling else { return failure.reason }
        let other = options.refill == .falls ? RefillDirection.rises : .falls
        return "the curve \(options.refill == .falls ? "rises" : "falls") after the release instead of \(options.refill == .falls ? "falling" : "rising") "
            + "(b >= 0 or a < 0); if the signal \(other.rawValue) during refill, give \(parameter: "refill") \(other.rawValue)"
    }
}
