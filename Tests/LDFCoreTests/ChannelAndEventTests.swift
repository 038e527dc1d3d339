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
