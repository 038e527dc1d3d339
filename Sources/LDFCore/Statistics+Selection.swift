extension Statistics {
    /// Median of the finite values of `values` by selection (quickselect with a three-way
    /// partition: O(n) on average, one pass for constant input) instead of a full sort; equal to
    /// `median(sorted:)` of the sorted finite values (the same one or two middle values, averaged
    /// the same way; only a zero may come out with the other sign, as a sort treats -0 and +0 as
    /// equals). NaN when no value is finite. `values` is reordered.
    public static func median(selecting values: inout [Double]) -> Double {
        var finite = 0
        for i in values.indices where values[i].isFinite {
            values.swapAt(i, finite)
            finite += 1
        }
        guard finite > 0 else { return .nan }
        let upper = finite / 2
        return values.withUnsafeMutableBufferPointer { buffer in
            let a = UnsafeMutableBufferPointer(rebasing: buffer[0..<finite])
            let high = select(upper, in: a)
            guard finite % 2 == 0 else { return high }
            // Everything before position `upper` is at most `high`: the lower middle is its maximum.
            var low = a[0]
            for i in 1..<upper where a[i] > low { low = a[i] }
            return (low + high) / 2
        }
    }

    /// The k-th smallest value of `a` (0-based), leaving `a[0..<k]` at most and `a[(k+1)...]` at
    /// least that value (C++'s `nth_element`). Values must be finite.
    static func select(_ k: Int, in a: UnsafeMutableBufferPointer<Double>) -> Double {
        var low = 0, high = a.count - 1
        while low < high {
            let pivot = medianOfThree(a[low], a[low + (high - low) / 2], a[high])
            // Three-way partition of a[low...high]: < pivot, == pivot, > pivot.
            var lt = low, i = low, gt = high
            while i <= gt {
                let x = a[i]
                if x < pivot {
                    a.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if x > pivot {
                    a.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if k < lt { high = lt - 1 } else if k > gt { low = gt + 1 } else { return pivot }
        }
        return a[k]
    }

    private static func medianOfThree(_ x: Double, _ y: Double, _ z: Double) -> Double {
        max(min(x, y), min(max(x, y), z))
    }
}
