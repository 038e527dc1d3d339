import Foundation
import Testing
import LDFCore
import LDFIO
import LDFReport

/// The recording file of `ldf simulate`: fixed-point values by `ReportNumber`, header and marker
/// cells through the one CSV writer, read back by the delimited reader.
@Suite struct RecordingCSVWriterTests {
    func fixed(_ x: Double, _ decimals: Int) -> String {
        var out: [UInt8] = []
        ReportNumber.appendFixed(x, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func fixedPointIsRoundedToTheDecimals() {
        #expect(fixed(12.34, 4) == "12.3400")
        #expect(fixed(-1.5, 4) == "-1.5000")
        #expect(fixed(0.00004, 4) == "0.0000")
        #expect(fixed(-0.00004, 4) == "0.0000")
        #expect(fixed(0.99996, 4) == "1.0000")
        #expect(fixed(2.5, 0) == "3")
        #expect(fixed(1234567, 2) == "1234567.00")
        #expect(fixed(.nan, 4) == "NaN")
        #expect(fixed(-.infinity, 4) == "NaN")
        #expect(fixed(2e15, 4) == "NaN")
    }

    @Test func headerAndMarkersAreQuotedAndReadBack() throws {
        let times = (0..<40).map { Double($0) / 4 }
        let table = SampleTable(source: "test", reader: "test", times: times,
                                columns: [SampleTable.Column(name: "flux, probe \"A\"", unit: "PU", values: times.map { 10 + $0 })],
                                events: [Event(timeSeconds: 2, label: "cuff on, 200 mmHg"), Event(timeSeconds: 5, label: "note \"x\"")])
        let text = String(decoding: RecordingCSVWriter().bytes(for: table), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "time [s],\"flux, probe \"\"A\"\" [PU]\",marker")
        #expect(lines[1] == "0.0,10.0000,")
        #expect(lines[9] == "2.0,12.0000,\"cuff on, 200 mmHg\"")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recording-csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try RecordingCSVWriter().write(table, to: url)
        let read = try RecordingReader.read(path: url.path)
        #expect(read.events.map(\.label) == ["cuff on, 200 mmHg", "note \"x\""])
        #expect(read.events.map(\.timeSeconds) == [2, 5])
        #expect(read.channels.count == 1)
        #expect(read.channels[0].values.count == 40)
        #expect(abs(read.channels[0].values[39] - 19.75) < 1e-12)
    }
}
