import Foundation
import Testing
import LDFReport
import LDFStream

/// The stream's end record: gaps on the file's axis, top-level counts from the first channel.
@Suite struct StreamRunRecordTests {
    /// 1 Hz with bridging up to 1 s: samples at 0, 1, then 5, 6 leave a gap from 1 to 5 s.
    static func grid(times: [Double]) -> StreamingGrid {
        var grid = StreamingGrid(rateHz: 1, maxBridgeSeconds: 1)
        for t in times { _ = grid.append(time: t, value: 10) }
        grid.finish()
        return grid
    }

    @Test func endRecordPutsGapsOnTheFilesAxis() throws {
        let first = StreamChannelCountsRecord(channel: "a", grid: Self.grid(times: [0, 1, 5, 6]), timeOriginSeconds: 100)
        let second = StreamChannelCountsRecord(channel: "b", grid: Self.grid(times: [0, 1, 2, 3]), timeOriginSeconds: 100)
        #expect(first.gaps.count == 1 && second.gaps.isEmpty)
        let gap = try #require(first.gaps.first)
        #expect(gap.startS > 100 && gap.endS <= 105 && gap.endS > gap.startS, "\(gap)")
        let end = StreamEndRecord(samples: 4, lines: 5, malformedLines: 0, windows: 0, stoppedBy: "end_of_input", channels: [first, second])
        #expect(end.gaps == first.gaps && end.maskedSamples == first.maskedSamples && end.channels.map(\.channel) == ["a", "b"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(try ReportJSON.line(end).utf8)) as? [String: Any])
        #expect(json["type"] as? String == "end" && json["stopped_by"] as? String == "end_of_input" && json["malformed_lines"] as? Int == 0)
    }
}
