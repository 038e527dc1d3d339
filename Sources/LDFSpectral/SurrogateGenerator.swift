import Foundation
import LDFCore
import Numerics

/// One surrogate series with what it took to make it.
public struct Surrogate: Sendable, Equatable {
    public var kind: SurrogateKind
    /// The surrogate samples (same count and, except for FT/IAAFT2 rounding, same unit as the signal).
    public var values: [Double]
    /// IAAFT only: iterations run (each = impose the spectrum, then the distribution).
    public var iterations: Int?
    /// IAAFT only: whether the ranks stopped changing before the iteration cap.
    public var converged: Bool?

    public init(kind: SurrogateKind, values: [Double], iterations: Int? = nil, converged: Bool? = nil) {
        self.kind = kind
        self.values = values
        self.iterations = iterations
        self.converged = converged
    }
}

/// Makes seeded surrogates of one signal (MODA's `surrcalc`; kinds and references in
/// `SurrogateKind`). The signal's sorted values, rank order and Fourier spectrum are computed
/// once; each call uses its own buffers, so one generator serves many threads.
///
/// Differences from MODA, all deliberate: for an even length the Nyquist bin keeps its value
/// (MODA zeroes it), so FT surrogates keep the power spectrum exactly; ties in the ranks are
/// broken by sample index, so results do not depend on the sort algorithm; random numbers come
/// from `SeededRandom`, so surrogates are reproducible on every machine (not NumPy's streams).
public final class SurrogateGenerator: Sendable {
    /// The signal the surrogates are made of.
    public let signal: [Double]
    /// IAAFT iteration cap (default 1000, MODA's `maxit`).
    public let maxIterations: Int
    /// The signal's values in ascending order.
    let sortedValues: [Double]
    /// Indices that sort the signal ascending (ties by index).
    let rankOrder: [Int32]
    /// The signal's real DFT, bins 0 ... L/2 (unnormalised).
    let fourier: [Complex<Double>]
    let fft: RealFFT

    /// Fewest samples accepted.
    public static let minimumCount = 4

    /// Prepares surrogates of `signal` (finite samples, at least 4).
    /// - Throws: `LDFError` for a short signal or a NaN / infinite sample.
    public init(signal: [Double], maxIterations: Int = 1000) throws {
        guard signal.count >= Self.minimumCount else {
            throw LDFError("signal", "\(signal.count) samples; surrogates need at least \(Self.minimumCount)", fix: "use a longer signal")
        }
        if let bad = signal.firstIndex(where: { !$0.isFinite }) {
            throw LDFError("signal", "sample \(bad) is \(signal[bad]); surrogates need finite samples",
                           fix: "bridge or remove gaps before making surrogates")
        }
        guard maxIterations >= 1 else {
            throw LDFError("maxIterations", "\(maxIterations); at least 1 IAAFT iteration is needed", fix: "use the default 1000")
        }
        self.signal = signal
        self.maxIterations = maxIterations
        var order = (0..<Int32(signal.count)).map { $0 }
        Self.sortIndices(&order, by: signal)
        rankOrder = order
        sortedValues = order.map { signal[Int($0)] }
        fft = RealFFT(count: signal.count)
        let input = RealBuffer(count: signal.count), output = ComplexBuffer(count: fft.binCount)
        for i in signal.indices { input[i] = signal[i] }
        fft.forward(input, output)
        fourier = Array(output.buffer)
    }

    public var count: Int { signal.count }

    /// One surrogate of the kind asked, drawing from `random`. For `.cyclePhasePermutation` the
    /// signal is taken to be a phase in radians (as MODA's `surrcalc` does).
    public func surrogate(_ kind: SurrogateKind, random: inout SeededRandom) -> Surrogate {
        switch kind {
        case .randomPermutation:
            return Surrogate(kind: kind, values: permuted(random: &random))
        case .fourier:
            let values = phaseRandomised(fourier, random: &random, workspace: SurrogateWorkspace(count: count))
            return Surrogate(kind: kind, values: values)
        case .aaft:
            return Surrogate(kind: kind, values: amplitudeAdjusted(random: &random))
        case .iaaftDistribution, .iaaftSpectrum:
            return iterated(kind, random: &random)
        case .timeShift:
            let lag = 1 + Self.index(below: count - 1, &random)
            return Surrogate(kind: kind, values: (0..<count).map { signal[($0 + lag) % count] })
        case .cyclePhasePermutation:
            return Surrogate(kind: kind, values: Self.cyclePhasePermutation(phase: signal, random: &random))
        }
    }

    /// The samples in random order (Fisher–Yates).
    func permuted(random: inout SeededRandom) -> [Double] {
        var values = signal
        Self.shuffle(&values, random: &random)
        return values
    }

    /// AAFT: Gaussian numbers in the signal's rank order, phase-randomised, then the signal's
    /// sorted values put in the rank order of the result.
    func amplitudeAdjusted(random: inout SeededRandom) -> [Double] {
        let n = count
        var gaussian = (0..<n).map { _ in random.gaussian() }
        gaussian.sort()
        var reordered = [Double](repeating: 0, count: n)
        for j in 0..<n { reordered[Int(rankOrder[j])] = gaussian[j] }
        let workspace = SurrogateWorkspace(count: n)
        for i in 0..<n { workspace.real[i] = reordered[i] }
        fft.forward(workspace.real, workspace.spectrum)
        let spectrum = Array(workspace.spectrum.buffer.prefix(fft.binCount))
        let randomised = phaseRandomised(spectrum, random: &random, workspace: workspace)
        var order = (0..<Int32(n)).map { $0 }
        Self.sortIndices(&order, by: randomised)
        var result = [Double](repeating: 0, count: n)
        for j in 0..<n { result[Int(order[j])] = sortedValues[j] }
        return result
    }

    /// The real series whose DFT is `spectrum` with each bin 1 ..< L/2 turned by a uniform random
    /// phase (DC and, for even L, the Nyquist bin kept): the inverse real FFT divided by L.
    func phaseRandomised(_ spectrum: [Complex<Double>], random: inout SeededRandom, workspace: SurrogateWorkspace) -> [Double] {
        let n = count
        let last = n % 2 == 0 ? n / 2 - 1 : n / 2
        workspace.spectrum[0] = spectrum[0]
        for k in 1...last { // L >= 4, so last >= 1
            let angle = 2 * Double.pi * random.uniform()
            workspace.spectrum[k] = spectrum[k] * Complex(cos(angle), sin(angle))
        }
        if n % 2 == 0 { workspace.spectrum[n / 2] = spectrum[n / 2] }
        fft.backward(workspace.spectrum, workspace.real)
        let scale = 1 / Double(n)
        return (0..<n).map { workspace.real[$0] * scale }
    }

    /// A uniform integer in 0 ..< n from one 64-bit draw (Lemire's multiply-high; bias below n / 2^64).
    static func index(below n: Int, _ random: inout SeededRandom) -> Int {
        precondition(n > 0, "empty range")
        return Int(random.next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Fisher–Yates shuffle with `index(below:)`, so the order depends only on the seed.
    static func shuffle<T>(_ values: inout [T], random: inout SeededRandom) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, index(below: i + 1, &random))
        }
    }
}

/// Per-call FFT buffers of one surrogate computation.
final class SurrogateWorkspace {
    let real: RealBuffer
    let spectrum: ComplexBuffer

    init(count: Int) {
        real = RealBuffer(count: count)
        spectrum = ComplexBuffer(count: count / 2 + 1)
    }
}
