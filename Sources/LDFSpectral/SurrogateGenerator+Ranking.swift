extension SurrogateGenerator {
    /// Sorts `order` (indices into `values`, finite) by value, ties by index, in place (any
    /// starting order gives the same result). One-off rankings; the IAAFT keeps a `ValueRanking`.
    static func sortIndices(_ order: inout [Int32], by values: [Double]) {
        values.withUnsafeBufferPointer { sortIndices(&order, by: $0) }
    }

    /// `sortIndices` on the values behind a buffer pointer.
    static func sortIndices(_ order: inout [Int32], by v: UnsafeBufferPointer<Double>) {
        guard order.count > 1 else { return }
        var ranking = ValueRanking(count: order.count)
        ranking.sort(&order, by: v)
    }

    /// Whether `order` already sorts `v` by value, ties by index (then `sortIndices` would
    /// leave it unchanged).
    static func isSorted(_ order: [Int32], by v: UnsafeBufferPointer<Double>) -> Bool {
        order.withUnsafeBufferPointer { o in
            for j in 1..<o.count {
                let a = o[j - 1], b = o[j]
                let x = v[Int(a)], y = v[Int(b)]
                if !(x < y || (x == y && a < b)) { return false }
            }
            return true
        }
    }

    /// The IEEE-754 bit pattern mapped so that unsigned integer order is numeric order (-0 is
    /// taken as +0, so the two tie as they compare equal).
    @inline(__always)
    static func orderedBits(_ x: Double) -> UInt64 {
        let bits = (x + 0.0).bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }
}

/// Orders the indices of a series by value, ties by index, with buffers kept between calls (the
/// IAAFT ranks a series of the same length every iteration, and after its first iterations the
/// new order is the old one with most entries moved by a few places at most).
///
/// Each index is packed with the top bits of its value's order-preserving bit pattern into one
/// UInt64 (value bits above, index bits below), so the keys are distinct and their integer order
/// is the (value, index) order up to the rare runs whose value bits tie, which are finished by
/// exact comparison. Given the previous order (`resort(_:by:)`), the keys are made in
/// that order and insertion-sorted, with a budget of `shiftBudgetPerValue` moves per key; past
/// it (or with no previous order, or just after an insertion sort ran out) the keys are made in index order and sorted by their value
/// bits alone with a stable least-significant-digit radix sort (11-bit digits, all histograms
/// counted in the pass that makes the keys, a digit that every key shares skipped), so keys
/// whose value bits tie stay in index order. Either way the result equals a comparison sort by
/// (value, index).
struct ValueRanking {
    /// Bits per radix digit: 2048 buckets, whose counts and write positions stay in cache.
    private static let digitBits = 11
    private static let radix = 1 << digitBits

    let count: Int
    /// Bits that hold an index below `count`.
    private let indexBits: Int
    private var keys: [UInt64]
    private var scratch: [UInt64]
    /// One histogram of `radix` counts per digit of the value bits.
    private var histograms: [Int]

    init(count: Int) {
        precondition(count >= 1, "nothing to rank")
        self.count = count
        indexBits = UInt64.bitWidth - UInt64(max(1, count - 1)).leadingZeroBitCount
        keys = [UInt64](repeating: 0, count: count)
        scratch = keys
        histograms = [Int](repeating: 0, count: Self.digitCount(indexBits: indexBits) * Self.radix)
    }

    /// Digits covering the value bits indexBits ..< 64.
    private static func digitCount(indexBits: Int) -> Int {
        (UInt64.bitWidth - indexBits + digitBits - 1) / digitBits
    }

    /// Moves per key an insertion sort may make before the radix sort takes over (a radix sort
    /// costs about as much as a few moves per key).
    static let shiftBudgetPerValue = 4

    /// Sets `order` (`count` entries) to the indices of `v` (finite, `count` values) sorted by
    /// value, ties by index.
    mutating func sort(_ order: inout [Int32], by v: UnsafeBufferPointer<Double>) {
        precondition(order.count == count && v.count == count, "ranking \(v.count) values into \(order.count) slots, made for \(count)")
        let inKeys = radixSorted(v)
        unpack(inKeys ? keys : scratch, into: &order, by: v)
    }

    /// `sort(_:by:)` starting from `order` as it is (a permutation of 0 ..< `count`): cheapest
    /// when `v` is nearly sorted in that order.
    /// An insertion sort that runs out of moves costs about a radix sort and is thrown away, so
    /// after one has, the next resort goes straight to the radix sort (the IAAFT's first
    /// iterations move most values far) and only the one after tries the insertion sort again.
    mutating func resort(_ order: inout [Int32], by v: UnsafeBufferPointer<Double>) {
        precondition(order.count == count && v.count == count, "ranking \(v.count) values into \(order.count) slots, made for \(count)")
        if insertionRanOut {
            insertionRanOut = false
            sort(&order, by: v)
        } else if insertionSorted(order, by: v) {
            unpack(keys, into: &order, by: v)
        } else {
            insertionRanOut = true
            sort(&order, by: v)
        }
    }

    /// Whether the last resort's insertion sort ran out of moves.
    private var insertionRanOut = false

    /// The value-and-index key of index `i`.
    @inline(__always)
    private static func key(_ i: Int, _ v: UnsafeBufferPointer<Double>, indexMask: UInt64) -> UInt64 {
        (SurrogateGenerator.orderedBits(v[i]) & ~indexMask) | UInt64(i)
    }

    /// Makes the keys in `order` and insertion-sorts them in `keys`; false when the move budget
    /// ran out first (then `keys` holds a permutation of them, unsorted).
    private mutating func insertionSorted(_ order: [Int32], by v: UnsafeBufferPointer<Double>) -> Bool {
        let n = count, indexMask: UInt64 = (1 << UInt64(indexBits)) - 1
        var budget = Self.shiftBudgetPerValue * n
        return order.withUnsafeBufferPointer { o in
            keys.withUnsafeMutableBufferPointer { k in
                // All keys first: the scattered reads of `v` overlap when no branch of the
                // insertion sort sits between them.
                for j in 0..<n { k[j] = Self.key(Int(o[j]), v, indexMask: indexMask) }
                for j in 1..<max(1, n) {
                    let key = k[j]
                    var i = j
                    while i > 0 && k[i - 1] > key {
                        k[i] = k[i - 1]
                        i -= 1
                    }
                    k[i] = key
                    budget -= j - i
                    if budget < 0 { return false }
                }
                return true
            }
        }
    }

    /// Makes the keys and radix-sorts them; true when the result is in `keys`, false in `scratch`.
    private mutating func radixSorted(_ v: UnsafeBufferPointer<Double>) -> Bool {
        let n = count, shiftBase = indexBits, digits = Self.digitCount(indexBits: indexBits)
        let indexMask: UInt64 = (1 << UInt64(indexBits)) - 1, digitMask = UInt64(Self.radix - 1)
        return keys.withUnsafeMutableBufferPointer { k in
            scratch.withUnsafeMutableBufferPointer { s in
                histograms.withUnsafeMutableBufferPointer { h in
                    h.update(repeating: 0)
                    for i in 0..<n {
                        let key = Self.key(i, v, indexMask: indexMask)
                        k[i] = key
                        for d in 0..<digits {
                            h[d << Self.digitBits + Int((key >> UInt64(shiftBase + d * Self.digitBits)) & digitMask)] += 1
                        }
                    }
                    var inKeys = true
                    for d in 0..<digits {
                        let histogram = UnsafeMutableBufferPointer(rebasing: h[(d << Self.digitBits)..<((d + 1) << Self.digitBits)])
                        let shift = UInt64(shiftBase + d * Self.digitBits)
                        let (source, target) = inKeys ? (k, s) : (s, k)
                        guard histogram[Int((source[0] >> shift) & digitMask)] < n else { continue }
                        Self.scatter(source, into: target, shift: shift, histogram: histogram)
                        inKeys.toggle()
                    }
                    return inKeys
                }
            }
        }
    }

    /// One stable counting-sort pass of `source` into `target` on the digit at `shift`.
    @inline(__always)
    private static func scatter(_ source: UnsafeMutableBufferPointer<UInt64>, into target: UnsafeMutableBufferPointer<UInt64>,
                                shift: UInt64, histogram: UnsafeMutableBufferPointer<Int>) {
        var total = 0
        for b in 0..<radix {
            let c = histogram[b]
            histogram[b] = total
            total += c
        }
        let digitMask = UInt64(radix - 1)
        for key in source {
            let b = Int((key >> shift) & digitMask)
            target[histogram[b]] = key
            histogram[b] += 1
        }
    }

    /// Writes the indices of the sorted keys into `order`.
    private func unpack(_ sorted: [UInt64], into order: inout [Int32], by v: UnsafeBufferPointer<Double>) {
        let indexMask: UInt64 = (1 << UInt64(indexBits)) - 1
        order.withUnsafeMutableBufferPointer { o in
            sorted.withUnsafeBufferPointer { k in Self.unpack(k, into: o, indexMask: indexMask, by: v) }
        }
    }

    /// The indices of the sorted keys, runs whose value bits tie put in exact (value, index) order:
    /// one pass writes the indices, a second finds the (rare) runs of neighbours with equal value bits.
    private static func unpack(_ k: UnsafeBufferPointer<UInt64>, into o: UnsafeMutableBufferPointer<Int32>, indexMask: UInt64,
                               by v: UnsafeBufferPointer<Double>) {
        let n = k.count
        for j in 0..<n { o[j] = Int32(truncatingIfNeeded: k[j] & indexMask) }
        var j = 1
        while j < n {
            guard (k[j] ^ k[j - 1]) & ~indexMask == 0 else {
                j += 1
                continue
            }
            let start = j - 1
            while j < n && (k[j] ^ k[start]) & ~indexMask == 0 { j += 1 }
            o[start..<j].sort { a, b in
                let x = v[Int(a)], y = v[Int(b)]
                return x < y || (x == y && a < b)
            }
        }
    }
}
