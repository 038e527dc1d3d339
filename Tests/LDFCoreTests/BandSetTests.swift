import Testing
import LDFCore

@Test func presetsMatchScienceTable() {
    let s = BandPreset.stefanovska.bands
    #expect(s.map(\.name) == ["endothelial_no_independent", "endothelial", "neurogenic", "myogenic", "respiratory", "cardiac"])
    #expect(s.map(\.lowHz) == [0.005, 0.0095, 0.021, 0.052, 0.145, 0.6])
    #expect(s.last?.highHz == 2.0)
    #expect(BandPreset.stefanovska16.bands.last?.highHz == 1.6)
    #expect(BandPreset.linkoping.bandSet.lowestHz == 0.0095)
    #expect(BandPreset.pittsburgh.bandSet.highestHz == 2.0)
    // Adjacent bands share their edges: no hole, no overlap.
    for preset in BandPreset.allCases {
        for (a, b) in zip(preset.bands, preset.bands.dropFirst()) { #expect(a.highHz == b.lowHz) }
    }
}

@Test func bandMembershipIsHalfOpen() {
    let b = Band("myogenic", 0.052, 0.145)
    #expect(b.contains(0.052))
    #expect(!b.contains(0.145))
    #expect(abs(b.secondsForCycles(5) - 5 / 0.052) < 1e-12)
}

@Test func customBandsParseAndValidate() throws {
    let set = try BandSet.parse(custom: "b:0.1-0.2, a:0.01-0.1")
    #expect(set.name == "custom")
    #expect(set.bands.map(\.name) == ["a", "b"])
    #expect(throws: LDFError.self) { try BandSet.parse(custom: "a:0.1-0.3,b:0.2-0.4") }
    #expect(throws: LDFError.self) { try BandSet.parse(custom: "a:0.3-0.1") }
    #expect(throws: LDFError.self) { try BandSet.parse(custom: "a:0.1") }
    #expect(throws: LDFError.self) { try BandSet.parse(custom: "") }
    #expect(throws: LDFError.self) { try BandSet.parse(custom: "a:0.1-0.2,a:0.3-0.4") }
    let unknown = #expect(throws: LDFError.self) { try BandSet.preset(named: "lancaster") }
    #expect(unknown?.fix?.contains("stefanovska") == true)
}

@Test func tooShortBandsAreThoseWithFewerThanFiveCycles() {
    // 5 cycles of 0.005 Hz need 1000 s; of 0.0095 Hz, 526 s.
    let short = BandPreset.stefanovska.bandSet.bandsTooShort(forDuration: 600)
    #expect(short.map(\.name) == ["endothelial_no_independent"])
}

/// A negative edge is refused rather than read without its sign; exponents are not split.
@Test func customBandEdgesKeepSignsAndExponents() throws {
    #expect(throws: LDFError.self) { try BandSet.parse(custom: "a:-1-2") }
    let set = try BandSet.parse(custom: "slow:1e-3-0.5,fast:0.5-2")
    #expect(set.bands.map(\.lowHz) == [1e-3, 0.5])
    #expect(set.bands.map(\.highHz) == [0.5, 2])
    #expect(BandSet.edges("-1-2") == ["-1", "2"])
}
