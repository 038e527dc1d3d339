import Testing
import LDFCore

@Suite("LineNumbers")
struct LineNumbersTests {
    @Test("consecutive lines share one run; a skipped line starts a new one")
    func runs() {
        var lines = LineNumbers()
        for line in 5...9 { lines.append(line) }
        #expect(lines.runCount == 1)
        lines.append(12)
        lines.append(13)
        lines.append(13)
        #expect(lines.runCount == 3)
        #expect(Array(lines) == [5, 6, 7, 8, 9, 12, 13, 13])
        #expect(lines.count == 8)
        #expect(lines[5] == 12 && lines[7] == 13)
    }

    @Test("lookups agree with a plain array on a seeded random layout of comments and gaps")
    func agreesWithArray() {
        var random = SeededRandom(seed: 18)
        var plain: [Int] = [], line = 1
        for _ in 0..<20_000 {
            // Mostly consecutive lines; now and then comment lines, a blank block or a repeat.
            let draw = Double.random(in: 0..<1, using: &random)
            line += draw < 0.9 ? 1 : draw < 0.97 ? 2 + Int(Double.random(in: 0..<1, using: &random) * 5) : draw < 0.99 ? 40 : 0
            plain.append(line)
        }
        let runs = LineNumbers(plain)
        #expect(runs.count == plain.count)
        #expect(Array(runs) == plain)
        #expect(runs.runCount < plain.count / 5)
        for row in stride(from: 0, to: plain.count, by: 7) { #expect(runs[row] == plain[row]) }
    }

    @Test("equal rows give equal values; an empty table has no lines")
    func equality() {
        #expect(LineNumbers(2..<10) == [2, 3, 4, 5, 6, 7, 8, 9])
        #expect(LineNumbers(2..<10) != [2, 3, 4, 5, 6, 7, 8, 10])
        let empty: LineNumbers = []
        #expect(empty.isEmpty && empty.runCount == 0)
        #expect(!empty.indices.contains(0))
    }
}
