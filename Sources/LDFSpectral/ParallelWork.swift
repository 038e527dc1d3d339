import Foundation
import Synchronization

/// Work spread across the cores with `DispatchQueue.concurrentPerform`: one worker per core,
/// indices handed out one at a time (so long and short items balance), each worker with scratch
/// state made once (FFT buffers, say). FFTW's own threads do not pay here (STYLE.md); wavelet
/// rows, surrogates and coherence rows all go through this.
public enum ParallelWork {
    /// Calls `body(scratch, index)` for every index in `0..<count`, in the sequence `order` when
    /// given (e.g. largest rows first, so the short ones fill the gaps at the end).
    public static func forEach<Scratch>(_ count: Int, order: [Int]? = nil, scratch makeScratch: @Sendable () -> Scratch,
                                 _ body: @Sendable (Scratch, Int) -> Void) {
        guard count > 0 else { return }
        precondition(order.map { $0.count == count } ?? true, "order must list every index once")
        let next = Atomic<Int>(0)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let scratch = makeScratch()
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < count else { break }
                body(scratch, order?[position] ?? position)
            }
        }
    }

    /// Calls `body(index)` for every index in `0..<count`.
    public static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        forEach(count, scratch: {}) { _, index in body(index) }
    }
}

/// Fixed slots that concurrent tasks fill at distinct indices; read after all tasks finished.
public final class ResultSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>

    public init(count: Int) {
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Writes one slot; each index must be written by one task only.
    public func set(_ index: Int, _ value: Element) { storage[index] = value }

    /// Every written slot, in index order (call after all writers finished; all must be set).
    public var values: [Element] { storage.compactMap { $0 } }
}
