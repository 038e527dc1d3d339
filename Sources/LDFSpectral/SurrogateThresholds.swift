import LDFCore

/// Significance thresholds of many statistics (cells) over N surrogates without keeping all N
/// values of every cell: each cell keeps only its largest values, as many as the threshold rule
/// (`SurrogateOptions.threshold`) reads. For the rank test that is K = floor((N + 1)(1 - level))
/// values; for the percentile, the values from the level's order statistic up. Thresholds equal
/// `SurrogateOptions.threshold` of the full list (NaN values are not counted).
struct SurrogateThresholds: Sendable {
    let options: SurrogateOptions
    let cellCount: Int
    /// Values kept per cell.
    let keep: Int
    /// Per cell, its largest values so far in descending order (`stored[cell]` of them used).
    private var largest: [Double]
    private var stored: [Int]
    /// Non-NaN values seen per cell.
    private var seen: [Int]

    init(options: SurrogateOptions, cellCount: Int) {
        self.options = options
        self.cellCount = cellCount
        let n = options.count
        switch options.test {
        case .rank: keep = max(1, options.rank)
        case .percentile: keep = max(2, n - Int((options.level * Double(n - 1)).rounded(.down)))
        }
        largest = [Double](repeating: 0, count: cellCount * keep)
        stored = [Int](repeating: 0, count: cellCount)
        seen = stored
    }

    /// Adds one surrogate's value of every cell (`values.count == cellCount`).
    mutating func add(_ values: [Double]) {
        precondition(values.count == cellCount, "one value per cell")
        for (cell, value) in values.enumerated() where !value.isNaN { insert(value, cell) }
    }

    /// Adds every value another accumulator kept (made with the same options and cells).
    mutating func merge(_ other: SurrogateThresholds) {
        for cell in 0..<cellCount {
            for i in 0..<other.stored[cell] { insert(other.largest[cell * keep + i], cell) }
            seen[cell] += other.seen[cell] - other.stored[cell]
        }
    }

    private mutating func insert(_ value: Double, _ cell: Int) {
        seen[cell] += 1
        let base = cell * keep
        var count = stored[cell]
        if count == keep {
            guard value > largest[base + keep - 1] else { return }
            count -= 1
        }
        var i = count
        while i > 0 && largest[base + i - 1] < value {
            largest[base + i] = largest[base + i - 1]
            i -= 1
        }
        largest[base + i] = value
        stored[cell] = count + 1
    }

    /// The threshold of every cell (NaN where no value was seen or too few for the rank test).
    var thresholds: [Double] {
        (0..<cellCount).map { cell in
            let n = seen[cell]
            guard n > 0 else { return .nan }
            let base = cell * keep
            // The d-th largest (0-based) of all n values, when it was kept.
            func descending(_ d: Int) -> Double { d < stored[cell] ? largest[base + d] : .nan }
            switch options.test {
            case .rank:
                let k = Int((Double(n + 1) * (1 - options.level) + 1e-9).rounded(.down))
                return k >= 1 ? descending(k - 1) : .nan
            case .percentile:
                let position = options.level * Double(n - 1)
                let lower = Int(position.rounded(.down)), upper = min(lower + 1, n - 1)
                let weight = position - Double(lower)
                let low = descending(n - 1 - lower), high = descending(n - 1 - upper)
                return low + weight * (high - low)
            }
        }
    }
}
