internal import CFFTW
import Numerics
import Synchronization

/// Process-wide FFTW plan cache. FFTW's planner is not thread-safe, so every planning call goes
/// through one mutex; plans live for the whole process (never destroyed, so no destroy races).
/// Plans use FFTW_ESTIMATE: deterministic and made in milliseconds (no wisdom, no MEASURE), and
/// planned on uninitialised scratch buffers (ESTIMATE never touches them).
enum FFTPlanner {
    struct Key: Hashable {
        enum Kind { case complexForward, complexBackward, complexBackwardInPlace, realForward, realBackward }
        var kind: Kind
        var count: Int
    }

    struct PlanHandle: @unchecked Sendable { let plan: OpaquePointer }

    static let cache = Mutex<[Key: PlanHandle]>([:])

    static func plan(_ kind: Key.Kind, count: Int) -> OpaquePointer {
        cache.withLock { plans in
            let key = Key(kind: kind, count: count)
            if let existing = plans[key] { return existing.plan }
            let flags = UInt32(FFTW_ESTIMATE)
            let n = Int32(count)
            let made: OpaquePointer?
            switch kind {
            case .complexForward, .complexBackward:
                let a = ComplexBuffer(uninitializedCount: count), b = ComplexBuffer(uninitializedCount: count)
                made = fftw_plan_dft_1d(n, fftwComplex(a.pointer), fftwComplex(b.pointer),
                                        kind == .complexForward ? FFTW_FORWARD : FFTW_BACKWARD, flags)
            case .complexBackwardInPlace:
                let a = ComplexBuffer(uninitializedCount: count)
                made = fftw_plan_dft_1d(n, fftwComplex(a.pointer), fftwComplex(a.pointer), FFTW_BACKWARD, flags)
            case .realForward:
                let a = RealBuffer(uninitializedCount: count), b = ComplexBuffer(uninitializedCount: count / 2 + 1)
                made = fftw_plan_dft_r2c_1d(n, a.pointer, fftwComplex(b.pointer), flags)
            case .realBackward:
                let a = ComplexBuffer(uninitializedCount: count / 2 + 1), b = RealBuffer(uninitializedCount: count)
                made = fftw_plan_dft_c2r_1d(n, fftwComplex(a.pointer), b.pointer, flags)
            }
            guard let made else { fatalError("FFTW could not plan a \(kind) transform of length \(count)") }
            plans[key] = PlanHandle(plan: made)
            return made
        }
    }
}

/// Unnormalised complex DFT of one length: forward X[k] = sum x[n] e^{-2 pi i k n / N}, backward
/// with e^{+...} (backward(forward(x)) = N x). Free to create: each direction is planned on its
/// first use (then taken from the process-wide cache), so a direction never used is never planned;
/// `execute` on a shared instance from many threads is safe with per-call buffers.
public struct ComplexFFT: Sendable {
    public let count: Int

    public init(count: Int) {
        precondition(count > 0, "FFT length must be positive")
        self.count = count
    }

    /// Out-of-place forward transform; `input` and `output` must be distinct buffers of `count`.
    public func forward(_ input: ComplexBuffer, _ output: ComplexBuffer) {
        check(input, output)
        forward(input.pointer, output.pointer)
    }

    /// Out-of-place backward (inverse, unnormalised) transform.
    public func backward(_ input: ComplexBuffer, _ output: ComplexBuffer) {
        check(input, output)
        backward(input.pointer, output.pointer)
    }

    /// Out-of-place forward transform between FFTW-aligned arrays of `count` (new-array execution
    /// needs the planning arrays' alignment, which every `AlignedBuffer` has).
    func forward(_ input: UnsafeMutablePointer<Complex<Double>>, _ output: UnsafeMutablePointer<Complex<Double>>) {
        fftw_execute_dft(FFTPlanner.plan(.complexForward, count: count), fftwComplex(input), fftwComplex(output))
    }

    /// Out-of-place backward transform between FFTW-aligned arrays of `count`.
    func backward(_ input: UnsafeMutablePointer<Complex<Double>>, _ output: UnsafeMutablePointer<Complex<Double>>) {
        fftw_execute_dft(FFTPlanner.plan(.complexBackward, count: count), fftwComplex(input), fftwComplex(output))
    }

    /// In-place backward transform of the first `count` elements of `buffer`. FFTW's in-place
    /// plans for long power-of-two lengths skip the copies its out-of-place ESTIMATE plans make
    /// (0.6x the time at 2^16-2^18 points on these machines).
    public func backwardInPlace(_ buffer: ComplexBuffer) {
        precondition(buffer.count >= count, "FFT buffer shorter than \(count)")
        let data = fftwComplex(buffer.pointer)
        fftw_execute_dft(FFTPlanner.plan(.complexBackwardInPlace, count: count), data, data)
    }

    private func check(_ input: ComplexBuffer, _ output: ComplexBuffer) {
        precondition(input.count >= count && output.count >= count, "FFT buffers shorter than \(count)")
        precondition(input !== output, "ComplexFFT is planned out of place")
    }
}

/// Unnormalised real-input DFT of one length: `forward` gives the count/2 + 1 non-negative
/// frequency bins; `backward` (c2r) maps them back to count reals, scaled by count, and
/// overwrites its input (FFTW's c2r destroys it). Each direction is planned on its first use, like
/// `ComplexFFT` (the wavelet transform's padded length needs only the forward plan).
public struct RealFFT: Sendable {
    public let count: Int
    /// Number of complex bins, count / 2 + 1.
    public var binCount: Int { count / 2 + 1 }

    public init(count: Int) {
        precondition(count > 0, "FFT length must be positive")
        self.count = count
    }

    public func forward(_ input: RealBuffer, _ output: ComplexBuffer) {
        precondition(input.count >= count && output.count >= binCount, "FFT buffers too short")
        fftw_execute_dft_r2c(FFTPlanner.plan(.realForward, count: count), input.pointer, fftwComplex(output.pointer))
    }

    /// Destroys `input`.
    public func backward(_ input: ComplexBuffer, _ output: RealBuffer) {
        precondition(input.count >= binCount && output.count >= count, "FFT buffers too short")
        fftw_execute_dft_c2r(FFTPlanner.plan(.realBackward, count: count), fftwComplex(input.pointer), output.pointer)
    }
}

/// The linked FFTW's version string, e.g. "fftw-3.3.10-sse2-avx".
public var fftwVersion: String { String(cString: ldf_fftw_version()) }

/// Views a `Complex<Double>` buffer as FFTW's `double[2]` elements (same layout).
@inline(__always)
func fftwComplex(_ pointer: UnsafeMutablePointer<Complex<Double>>) -> UnsafeMutablePointer<fftw_complex> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: fftw_complex.self)
}
