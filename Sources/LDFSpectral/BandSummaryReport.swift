import Foundation
import LDFCore

/// Band summaries of one recording, with the diagnostics that qualify them.
///
/// Methods: docs/METHODS.md §5.
public struct BandSummaryReport: Sendable, Equatable {
    public var method: SpectralMethod
    public var bandSet: BandSet
    /// One summary per band of `bandSet`, in its order.
    public var bands: [BandSummary]
    /// Analysed range in Hz (the relative values' reference).
    public var fminHz: Double
    public var fmaxHz: Double
    /// Length of the analysed signal in seconds.
    public var analysedSeconds: Double
    /// Cautions of bands computed despite the validity rule, bands partly outside the analysed
    /// range, unavailable bands.
    public var diagnostics: [Diagnostic]

    /// Summarises a time-averaged wavelet spectrum (rules on `BandSummary`; validity: `rule`).
    /// `analysedSeconds` is the length of the signal that was transformed.
    public init(spectrum: TimeAveragedSpectrum, bandSet: BandSet, analysedSeconds: Double, rule: BandValidityRule = BandValidityRule()) {
        let f = spectrum.frequenciesHz
        let hasValue = { (k: Int) in spectrum.amplitude[k].isFinite && spectrum.power[k].isFinite }
        let usable = f.indices.filter(hasValue)
        let meanAmplitude = Statistics.mean(usable.map { spectrum.amplitude[$0] })
        let meanPower = Statistics.mean(usable.map { spectrum.power[$0] })
        let medianPower = Statistics.median(usable.map { spectrum.power[$0] })
        let fmin = spectrum.options.fminHz, fmax = spectrum.options.fmaxHz
        var diagnostics: [Diagnostic] = []
        var summaries: [BandSummary] = []
        for band in bandSet.bands {
            let gate = Self.gate(band, frequenciesHz: f, validFraction: spectrum.validFraction, hasValue: hasValue,
                                 fmin: fmin, fmax: fmax, analysedSeconds: analysedSeconds, rule: rule)
            guard gate.reason == nil else {
                summaries.append(BandSummary(unavailable: band, presetName: bandSet.name, frequencyCount: gate.frequencyCount,
                                             validFraction: gate.validFraction, reason: gate.reason!))
                continue
            }
            if let caution = gate.caution { diagnostics.append(caution) }
            let valid = gate.valid
            let amplitude = Statistics.mean(valid.map { spectrum.amplitude[$0] })
            let power = Statistics.mean(valid.map { spectrum.power[$0] })
            let peak = valid.max { spectrum.amplitude[$0] < spectrum.amplitude[$1] }!
            var summary = BandSummary(
                band: band, presetName: bandSet.name, amplitude: amplitude, power: power,
                amplitudeRatioToMean: ratio(amplitude, meanAmplitude), powerRatioToMean: ratio(power, meanPower),
                powerRatioToMedian: ratio(Statistics.median(valid.map { spectrum.power[$0] }), medianPower),
                validFraction: gate.validFraction ?? 0, peakHz: f[peak], peakAmplitude: spectrum.amplitude[peak],
                frequencyCount: gate.frequencyCount)
            // Pixel averages: each frequency weighted by its number of averaged coefficients.
            let weights = valid.map { spectrum.edgesIncluded ? 1 : spectrum.validFraction[$0] }
            let totalWeight = weights.reduce(0, +)
            if totalWeight > 0 {
                summary.pixelAmplitude = zip(valid, weights).reduce(0) { $0 + spectrum.amplitude[$1.0] * $1.1 } / totalWeight
                summary.pixelPower = zip(valid, weights).reduce(0) { $0 + spectrum.power[$1.0] * $1.1 } / totalWeight
            }
            summaries.append(summary)
        }
        diagnostics += Self.coverageDiagnostics(summaries, fmin: fmin, fmax: fmax)
        self.init(method: .wavelet, bandSet: bandSet, bands: summaries, fminHz: fmin, fmaxHz: fmax,
                  analysedSeconds: analysedSeconds, diagnostics: diagnostics + Self.unavailableDiagnostics(summaries))
    }

    public init(method: SpectralMethod, bandSet: BandSet, bands: [BandSummary], fminHz: Double, fmaxHz: Double,
                analysedSeconds: Double, diagnostics: [Diagnostic]) {
        self.method = method
        self.bandSet = bandSet
        self.bands = bands
        self.fminHz = fminHz
        self.fmaxHz = fmaxHz
        self.analysedSeconds = analysedSeconds
        self.diagnostics = diagnostics
    }

    /// Why a band holds no analysed frequency.
    static func noFrequencyReason(_ band: Band, fmin: Double, fmax: Double, what: String) -> String {
        if band.highHz <= fmin || band.lowHz >= fmax {
            return "the band lies outside the analysed range \(MessageNumber.short(fmin))–\(MessageNumber.short(fmax)) Hz"
        }
        return "no \(what) falls inside \(MessageNumber.short(band.lowHz))–\(MessageNumber.short(band.highHz)) Hz; the grid is too coarse for this band"
    }

    /// Computed bands only partly inside fmin–fmax (shortfalls of the validity rule are the gate's).
    static func coverageDiagnostics(_ summaries: [BandSummary], fmin: Double, fmax: Double) -> [Diagnostic] {
        summaries.filter(\.isAvailable).map(\.band).filter { $0.lowHz < fmin || $0.highHz > fmax }.map { band in
            .warning("band_partly_analysed",
                "band \(band.name) (\(MessageNumber.short(band.lowHz))–\(MessageNumber.short(band.highHz)) Hz) is only partly inside the analysed range "
                + "\(MessageNumber.short(fmin))–\(MessageNumber.short(fmax)) Hz; its values cover the overlap only")
        }
    }

    static func unavailableDiagnostics(_ summaries: [BandSummary]) -> [Diagnostic] {
        summaries.compactMap { s in s.reason.map { .warning("band_unavailable", "band \(s.band.name): \($0)") } }
    }
}
