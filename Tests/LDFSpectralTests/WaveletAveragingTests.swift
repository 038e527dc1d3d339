import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

/// The band-limited, decimated time averages against a brute-force full-rate computation
/// (every positive bin of the padded spectrum, a full-length inverse FFT per row, every sample).
@Suite("Wavelet time averages")
struct WaveletAveragingTests {
    @Test("decimated averages equal full-rate averages to 2e-4",
          arguments: [Padding.predictive, .symmetric], [WaveletKind.morlet, .lognormal])
    func decimatedMatchesFullRate(padding: Padding, kind: WaveletKind) throws {
        let rate = 8.0
        let signal = AgreementSignal.samples(durationSeconds: 600, rateHz: rate, seed: 7)
        let options = WaveletOptions(wavelet: kind, fminHz: 0.02, fmaxHz: 3, padding: padding)
        let transform = try WaveletTransform(sampleCount: signal.count, sampleRateHz: rate, options: options)
        let spectrum = try transform.timeAveragedSpectrum(of: signal)
        let edges = try transform.timeAveragedSpectrum(of: signal, includeEdges: true)
        let rows = transform.frequenciesHz.count
        var worst = 0.0
        let checked = Array(stride(from: 0, to: rows, by: max(1, rows / 9))) + [rows - 1]
        let fullRows = try transform.fullRateRows(of: signal, frequencyIndices: checked)
        for (row, full) in zip(checked, fullRows) {
            for (result, range) in [(spectrum, transform.cone.validRange(row)), (edges, 0..<signal.count)] {
                guard !range.isEmpty else {
                    #expect(result.amplitude[row].isNaN)
                    continue
                }
                let magnitudes = range.map { full[$0].length }
                let amplitude = magnitudes.reduce(0, +) / Double(range.count)
                let power = magnitudes.map { $0 * $0 }.reduce(0, +) / Double(range.count)
                worst = max(worst, relativeDifference(result.amplitude[row], amplitude),
                            relativeDifference(result.power[row], power))
            }
        }
        // Measured: at most 4e-5 (rows sampled at least twice as finely as their bandwidth, at least
        // 1024 samples in the cone, Euler-Maclaurin weighting of the ends).
        #expect(worst < 2e-4, "largest relative difference \(worst)")
    }

    @Test("valid fractions follow the cone")
    func validFractions() throws {
        let transform = try WaveletTransform(sampleCount: 4800, sampleRateHz: 8, options: WaveletOptions(fminHz: 0.02, fmaxHz: 3))
        let spectrum = try transform.timeAveragedSpectrum(of: AgreementSignal.samples(durationSeconds: 600, rateHz: 8, seed: 3))
        for row in transform.frequenciesHz.indices {
            let expected = Double(max(0, 4800 - transform.cone.leadingInvalid[row] - transform.cone.trailingInvalid[row])) / 4800
            #expect(spectrum.validFraction[row] == expected)
        }
        #expect(spectrum.options.voices == 31)
        #expect(spectrum.frequenciesHz == transform.frequenciesHz)
        let once = try TimeAveragedSpectrum(waveletOf: AgreementSignal.samples(durationSeconds: 600, rateHz: 8, seed: 3),
                                            sampleRateHz: 8, options: WaveletOptions(fminHz: 0.02, fmaxHz: 3))
        #expect(once == spectrum)
    }
}
