import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

@Suite("Wavelet scalogram")
struct WaveletScalogramTests {
    static let rate = 8.0
    static let signal = AgreementSignal.samples(durationSeconds: 300, rateHz: rate, seed: 5)

    static func transform() throws -> WaveletTransform {
        try WaveletTransform(sampleCount: signal.count, sampleRateHz: rate, options: WaveletOptions(fminHz: 0.05, fmaxHz: 3))
    }

    @Test("decimated amplitudes match the full-rate transform, NaN outside the cone", arguments: [1.0, 0.5, 1.375])
    func matchesFullRate(step: Double) throws {
        let transform = try Self.transform()
        let scalogram = try transform.scalogram(of: Self.signal, timeStepSeconds: step)
        let stepSamples = Int((step * Self.rate).rounded())
        #expect(scalogram.timesSeconds.count == (Self.signal.count + stepSamples - 1) / stepSamples)
        #expect(scalogram.timesSeconds[1] == Double(stepSamples) / Self.rate)
        let rows = transform.frequenciesHz.count
        let checked = Array(stride(from: 0, to: rows, by: 20))
        for (row, full) in zip(checked, try transform.fullRateRows(of: Self.signal, frequencyIndices: checked)) {
            let valid = transform.cone.validRange(row)
            let scale = full.map(\.length).max()!
            for (column, time) in scalogram.timesSeconds.enumerated() {
                let sample = Int((time * Self.rate).rounded())
                let value = scalogram.amplitude[row][column]
                if valid.contains(sample) {
                    #expect(abs(value - full[sample].length) < 5e-3 * scale, "row \(row) t \(time)")
                } else {
                    #expect(value.isNaN)
                }
            }
        }
    }

    @Test("includeEdges keeps every coefficient; a one-sample step is the full-rate transform")
    func edgesAndFullRate() throws {
        let transform = try Self.transform()
        let scalogram = try transform.scalogram(of: Self.signal, timeStepSeconds: 1 / Self.rate, includeEdges: true)
        #expect(scalogram.edgesIncluded && scalogram.timesSeconds.count == Self.signal.count)
        #expect(scalogram.cone == transform.cone)
        let full = try transform.fullRateRow(of: Self.signal, frequencyIndex: 3)
        for n in stride(from: 0, to: Self.signal.count, by: 37) {
            #expect(abs(scalogram.amplitude[3][n] - full[n].length) < 1e-7 * (1 + full[n].length))
        }
        #expect(throws: LDFError.self) { _ = try transform.scalogram(of: Self.signal, timeStepSeconds: 0) }
    }
}
