import Testing
import LDFCore

@Test func channelKindsAreGuessedFromNamesAndUnits() {
    #expect(ChannelKind.guess(name: "Flux", unit: "") == .perfusion)
    #expect(ChannelKind.guess(name: "Channel 1", unit: "pu") == .perfusion)
    #expect(ChannelKind.guess(name: "Channel 1", unit: "BPU") == .perfusion)
    #expect(ChannelKind.guess(name: "Skin temp", unit: "°C") == .temperature)
    #expect(ChannelKind.guess(name: "Cuff", unit: "mmHg") == .pressure)
    #expect(ChannelKind.guess(name: "CMBC", unit: "") == .concentration)
    #expect(ChannelKind.guess(name: "Speed", unit: "") == .speed)
    #expect(ChannelKind.guess(name: "x", unit: "V") == .other)
}

@Test func eventLabelsAreClassified() {
    #expect(EventKind.classify("Cuff on") == .occlusionStart)
    #expect(EventKind.classify("occlusion start") == .occlusionStart)
    #expect(EventKind.classify("Release") == .occlusionRelease)
    #expect(EventKind.classify("cuff off") == .occlusionRelease)
    #expect(EventKind.classify("occlusion end") == .occlusionRelease)
    #expect(EventKind.classify("subject moved") == .comment)
}

@Test func summaryStatisticsSkipNaN() {
    let s = SummaryStatistics([1, 2, .nan, 3, 4])
    #expect(s.count == 4)
    #expect(s.mean == 2.5)
    #expect(s.median == 2.5)
    #expect(abs(s.standardDeviation - (5.0 / 3).squareRoot()) < 1e-12)
    #expect(s.minimum == 1 && s.maximum == 4)
    #expect(SummaryStatistics([.nan]).mean.isNaN)
}

@Test func recordingTimesConvertBetweenTheFileAxisAndOffsets() {
    let recording = Recording(channels: [Channel(name: "Flux", unit: "PU", values: [1, 2, 3, 4])], sampleRateHz: 2,
                              provenance: Provenance(source: "x", reader: "test"), timeOriginSeconds: -60)
    #expect(recording.fileTime(recording.time(ofSample: 2)) == -59)
    #expect(recording.offset(fromFileTime: -59) == 1)
    let later = recording.slice(2..<4)
    #expect(later.timeOriginSeconds == -59)
    #expect(later.fileTime(0) == -59)
}

@Test func intervalEventsShiftBothEnds() {
    let phase = Event(timeSeconds: 10, endSeconds: 70, label: "baseline")
    let moved = phase.shifted(by: -10)
    #expect(moved.timeSeconds == 0 && moved.endSeconds == 60 && moved.label == "baseline" && moved.kind == .comment)
    #expect(Event(timeSeconds: 5, label: "x").shifted(by: 1).endSeconds == nil)
}
