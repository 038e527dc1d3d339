import Foundation
import Testing
import LDFCore
import LDFReport

/// `ldf info`'s record: hand-checked channel statistics, nulls kept as keys, a units map.
@Suite struct RecordingInfoTests {
    @Test func statisticsNullsAndUnits() throws {
        // 100 s at 2 Hz of 10, 20, 10, 20, ...: mean 15, median 15, min 10, max 20.
        let values = (0..<200).map { $0 % 2 == 0 ? 10.0 : 20.0 }
        let recording = Recording(channels: [Channel(name: "flux", unit: "PU", values: values)], sampleRateHz: 2,
                                  provenance: Provenance(source: "a.csv", reader: "test"))
        let info = RecordingInfo(recording)
        let object = try #require(JSONSerialization.jsonObject(with: Data(try ReportJSON.line(info).utf8)) as? [String: Any])
        #expect(object["nominal_sample_rate_hz"] is NSNull && object["start_time"] is NSNull && object["duration_s"] as? Double == 100)
        let channel = try #require((object["channels"] as? [[String: Any]])?.first)
        #expect(channel["mean"] as? Double == 15 && channel["median"] as? Double == 15 && channel["min"] as? Double == 10
                && channel["max"] as? Double == 20 && channel["unit"] as? String == "PU")
        let units = try #require(object["units"] as? [String: String])
        #expect(units["duration_s"] == "s" && units["mean"] == "channel unit" && units["low_hz"] == "Hz" && units["valid_fraction"] == "1")
        let band = try #require((object["bands"] as? [String: [[String: Any]]])?["stefanovska"]?.first)
        #expect(band["resolvable"] as? Bool == false && band["reason"] is String && band["caution"] is NSNull)
    }
}
