extension SurrogateGenerator {
    /// Sorts `order` (indices into `values`, finite) by value, ties by index, in place.
    ///
    /// The IAAFT spends most of its time here, so the comparison is made on integers: each index
    /// is packed with the top bits of its value's order-preserving bit pattern into one UInt64
    /// (value bits above, index bits below), the keys are sorted as plain integers, and the rare
    /// runs whose value bits tie are finished by exact comparison. Starting from the previous
    /// order (nearly sorted between IAAFT iterations) makes the sort cheaper still.
    static func sortIndices(_ order: inout [Int32], by values: [Double]) {
        values.withUnsafeBufferPointer { sortIndices(&order, by: $0) }
    }

    /// `sortIndices` on the values behind a buffer pointer.
    static func sortIndices(_ order: inout [Int32], by v: UnsafeBufferPointer<Double>) {
        let n = order.count
        guard n > 1 else { return }
        let indexBits = UInt64.bitWidth - UInt64(n - 1).leadingZeroBitCount
        let indexMask: UInt64 = (1 << UInt64(indexBits)) - 1
        var keys = [UInt64](repeating: 0, count: n)
        order.withUnsafeBufferPointer { o in
            keys.withUnsafeMutableBufferPointer { k in
                for j in 0..<n {
                    let i = Int(o[j])
                    k[j] = (orderedBits(v[i]) & ~indexMask) | UInt64(i)
                }
            }
        }
        keys.sort()
        order.withUnsafeMutableBufferPointer { o in
            keys.withUnsafeBufferPointer { k in
                var j = 0
                while j < n {
                    let top = k[j] & ~indexMask
                    var end = j + 1
                    while end < n && k[end] & ~indexMask == top { end += 1 }
                    for m in j..<end { o[m] = Int32(truncatingIfNeeded: k[m] & indexMask) }
                    if end - j > 1 {
                        o[j..<end].sort { a, b in
                            let x = v[Int(a)], y = v[Int(b)]
                            return x < y || (x == y && a < b)
                        }
                    }
                    j = end
                }
            }
        }
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
