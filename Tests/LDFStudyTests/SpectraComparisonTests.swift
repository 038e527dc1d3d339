import Foundation
import Testing
import LDFCore
import LDFSpectral
import LDFStudy

/// Per-frequency comparisons by hand: two recordings per group, frequencies matched across
/// recordings, Benjamini–Hochberg across the contrast's frequencies.
@Suite struct SpectraComparisonTests {
    static func spectrum(_ frequencies: [Double], _ amplitude: [Double]) -> SpectrumRows {
        let options = WaveletOptions(fminHz: 0.1, fmaxHz: 1)
        let s = TimeAveragedSpectrum(frequenciesHz: frequencies, amplitude: amplitude, power: amplitude.map { $0 * $0 },
                                     validFraction: amplitude.map { _ in 1 }, edgesIncluded: false, options: options)
        return SpectrumRows(.wavelet(s), fminHz: 0.1, fmaxHz: 1)
    }

    @Test func frequenciesAreMatchedTestedAndCorrected() throws {
        let text = "subject,group,site,condition,protocol,path\n"
            + ["a1,a", "a2,a", "b1,b", "b2,b"].map { "\($0),arm,rest,rest,\($0.prefix(2)).csv" }.joined(separator: "\n")
        let manifest = try StudyManifest(text: text, path: "m.csv", folder: URL(fileURLWithPath: "/x"), checkFiles: false)
        // Frequencies 0.2, 0.4, 0.8 Hz; b1 lacks 0.8 Hz (e.g. a lower Nyquist frequency).
        let spectra = [
            Self.spectrum([0.2, 0.4, 0.8], [1, 5, 1]),
            Self.spectrum([0.2, 0.4, 0.8], [2, 5, 2]),
            Self.spectrum([0.2, 0.4], [3, 5]),
            Self.spectrum([0.2, 0.4, 0.8], [4, 5, 3]),
        ]
        var outcomes: [Int: RecordingOutcome] = [:]
        for (p, s) in spectra.enumerated() {
            outcomes[p] = RecordingOutcome(key: "k\(p)", protocolKind: .rest, sampleRateHz: 10, spectrum: s)
        }
        var parameters = StudyParameters(settings: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet))
        let rows = StudyResults(manifest: manifest, parameters: parameters, outcomes: outcomes).frequencyComparisons()
        #expect(rows.map(\.frequencyHz) == [0.2, 0.4, 0.8])
        #expect(rows.allSatisfy { $0.measure == "amplitude" && $0.contrast.levelA == "a" && $0.contrast.levelB == "b" })
        // 0.2 Hz: b above a in all 4 pairs; exact two-sided p = 2 x 1/C(4,2) = 1/3.
        let low = rows[0]
        #expect(low.test?.statistic == 4 && low.test?.rankBiserial == 1)
        #expect(abs((low.test?.pValue ?? 0) - 1.0 / 3) < 1e-15)
        #expect(low.levelA.median == 1.5 && low.levelB.median == 3.5 && low.levelA.firstQuartile == 1.25)
        // 0.4 Hz: all equal (ties): asymptotic p = 1.
        #expect(rows[1].test?.method == .asymptotic && rows[1].test?.pValue == 1)
        // 0.8 Hz: group b has one value only.
        #expect(rows[2].test == nil && rows[2].reason == "group 'b' has 1 value here; at least 2 are needed")
        // BH over the two tested frequencies (m = 2): p = 1 stays 1; p = 1/3 becomes 2/1 x 1/3 = 2/3.
        #expect(rows[0].familySize == 2 && abs((rows[0].adjustedP ?? 0) - 2.0 / 3) < 1e-15 && rows[1].adjustedP == 1)
        #expect(rows[2].adjustedP == nil)
        // Holm instead: the same here (2 x 1/3, then max with 1).
        parameters.spectraAdjustment = .holm
        let holm = StudyResults(manifest: manifest, parameters: parameters, outcomes: outcomes).frequencyComparisons()
        #expect(abs((holm[0].adjustedP ?? 0) - 2.0 / 3) < 1e-15)
        parameters.spectraAdjustment = .none
        let raw = StudyResults(manifest: manifest, parameters: parameters, outcomes: outcomes).frequencyComparisons()
        #expect(raw[0].adjustedP == raw[0].test?.pValue)
    }
}
