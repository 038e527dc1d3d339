import LDFSpectral

/// The pair counts behind sample entropy (B, pairs of m-templates within the tolerance, and A,
/// those still within it at m + 1 points), exact and without comparing all N^2 / 2 pairs.
///
/// Templates are sorted by their first point, so the partners of a template are the run that
/// follows it in that order up to the last whose first point lies within r; only that run is
/// compared (the classic sorted search for sample entropy; cost N log N plus the pairs whose first
/// points match). The templates are stored column by column in that order (`SortedTemplates`),
/// so each run is contiguous in every column and is compared four templates at a time with SIMD
/// lanes and no branch per pair: a lane's template count is the AND of |difference| <= r over
/// points 1 ..< m, its extended count that AND with point m. The counts are the brute-force ones:
/// a pair matches when the rounded difference of every point has magnitude at most r.
enum NeighbourCount {
    /// (A, B) for `templates` templates of `values` (finite) with `dimension` m, `lag` and
    /// tolerance r; the work is split over the cores when `parallel`, with the same counts.
    static func pairs(_ values: [Double], dimension m: Int, lag: Int, tolerance r: Double, templates count: Int,
                      parallel: Bool) -> (extended: Int, template: Int) {
        let sorted = SortedTemplates(values, dimension: m, lag: lag, templates: count)
        let ends = sorted.runEnds(tolerance: r)
        let chunkCount = parallel ? min(count, 256) : 1
        let slots = ResultSlots<(extended: Int, template: Int)>(count: chunkCount)
        ParallelWork.forEach(chunkCount) { chunk in
            // Interleaved positions give every chunk dense and sparse parts of the value range alike.
            slots.set(chunk, sorted.matches(at: stride(from: chunk, to: count, by: chunkCount), runEnds: ends, tolerance: r))
        }
        return slots.values.reduce((0, 0)) { (extended: $0.extended + $1.extended, template: $0.template + $1.template) }
    }
}

/// The m + 1 points of every template, x[i + k lag] for k = 0 ... m, sorted by the first point
/// (the order of ties does not change any count) and stored as m + 1 contiguous columns of `count` values.
struct SortedTemplates: Sendable {
    let count: Int
    let dimension: Int
    /// Column k (point k of each template) at k * count ..< (k + 1) * count.
    let columns: [Double]

    init(_ values: [Double], dimension m: Int, lag: Int, templates count: Int) {
        precondition(count >= 0 && count + m * lag <= values.count, "templates run past the signal")
        let order = (0..<count).sorted { values[$0] < values[$1] }
        var columns = [Double](repeating: 0, count: (m + 1) * count)
        for k in 0...m {
            for (j, i) in order.enumerated() { columns[k * count + j] = values[i + k * lag] }
        }
        self.count = count
        dimension = m
        self.columns = columns
    }

    /// For each template (in sorted order), the last later template whose first point is within
    /// r of its own: the differences only grow along the sorted order, so one forward pass finds all.
    func runEnds(tolerance r: Double) -> [Int] {
        columns.withUnsafeBufferPointer { first in
            var end = 0
            return (0..<count).map { a in
                end = max(end, a)
                while end + 1 < count && first[end + 1] - first[a] <= r { end += 1 }
                return end
            }
        }
    }

    /// Matches of each template at `positions` (in sorted order) with the templates after it, up
    /// to its entry in `runEnds`.
    func matches(at positions: StrideTo<Int>, runEnds ends: [Int], tolerance r: Double) -> (extended: Int, template: Int) {
        columns.withUnsafeBufferPointer { buffer in
            var extended = 0, template = 0
            for a in positions {
                let run = runMatches(buffer.baseAddress!, of: a, through: ends[a], tolerance: r)
                extended += run.extended
                template += run.template
            }
            return (extended, template)
        }
    }

    /// Matches of template `a` with templates a + 1 ... `last`, whose first points are within r
    /// of its own: four at a time with SIMD lanes, the remainder one by one.
    @inline(__always)
    private func runMatches(_ base: UnsafePointer<Double>, of a: Int, through last: Int, tolerance r: Double) -> (extended: Int, template: Int) {
        let m = dimension, n = count
        let limit = SIMD4<Double>(repeating: r)
        let final = base + m * n
        let finalPoint = SIMD4<Double>(repeating: final[a])
        var templateLanes = SIMD4<Int64>(repeating: 0), extendedLanes = SIMD4<Int64>(repeating: 0)
        var b = a + 1
        while b + 3 <= last {
            var lanes = SIMD4<Int64>(repeating: 1)
            for k in 1..<m {
                let column = base + k * n
                lanes &= Self.within(Self.load(column + b) - SIMD4(repeating: column[a]), limit)
            }
            templateLanes &+= lanes
            extendedLanes &+= lanes & Self.within(Self.load(final + b) - finalPoint, limit)
            b += 4
        }
        var template = Int(templateLanes.wrappedSum()), extended = Int(extendedLanes.wrappedSum())
        while b <= last {
            var k = 1
            while k < m && abs(base[k * n + b] - base[k * n + a]) <= r { k += 1 }
            if k == m {
                template += 1
                if abs(final[b] - final[a]) <= r { extended += 1 }
            }
            b += 1
        }
        return (extended, template)
    }

    /// Four consecutive values from `pointer`.
    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// 1 in each lane whose `difference` has magnitude at most `limit`, else 0.
    @inline(__always)
    private static func within(_ difference: SIMD4<Double>, _ limit: SIMD4<Double>) -> SIMD4<Int64> {
        SIMD4<Int64>(repeating: 0).replacing(with: 1, where: (difference .<= limit) .& (difference .>= -limit))
    }
}
