import DequeModule
import Foundation

/// Work run on other threads whose outputs are delivered in the order it was handed in, each as
/// soon as it and everything before it are done: the stream's windows are analysed on every core
/// while their records go out in time order, without waiting for the next window. Deliveries run
/// one at a time on a serial queue. At most `capacity` items (running, finished or being delivered)
/// are held, so memory stays bounded by a few windows whatever the input's length; handing in
/// more waits for the oldest. The first error `deliver` throws stops all later deliveries and is
/// rethrown by the next call.
public final class OrderedWork<Output: Sendable>: @unchecked Sendable {
    /// An item's output once it exists.
    private final class Slot: @unchecked Sendable {
        var output: Output?
        init(_ output: Output? = nil) { self.output = output }
    }

    public let capacity: Int
    private let deliver: @Sendable (Output) throws -> Void
    private let condition = NSCondition()
    /// Items not yet handed to the writer, oldest first.
    private var slots: Deque<Slot> = []
    /// Items handed in and not yet delivered.
    private var held = 0
    private var failure: (any Error)?
    private let workers = DispatchQueue(label: "ldf.ordered-work", attributes: .concurrent)
    private let writer = DispatchQueue(label: "ldf.ordered-work.writer")

    /// `capacity` at least 1 (1 runs every item before the next is handed in).
    public init(capacity: Int, deliver: @escaping @Sendable (Output) throws -> Void) {
        self.capacity = max(1, capacity)
        self.deliver = deliver
    }

    /// Starts `work` on another thread, first waiting while `capacity` items are held.
    public func submit(_ work: @escaping @Sendable () -> Output) throws {
        let slot = Slot()
        try enqueue(slot)
        workers.async {
            let output = work()
            self.condition.lock()
            slot.output = output
            self.handOverFinished()
            self.condition.unlock()
        }
    }

    /// Queues an output that needs no work, behind everything handed in before it.
    public func add(_ output: Output) throws {
        try enqueue(Slot(output))
        condition.lock()
        handOverFinished()
        condition.unlock()
    }

    /// Waits until everything handed in is delivered; throws the first delivery error.
    public func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        while held > 0 && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    private func enqueue(_ slot: Slot) throws {
        condition.lock()
        defer { condition.unlock() }
        while held >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        slots.append(slot)
        held += 1
    }

    /// Hands the finished outputs at the head to the writer, in order. Called with the lock held,
    /// so two workers finishing at once cannot hand theirs over out of order.
    private func handOverFinished() {
        while let first = slots.first, let output = first.output {
            slots.removeFirst()
            writer.async {
                self.condition.lock()
                let failed = self.failure != nil
                self.condition.unlock()
                var error: (any Error)?
                if !failed {
                    do { try self.deliver(output) } catch let thrown { error = thrown }
                }
                self.condition.lock()
                if let error, self.failure == nil { self.failure = error }
                self.held -= 1
                self.condition.broadcast()
                self.condition.unlock()
            }
        }
    }
}
