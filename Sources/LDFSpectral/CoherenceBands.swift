import Foundation
import LDFCore
import Numerics

/// The phase coherence of one band: the mean of the coherence over the band's frequencies, its
/// surrogate threshold and the excess over it.
public struct BandCoherence: Sendable, Equatable {
    public var band: Band
    public var presetName: String
    /// Mean coherence over the band's frequencies that have a value (nil when none has).
    public var coherence: Double?
    /// arg of the sum of the per-frequency mean phasors (coherence x exp(i phase difference)),
    /// radians in (-pi, pi]; nil when the band has no value.
    public var phaseDifference: Double?
    /// Analysed frequencies inside the band (with or without a value).
    public var frequencyCount: Int
    /// Mean share of samples inside the cone of influence over the band's frequencies.
    public var validFraction: Double?
    /// The surrogate threshold of the band's mean coherence (nil without a surrogate test).
    public var threshold: Double?
    /// coherence - threshold: positive when significant.
    public var excess: Double?
    /// Why the band has no value.
    public var reason: String?

    /// Whether the coherence exceeds its surrogate threshold (nil without a test or a value).
    public var isSignificant: Bool? { excess.map { $0 > 0 } }
}

/// Band coherences of one pair, in the band set's order, with notes on unavailable bands.
public struct CoherenceBandReport: Sendable, Equatable {
    public var bandSet: BandSet
    public var bands: [BandCoherence]
    public var diagnostics: [Diagnostic]

    /// Summarises `spectrum` per band of `bandSet`; with `test`, each band's threshold is the
    /// threshold of the surrogate pairs' band means (same frequencies as the observed mean).
    public init(spectrum: CoherenceSpectrum, bandSet: BandSet, test: CoherenceSurrogateTest? = nil) {
        let f = spectrum.frequenciesHz
        var bands: [BandCoherence] = []
        var notes: [Diagnostic] = []
        for band in bandSet.bands {
            let inBand = f.indices.filter { band.contains(f[$0]) }
            let valid = inBand.filter { spectrum.coherence[$0].isFinite }
            var entry = BandCoherence(band: band, presetName: bandSet.name, frequencyCount: inBand.count,
                                      validFraction: inBand.isEmpty ? nil : Statistics.mean(inBand.map { spectrum.validFraction[$0] }))
            if inBand.isEmpty {
                entry.reason = "no analysed frequency lies in \(band.lowHz)–\(band.highHz) Hz (analysed \(spectrum.options.fminHz)–\(spectrum.options.fmaxHz) Hz)"
            } else if valid.isEmpty {
                entry.reason = "no coefficient inside the cone of influence: the recording is too short for \(band.lowHz) Hz"
            } else {
                let coherence = Statistics.mean(valid.map { spectrum.coherence[$0] })
                var phasor = Complex<Double>.zero
                for k in valid {
                    let angle = spectrum.phaseDifference[k]
                    phasor += Complex(cos(angle), sin(angle)).multiplied(by: spectrum.coherence[k])
                }
                entry.coherence = coherence
                entry.phaseDifference = atan2(phasor.imaginary, phasor.real)
                if let test {
                    let threshold = test.threshold { row in Statistics.mean(valid.map { row[$0] }) }
                    if threshold.isFinite {
                        entry.threshold = threshold
                        entry.excess = coherence - threshold
                    }
                }
            }
            if let reason = entry.reason {
                notes.append(.warning("band_unavailable", "\(band.name): \(reason)"))
            }
            bands.append(entry)
        }
        self.bandSet = bandSet
        self.bands = bands
        diagnostics = notes
    }
}
