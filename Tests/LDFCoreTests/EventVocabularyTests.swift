import Foundation
import Testing
import LDFCore

/// Occlusion start and release in the spellings labs write (issue 10, item 4), and the user's
/// own map for anything else.
@Suite struct EventVocabularyTests {
    static let starts = [
        "occlusion_start", "occlusion-start", "Occlusion start", "OcclusionStart", "OCCLUSION_START", "start occlusion",
        "Start Occlusion", "cuff on", "Cuff On", "CUFF_ON", "cuffOn", "inflate", "Inflation", "cuff inflated", "ischemia",
        "Ischaemia", "Ischämie", "Okklusion", "Okklusion Start", "occlusion", "occlusion on", "occlude", "begin occlusion",
    ]
    static let releases = [
        "occlusion_end", "occlusion-end", "occlusion end", "OcclusionEnd", "Occlusion End", "end occlusion", "end of occlusion",
        "occlusion_release", "release", "Released", "cuff off", "Cuff Off", "CUFF_OFF", "cuffOff", "deflate", "Deflation",
        "cuff deflated", "reperfusion", "Reperfusion", "stop occlusion", "occlusion stop", "occlusion off", "end of ischemia",
        "Okklusion Ende", "Okklusion aus", "post-occlusion",
    ]
    static let comments = ["baseline", "pre-occlusion", "subject moved", "probe adjusted", "cuff", "recovery", "1", "Kommentar"]

    @Test(arguments: starts) func startSpellings(_ label: String) {
        #expect(EventKind.classify(label) == .occlusionStart, "\(label)")
    }

    @Test(arguments: releases) func releaseSpellings(_ label: String) {
        #expect(EventKind.classify(label) == .occlusionRelease, "\(label)")
    }

    @Test(arguments: comments) func otherLabelsAreComments(_ label: String) {
        #expect(EventKind.classify(label) == .comment, "\(label)")
    }

    /// The old rule matched `occlusion` first and read `occlusion_end` as a start.
    @Test func occlusionEndIsARelease() {
        #expect(EventKind.classify("occlusion_end") == .occlusionRelease)
        #expect(Event(timeSeconds: 1, label: "occlusion_end").kind == .occlusionRelease)
    }

    @Test func wordsSplitCaseUnderscoresAndDigits() {
        #expect(EventVocabulary.words("OcclusionEnd") == ["occlusion", "end"])
        #expect(EventVocabulary.words("occlusion_end-2") == ["occlusion", "end", "2"])
        #expect(EventVocabulary.words("PU1") == ["pu", "1"])
        #expect(EventVocabulary.words("Ischämie") == ["ischamie"])
    }

    @Test func eventMapParsesMapsAndReportsUnusedLabels() throws {
        let map = try EventMap(parsing: "K1 = occlusion_start, K2=release, a=b=comment, never=marker")
        #expect(map.entries.count == 4)
        #expect(map.kind(for: " k1 ") == .occlusionStart)
        #expect(map.kind(for: "a=b") == .comment)
        let events = [Event(timeSeconds: 1, label: "K1"), Event(timeSeconds: 2, label: "k2"), Event(timeSeconds: 3, label: "other")]
        let mapped = map.apply(to: events)
        #expect(mapped.events.map(\.kind) == [.occlusionStart, .occlusionRelease, .comment])
        #expect(mapped.unusedLabels == ["a=b", "never"])
    }

    @Test(arguments: ["", "K1", "=release", "K1=sideways", " , "]) func badEventMapsAreRefused(_ text: String) {
        #expect(throws: LDFError.self) { try EventMap(parsing: text) }
    }

    @Test func kindNames() {
        #expect(EventKind(named: "occlusion_end") == .occlusionRelease)
        #expect(EventKind(named: "Occlusion-Start") == .occlusionStart)
        #expect(EventKind(named: "release") == .occlusionRelease)
        #expect(EventKind(named: "marker") == .marker)
        #expect(EventKind(named: "later") == nil)
    }
}

/// Several channels, units from names, clock starts.
@Suite struct ChannelSelectionTests {
    static func recording() -> Recording {
        Recording(channels: [Channel(name: "PU 1", unit: "PU", values: [1, 2, 3, 4]),
                             Channel(name: "Temp", unit: "°C", values: [30, 30, 30, 30]),
                             Channel(name: "PU 2", unit: "PU", values: [5, 6, 7, 8])],
                  sampleRateHz: 2, provenance: Provenance(source: "x", reader: "test"))
    }

    @Test func selectorsParse() {
        #expect(ChannelSelector("all") == .all)
        #expect(ChannelSelector(" ALL ") == .all)
        #expect(ChannelSelector("1,3") == .list([.index(1), .index(3)]))
        #expect(ChannelSelector("PU 1, PU 2") == .list([.name("PU 1"), .name("PU 2")]))
        #expect(ChannelSelector("2") == .index(2))
        #expect(ChannelSelector("Flux") == .name("Flux"))
    }

    @Test func allListsEveryPerfusionChannelAndAListKeepsItsOrder() throws {
        let r = Self.recording()
        #expect(try r.analysedChannelIndices(nil) == [0])
        #expect(try r.analysedChannelIndices(.all) == [0, 2])
        #expect(try r.analysedChannelIndices(ChannelSelector("3,1")) == [2, 0])
        #expect(try r.analysedChannelIndices(ChannelSelector("PU 2")) == [2])
        #expect(throws: LDFError.self) { try r.analysedChannelIndices(ChannelSelector("1,9")) }
        let second = r.analysing(channelAt: 2)
        #expect(second.perfusion.name == "PU 2")
        #expect(second.perfusionChannelIndex == 2)
    }

    /// A file with one perfusion channel: `all` gives that channel alone.
    @Test func allOnOneChannelGivesOne() throws {
        let r = Recording(channels: [Channel(name: "Flux", unit: "PU", values: [1, 2]), Channel(name: "Temp", unit: "°C", values: [1, 1])],
                          sampleRateHz: 1, provenance: Provenance(source: "x", reader: "test"))
        #expect(try r.analysedChannelIndices(.all) == [0])
    }

    @Test func analysingAChannelAdoptsItsQualityCounts() {
        var r = Self.recording()
        var second = ChannelQuality()
        second.maskedSamples = 3
        second.gaps = [Gap(startSeconds: 1, endSeconds: 2)]
        r.provenance.channelQuality = [ChannelQuality(), ChannelQuality(), second]
        let analysed = r.analysing(channelAt: 2)
        #expect(analysed.provenance.maskedSamples == 3)
        #expect(analysed.provenance.gaps == [Gap(startSeconds: 1, endSeconds: 2)])
    }

    @Test func unitsAndKindsFromNames() {
        #expect(ChannelKind.unit(fromName: "PU 1") == "PU")
        #expect(ChannelKind.unit(fromName: "perfusion_pu") == "PU")
        #expect(ChannelKind.unit(fromName: "[BPU]") == "BPU")
        #expect(ChannelKind.unit(fromName: "Flux AU") == "AU")
        #expect(ChannelKind.unit(fromName: "Perfusion Unit") == "PU")
        #expect(ChannelKind.unit(fromName: "Flux") == nil)
        #expect(ChannelKind.guess(name: "PU 2", unit: "") == .perfusion)
        #expect(ChannelKind.guess(name: "perfusion_pu", unit: "") == .perfusion)
        #expect(ChannelKind.guess(name: "Flux", unit: "PU") == .perfusion)
        #expect(ChannelKind.guess(name: "Skin", unit: "deg C") == .temperature)
    }

    @Test func clockStartTextIsLocalTimeAsWritten() throws {
        // 2021-12-28 is 18,989 days after 1970-01-01.
        let start = ClockStart(day: 18_989, secondsOfDay: 10 * 3600 + 38 * 60 + 9.047598)
        #expect(start.text == "2021-12-28T10:38:09.047598")
        #expect(ClockStart(day: nil, secondsOfDay: 86_398).text == "23:59:58")
        #expect(ClockStart(day: 18_989, secondsOfDay: 86_399.5).adding(1).text == "2021-12-29T00:00:00.5")
        let date = try #require(start.date)
        #expect(ClockStart(date: date).text == start.text)
    }
}
