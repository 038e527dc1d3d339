import Foundation
import Synchronization
import Testing
import LDFStream

/// OrderedWork: outputs delivered in submission order whatever order the work finishes in, at
/// most `capacity` items held at once, and a delivery error stopping the rest and rethrown.
@Suite struct OrderedWorkTests {
    struct WriteFailed: Error {}

    /// Records deliveries, and the most items ever held (handed in, not yet delivered).
    final class Log: @unchecked Sendable {
        let state = Mutex<(delivered: [Int], inFlight: Int, most: Int)>(([], 0, 0))
        func start() { state.withLock { $0.inFlight += 1; $0.most = max($0.most, $0.inFlight) } }
        func deliver(_ x: Int) { state.withLock { $0.delivered.append(x); $0.inFlight -= 1 } }
    }

    @Test(arguments: [1, 2, 4])
    func outputsComeInSubmissionOrder(capacity: Int) throws {
        let log = Log()
        let work = OrderedWork<Int>(capacity: capacity) { log.deliver($0) }
        var random = SystemRandomNumberGenerator()
        var expected: [Int] = []
        for i in 0..<60 {
            if i % 7 == 3 {
                log.start()
                try work.add(-i) // a ready output between pending ones keeps its place
                expected.append(-i)
                continue
            }
            let pause = UInt32.random(in: 0...3000, using: &random)
            log.start()
            try work.submit { usleep(pause); return i }
            expected.append(i)
        }
        try work.finish()
        let state = log.state.withLock { $0 }
        #expect(state.delivered == expected)
        #expect(state.most <= capacity + 1, "held \(state.most) with capacity \(capacity)") // +1: counted before the wait
    }

    @Test func aDeliveryErrorStopsTheRestAndIsRethrown() throws {
        let log = Log()
        let work = OrderedWork<Int>(capacity: 2) { x in
            if x == 3 { throw WriteFailed() }
            log.deliver(x)
        }
        var thrown = false
        do {
            for i in 0..<20 { try work.submit { i } }
            try work.finish()
        } catch is WriteFailed {
            thrown = true
        }
        #expect(thrown)
        #expect(log.state.withLock { $0.delivered } == [0, 1, 2])
    }
}
