internal import CFFTW
import Numerics

/// A fixed-size buffer allocated with `fftw_malloc`, so every buffer has the alignment FFTW's
/// plans were made for (new-array execution requires it; see STYLE.md).
///
/// Not thread-safe: use one buffer per task. `Complex<Double>` is layout-compatible with
/// `fftw_complex` (two doubles), so the complex variant hands FFTW its pointer directly.
public final class AlignedBuffer<Element>: @unchecked Sendable {
    public let count: Int
    public let pointer: UnsafeMutablePointer<Element>

    /// A zero-filled buffer of `count` elements.
    public convenience init(count: Int) {
        self.init(uninitializedCount: count)
        UnsafeMutableRawPointer(pointer).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<Element>.stride * count)
    }

    /// A buffer whose contents are undefined: for FFTW planning with FFTW_ESTIMATE, which never
    /// reads or writes the planning arrays, so no memory is touched.
    init(uninitializedCount count: Int) {
        precondition(count > 0, "an FFT buffer needs at least one element")
        let bytes = MemoryLayout<Element>.stride * count
        guard let raw = fftw_malloc(bytes) else { fatalError("fftw_malloc failed for \(bytes) bytes") }
        pointer = raw.bindMemory(to: Element.self, capacity: count)
        self.count = count
    }

    deinit { fftw_free(pointer) }

    public subscript(index: Int) -> Element {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    public var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: pointer, count: count) }

    /// Sets every element to `value`.
    public func fill(_ value: Element) { pointer.update(repeating: value, count: count) }
}

public typealias ComplexBuffer = AlignedBuffer<Complex<Double>>
public typealias RealBuffer = AlignedBuffer<Double>
