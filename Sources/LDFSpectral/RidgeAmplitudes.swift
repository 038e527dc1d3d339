import Numerics

/// |W| at (frequency row, time), what `RidgeCurve` reads: a matrix of amplitudes, or the moduli
/// of the complex coefficients taken where they are read, so a band's transform is held once
/// (frequencies x samples complex values) and not again as amplitudes.
protocol RidgeAmplitudes {
    var rowCount: Int { get }
    var timeCount: Int { get }
    subscript(row: Int, time: Int) -> Double { get }
}

/// Amplitudes given as one array per frequency row.
struct AmplitudeRows: RidgeAmplitudes {
    let rows: [[Double]]
    var rowCount: Int { rows.count }
    var timeCount: Int { rows.first?.count ?? 0 }
    subscript(row: Int, time: Int) -> Double { rows[row][time] }
}

/// |W| of complex coefficient rows (`Complex.length`, the same values as mapping the rows).
struct CoefficientModuli: RidgeAmplitudes {
    let rows: [[Complex<Double>]]
    var rowCount: Int { rows.count }
    var timeCount: Int { rows.first?.count ?? 0 }
    subscript(row: Int, time: Int) -> Double { rows[row][time].length }
}

/// |W| of `width` consecutive times at every row, copied row by row (each row's times are
/// contiguous in the source), so that reading one time across all rows, as the ridge's peaks and
/// supports do, touches a small cache-resident block instead of one cache line per row.
struct AmplitudeBlock {
    static let width = 64
    let rowCount: Int
    /// The block's first time and how many it holds.
    private(set) var start = 0
    private(set) var count = 0
    private var values: [Double]

    init(rowCount: Int) {
        self.rowCount = rowCount
        values = [Double](repeating: 0, count: rowCount * Self.width)
    }

    /// Calls `body` with the block of each run of `width` times of `amplitudes`, in time order.
    static func forEach<A: RidgeAmplitudes>(_ amplitudes: A, _ body: (AmplitudeBlock) -> Void) {
        var block = AmplitudeBlock(rowCount: amplitudes.rowCount)
        for first in stride(from: 0, to: amplitudes.timeCount, by: width) {
            block.load(amplitudes, times: first..<min(first + width, amplitudes.timeCount))
            body(block)
        }
    }

    private mutating func load<A: RidgeAmplitudes>(_ amplitudes: A, times: Range<Int>) {
        start = times.lowerBound
        count = times.count
        let (first, n) = (start, count)
        values.withUnsafeMutableBufferPointer { v in
            for j in 0..<rowCount {
                for k in 0..<n { v[j * Self.width + k] = amplitudes[j, first + k] }
            }
        }
    }

    /// |W| at `row` and `time` (a time of this block).
    subscript(row: Int, time: Int) -> Double { values[row * Self.width + time - start] }

    /// The block's times.
    var times: Range<Int> { start..<(start + count) }
}
