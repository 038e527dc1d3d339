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
        ParallelWork.forEach(count) { k in
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
}
