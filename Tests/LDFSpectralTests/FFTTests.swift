import Foundation
import LDFSpectral
import Numerics
import Testing

/// The FFTW wrappers: known transforms, round trips, Parseval, concurrent use of shared plans.
@Suite("FFT wrappers")
struct FFTTests {
    @Test("complex forward of a complex exponential is N at its bin; backward(forward(x)) = N x",
          arguments: [8, 12, 97, 1024])
    func complexRoundTrip(count: Int) {
        let fft = ComplexFFT(count: count)
        let input = ComplexBuffer(count: count), spectrum = ComplexBuffer(count: count), back = ComplexBuffer(count: count)
        let bin = 3
        for n in 0..<count {
            let angle = 2 * Double.pi * Double(bin * n) / Double(count)
            input[n] = Complex(cos(angle), sin(angle))
        }
        fft.forward(input, spectrum)
        for k in 0..<count {
            let expected = k == bin ? Double(count) : 0
            #expect((spectrum[k] - Complex(expected, 0)).length < 1e-9 * Double(count))
        }
        for n in 0..<count { input[n] = Complex(Double(n % 5) - 1.5, Double(n % 3)) }
        let original = (0..<count).map { input[$0] }
        fft.forward(input, spectrum)
        fft.backward(spectrum, back)
        for n in 0..<count {
            #expect((back[n].divided(by: Double(count)) - original[n]).length < 1e-12 * Double(count))
        }
        // Parseval: sum |x|^2 = sum |X|^2 / N.
        let timeEnergy = original.map { $0.lengthSquared }.reduce(0, +)
        fft.forward(input, spectrum)
        let frequencyEnergy = (0..<count).map { spectrum[$0].lengthSquared }.reduce(0, +) / Double(count)
        #expect(abs(timeEnergy - frequencyEnergy) < 1e-10 * timeEnergy)
    }

    @Test("real forward of a cosine is N/2 at its bin; c2r inverts r2c (scaled by N)", arguments: [16, 30, 101])
    func realRoundTrip(count: Int) {
        let fft = RealFFT(count: count)
        #expect(fft.binCount == count / 2 + 1)
        let input = RealBuffer(count: count), spectrum = ComplexBuffer(count: fft.binCount), back = RealBuffer(count: count)
        for n in 0..<count { input[n] = 2 * cos(2 * Double.pi * 5 * Double(n) / Double(count) + 0.5) }
        fft.forward(input, spectrum)
        // 2 cos(theta + 0.5) puts N e^{0.5 i} at bin 5.
        #expect((spectrum[5] - Complex(Double(count) * cos(0.5), Double(count) * sin(0.5))).length < 1e-9 * Double(count))
        #expect(spectrum[0].length < 1e-9 && spectrum[4].length < 1e-9 * Double(count))
        let original = (0..<count).map { Double($0 * $0 % 7) }
        for n in 0..<count { input[n] = original[n] }
        fft.forward(input, spectrum)
        fft.backward(spectrum, back) // destroys `spectrum`
        for n in 0..<count { #expect(abs(back[n] / Double(count) - original[n]) < 1e-12 * Double(count)) }
    }

    @Test("packed real FFT: a cosine is N/2 at its bin; bins and c2r equal FFTW's r2c and c2r to rounding",
          arguments: [2, 4, 6, 8, 30, 101, 1000, 72000])
    func packedMatchesRealFFT(count: Int) {
        let packed = PackedRealFFT(count: count), reference = RealFFT(count: count)
        #expect(packed.binCount == count / 2 + 1)
        let input = RealBuffer(count: count), bins = ComplexBuffer(count: packed.binCount)
        let expectedBins = ComplexBuffer(count: packed.binCount)
        let bin = min(1, count / 2 - 1)
        for n in 0..<count { input[n] = 2 * cos(2 * Double.pi * Double(bin * n) / Double(count) + 0.5) }
        packed.forward(input, bins)
        if bin > 0 {
            #expect((bins[bin] - Complex(Double(count) * cos(0.5), Double(count) * sin(0.5))).length < 1e-12 * Double(count))
        }
        var generator = AgreementSignal.SplitMix64(state: UInt64(count))
        let original = (0..<count).map { _ in generator.uniform() - 0.3 }
        for n in 0..<count { input[n] = original[n] }
        packed.forward(input, bins)
        reference.forward(input, expectedBins)
        let scale = original.map(abs).reduce(0, +)
        for k in 0..<packed.binCount { #expect((bins[k] - expectedBins[k]).length <= 1e-14 * scale) }
        for n in 0..<count { #expect(input[n] == original[n], "forward keeps its input") }
        // Imaginary parts of bins 0 and N/2 are ignored by both inverses.
        bins[0] = Complex(bins[0].real, 7)
        if count.isMultiple(of: 2) { bins[count / 2] = Complex(bins[count / 2].real, -3) }
        for k in 0..<packed.binCount { expectedBins[k] = bins[k] }
        let back = RealBuffer(count: count), expectedBack = RealBuffer(count: count)
        packed.backward(bins, back)
        reference.backward(expectedBins, expectedBack)
        for n in 0..<count {
            #expect(abs(back[n] - expectedBack[n]) <= 1e-13 * scale)
            #expect(abs(back[n] / Double(count) - original[n]) <= 1e-13 * scale)
        }
    }

    @Test("shared plans run concurrently with per-task buffers")
    func concurrentUse() {
        let fft = ComplexFFT(count: 256)
        let failures = ConcurrentCounter()
        DispatchQueue.concurrentPerform(iterations: 8) { task in
            let input = ComplexBuffer(count: 256), spectrum = ComplexBuffer(count: 256), back = ComplexBuffer(count: 256)
            for round in 0..<20 {
                for n in 0..<256 { input[n] = Complex(Double((n * (task + 1) + round) % 11), 0) }
                fft.forward(input, spectrum)
                fft.backward(spectrum, back)
                for n in 0..<256 where abs(back[n].real / 256 - input[n].real) > 1e-10 { failures.increment() }
            }
        }
        #expect(failures.value == 0)
        #expect(!fftwVersion.isEmpty)
    }
}

/// A counter several tasks increment.
final class ConcurrentCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
