import Foundation
import Testing
import LDFCore
import LDFEpochs

/// A 1 Hz recording: perfusion 1, 2, ..., 10 PU and a temperature channel, file axis from `origin`.
private func recording(origin: Double = 0, events: [Event] = [], missing: Range<Int>? = nil) -> Recording {
    var flux = (1...10).map(Double.init)
    if let missing { for i in missing { flux[i] = .nan } }
    return Recording(channels: [Channel(name: "Flux", unit: "PU", kind: .perfusion, values: flux),
                                Channel(name: "Temp", unit: "°C", kind: .temperature, values: [Double](repeating: 33, count: 10))],
                     sampleRateHz: 1, events: events, provenance: Provenance(source: "hand", reader: "test"), timeOriginSeconds: origin)
}

@Suite struct EpochTests {
    @Test func givenIntervalsMatchHandValues() throws {
        let intervals = [EpochInterval(name: "base", startSeconds: 0, endSeconds: 5), EpochInterval(name: "drug", startSeconds: 5, endSeconds: 10)]
        let report = try EpochReport(recording: recording(), source: .intervals(intervals),
                                     options: EpochOptions(meanArterialPressureMmHg: 90, referenceName: "base"))
        #expect(report.rows.count == 4)
        let base = try #require(report.rows.first { $0.interval.name == "base" && $0.channel == "Flux" })
        #expect(base.mean == 3 && base.median == 3 && base.minimum == 1 && base.maximum == 5 && base.sampleCount == 5)
        #expect(abs(try #require(base.standardDeviation) - 2.5.squareRoot()) < 1e-12)   // SD of 1...5 with n - 1
        #expect(base.validShare == 1)
        #expect(abs(try #require(base.cvc) - 3.0 / 90) < 1e-12)
        #expect(base.changeFromReference == 0)
        let drug = try #require(report.rows.first { $0.interval.name == "drug" && $0.channel == "Flux" })
        #expect(drug.mean == 8)
        #expect(drug.changeFromReference == 5)
        #expect(abs(try #require(drug.percentChangeFromReference) - 500.0 / 3) < 1e-9)
        let temp = try #require(report.rows.first { $0.interval.name == "drug" && $0.channel == "Temp" })
        #expect(temp.cvc == nil && temp.reasons["cvc"] == "not a perfusion channel")
        #expect(temp.changeFromReference == 0)
    }

    @Test func intervalsAreOnTheFileAxis() throws {
        let report = try EpochReport(recording: recording(origin: -4),
                                     source: .intervals([EpochInterval(name: "pre", startSeconds: -4, endSeconds: 0)]))
        #expect(report.rows.first?.mean == 2.5)   // samples 1, 2, 3, 4 at t = -4 ... -1
        #expect(report.timeOriginSeconds == -4)
    }

    @Test func marksAndStateRunsMakeIntervals() throws {
        let events = [Event(timeSeconds: 2, label: "drug"), Event(timeSeconds: 6, label: "washout")]
        let report = try EpochReport(recording: recording(events: events), source: .events)
        #expect(report.intervals.map(\.name) == ["before drug", "drug", "washout"])
        #expect(report.intervals.map(\.startSeconds) == [0, 2, 6])
        #expect(report.intervals.map(\.endSeconds) == [2, 6, 10])
        #expect(report.rows.filter { $0.channel == "Flux" }.map(\.mean) == [1.5, 4.5, 8.5])
        let runs = try EpochReport(recording: recording(events: [Event(timeSeconds: 3, endSeconds: 7, label: "heating")]), source: .events)
        #expect(runs.intervals == [EpochInterval(name: "heating", startSeconds: 3, endSeconds: 7)])
        #expect(throws: LDFError.self) { try EpochReport(recording: recording(), source: .events) }
    }

    @Test func everyMakesWindowsAndNotesTheRemainder() throws {
        let report = try EpochReport(recording: recording(), source: .every(4))
        #expect(report.intervals.map(\.name) == ["1", "2"])
        #expect(report.rows.filter { $0.channel == "Flux" }.map(\.mean) == [2.5, 6.5])
        #expect(report.diagnostics.contains { $0.code == "epoch_remainder" })
        #expect(throws: LDFError.self) { try EpochReport(recording: recording(), source: .every(20)) }
    }

    @Test func badIntervalsAreRefusedOrNulled() throws {
        func error(_ source: EpochSource, _ options: EpochOptions = EpochOptions()) -> String {
            do { _ = try EpochReport(recording: recording(), source: source, options: options); return "" } catch { return "\(error)" }
        }
        #expect(error(.intervals([EpochInterval(name: "late", startSeconds: 8, endSeconds: 12)])).contains("outside the recording"))
        #expect(error(.intervals([EpochInterval(name: "a", startSeconds: 0, endSeconds: 6), EpochInterval(name: "b", startSeconds: 5, endSeconds: 9)]))
            .contains("overlap"))
        #expect(error(.intervals([EpochInterval(name: "a", startSeconds: 0, endSeconds: 5)]), EpochOptions(referenceName: "zz"))
            .contains("no interval is named 'zz'"))
        #expect(throws: LDFError.self) { try EpochInterval(parsing: "back:9-3") }
        #expect(throws: LDFError.self) { try EpochInterval(parsing: "0-3") }
        #expect(throws: LDFError.self) { try EpochInterval(parsing: "x:a-3") }
        #expect(try EpochInterval(parsing: "pre:-60-0") == EpochInterval(name: "pre", startSeconds: -60, endSeconds: 0))

        // No valid sample: nulls with the reason, and changes from it explained.
        let intervals = [EpochInterval(name: "gap", startSeconds: 0, endSeconds: 4), EpochInterval(name: "after", startSeconds: 4, endSeconds: 10)]
        let report = try EpochReport(recording: recording(missing: 0..<4), source: .intervals(intervals),
                                     options: EpochOptions(referenceName: "gap"))
        let gap = try #require(report.rows.first { $0.interval.name == "gap" && $0.channel == "Flux" })
        #expect(gap.mean == nil && gap.validShare == 0)
        #expect(gap.reasons["mean"]?.contains("no valid sample") == true)
        let after = try #require(report.rows.first { $0.interval.name == "after" && $0.channel == "Flux" })
        #expect(after.changeFromReference == nil)
        #expect(after.reasons["change"]?.contains("no valid samples") == true)
    }
}

@Test func repeatedMarksGetNumberedNames() throws {
    let events = [Event(timeSeconds: 2, label: "load"), Event(timeSeconds: 4, label: "rest"), Event(timeSeconds: 6, label: "load")]
    let report = try EpochReport(recording: recording(events: events), source: .events, options: EpochOptions(referenceName: "load"))
    #expect(report.intervals.map(\.name) == ["before load", "load", "rest", "load 2"])
}
