import Foundation
import LDFCore
import Synchronization

extension SurrogateGenerator {
    /// `count` surrogates of one kind, made in parallel across the cores. Surrogate k draws from
    /// its own generator `SurrogateGenerator.random(seed:stream:)` with stream k, so the result
    /// depends only on the seed, never on the thread schedule.
    public func surrogates(_ kind: SurrogateKind, count: Int, seed: UInt64) -> [Surrogate] {
        precondition(count >= 0, "negative surrogate count")
        let slots = ResultSlots<Surrogate>(count: count)
        Self.parallelFor(count) { k in
            var random = Self.random(seed: seed, stream: k)
            slots.set(k, surrogate(kind, random: &random))
        }
        return slots.values
    }

    /// The generator of stream `stream` under `seed`: independent streams for surrogate k (and,
    /// for pairs, one stream per signal), reproducible whatever the order they run in.
    public static func random(seed: UInt64, stream: Int) -> SeededRandom {
        SeededRandom(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(stream + 1))
    }

    /// Runs `body(0 ..< count)` across the cores, handing out indices one at a time.
    static func parallelFor(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let next = Atomic<Int>(0)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < count else { break }
                body(k)
            }
        }
    }
}

/// Fixed slots that concurrent tasks fill at distinct indices; read after all tasks finished.
final class ResultSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// Writes one slot; each index must be written by one task only.
    func set(_ index: Int, _ value: Element) { storage[index] = value }

    /// Every written slot, in index order (call after all writers finished; all must be set).
    var values: [Element] { storage.compactMap { $0 } }
}
