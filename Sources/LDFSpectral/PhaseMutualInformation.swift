import Foundation

/// The harmonic finder's dependence measure between two phases (PyMODAlib's `indexfinder3`):
/// each phase series is put in `bins` equal-population bins by rank (sample j of the sorted order
/// in bin floor(bins j / L)), and the mutual information of the two bin labels is normalised by
/// the entropy of the second (faster) one, I(slow; fast) / H(fast), in 0 ... 1 (bits cancel).
/// Ties in the ranks are broken by time (the reference's sort leaves them in arbitrary order).
/// Methods: docs/METHODS.md §19.
struct PhaseMutualInformation: Sendable {
    let bins: Int
    /// c log2 c for c = 0 ... longest series (0 log 0 = 0).
    private let countLogCount: [Double]

    init(bins: Int, longest: Int) {
        self.bins = bins
        countLogCount = (0...max(longest, 1)).map { $0 == 0 ? 0 : Double($0) * log2(Double($0)) }
    }

    /// Indices 0 ..< count of `phases` in ascending order of value, ties by index.
    static func rankOrder(_ phases: [Float]) -> [Int32] {
        var order = (0..<Int32(phases.count)).map { $0 }
        SurrogateGenerator.sortIndices(&order, by: phases.map(Double.init))
        return order
    }

    /// The bin labels of the columns in `window` of a row whose phases start at column
    /// `firstColumn` and whose rank order over all of them is `order`: ranks are counted among
    /// the window's columns only.
    func labels(order: [Int32], firstColumn: Int, window: Range<Int>) -> [UInt8] {
        var labels = [UInt8](repeating: 0, count: window.count)
        let length = window.count
        var rank = 0
        for index in order {
            let column = firstColumn + Int(index)
            guard window.contains(column) else { continue }
            labels[column - window.lowerBound] = UInt8(truncatingIfNeeded: bins * rank / length)
            rank += 1
        }
        return labels
    }

    /// I(slow; fast) / H(fast) of two label series of one length (`counts`: bins² scratch);
    /// NaN for empty series or a constant fast label.
    func normalised(_ slow: [UInt8], _ fast: [UInt8], counts: inout [Int32]) -> Double {
        precondition(slow.count == fast.count, "label series of different lengths")
        let total = slow.count
        guard total > 0 else { return .nan }
        for i in counts.indices { counts[i] = 0 }
        let b = bins
        counts.withUnsafeMutableBufferPointer { c in
            slow.withUnsafeBufferPointer { s in
                fast.withUnsafeBufferPointer { f in
                    for t in 0..<total { c[Int(s[t]) &* b &+ Int(f[t])] &+= 1 }
                }
            }
        }
        var joint = 0.0, slowMarginal = 0.0, fastMarginal = 0.0
        var columns = [Int](repeating: 0, count: b)
        for n in 0..<b {
            var rowSum = 0
            for m in 0..<b {
                let c = Int(counts[n * b + m])
                rowSum += c
                columns[m] += c
                joint += countLogCount[c]
            }
            slowMarginal += countLogCount[rowSum]
        }
        for m in 0..<b { fastMarginal += countLogCount[columns[m]] }
        let t = Double(total)
        let conditional = (slowMarginal - joint) / t          // H(fast | slow)
        let entropy = log2(t) - fastMarginal / t              // H(fast)
        return (entropy - conditional) / entropy
    }
}
