import Testing
import LDFCore
@testable import LDFProtocols

/// Bad inputs of an iontophoresis analysis: one `LDFError` naming the place and the fix.
@Suite struct IontophoresisBadInputTests {
    static func analyze(pulses: String? = nil, events: [Event] = [], drugs: String? = nil) throws -> IontophoresisFileResult {
        var options = IontophoresisOptions()
        options.pulses = try pulses.map(DoseSchedule.init(parsing:))
        options.drugs = try drugs.map(DrugAssignment.init(parsing:))
        return try IontophoresisAnalysis.analyze([IontophoresisHandCheckedTests.stepRecording(events: events)], options: options)
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let e as LDFError { return e.description } catch { return "\(error)" }
        return "no error"
    }

    @Test func givenPulsesThatOverlapAreRefused() {
        let text = Self.message { _ = try Self.analyze(pulses: "100+100,150+20") }
        #expect(text.contains("doses overlap") && text.contains("pulses"), "\(text)")
    }

    @Test func markedPulsesThatOverlapAreRefused() {
        let events = [Event(timeSeconds: 100, label: "Pulse 1 on"), Event(timeSeconds: 150, label: "Pulse 2 on"), Event(timeSeconds: 170, label: "Pulse 2 off")]
        let text = Self.message { _ = try Self.analyze(events: events) }
        #expect(text.hasPrefix("steps: pulse 'Pulse 2 on' at 150 s starts before") && text.contains("doses overlap"), "\(text)")
    }

    @Test func aPulseWithoutItsStopIsRefused() {
        let text = Self.message { _ = try Self.analyze(events: [Event(timeSeconds: 100, label: "Iontophoresis start")]) }
        #expect(text.contains("has no stop mark"), "\(text)")
        let stray = Self.message { _ = try Self.analyze(events: [Event(timeSeconds: 100, label: "current off")]) }
        #expect(stray.contains("has no start mark"), "\(stray)")
    }

    @Test func aDosePastTheEndIsRefused() {
        let text = Self.message { _ = try Self.analyze(pulses: "100+20,290+20") }
        #expect(text.contains("pulse 2 (290-310 s) is outside the recording (0 to 300 s"), "\(text)")
    }

    @Test func noMarksAndNoPulsesSaysWhatTheEventsWere() {
        let text = Self.message { _ = try Self.analyze(events: [Event(timeSeconds: 5, label: "probe on skin")]) }
        #expect(text.contains("no iontophoresis pulses: no event marks a pulse (1 events: 'probe on skin')") && text.contains("pulses START+DURATION"), "\(text)")
        #expect(Self.message { _ = try Self.analyze() }.contains("the file has no events"))
    }

    @Test func unknownDrugsAndChannelsAreRefused() {
        let drug = Self.message { _ = try DrugAssignment(parsing: "ACh=insulin") }
        #expect(drug.contains("'insulin' (for channel 'ACh') is not a drug") && drug.contains("ach (acetylcholine)"), "\(drug)")
        #expect(Self.message { _ = try DrugAssignment(parsing: "histamine") }.contains("'histamine' is not a drug"))
        let channel = Self.message { _ = try Self.analyze(pulses: "100+20", drugs: "Flux 9=snp") }
        #expect(channel.contains("names channel(s) 'Flux 9' the file does not have") && channel.contains("'ACh'"), "\(channel)")
    }

    @Test func tooLittleRestBeforeTheFirstPulseIsRefused() {
        let text = Self.message { _ = try Self.analyze(pulses: "5+20") }
        #expect(text.contains("at least 10 s of rest"), "\(text)")
    }

    @Test func badSettingsNameTheParameter() {
        var o = IontophoresisOptions()
        o.plateauWindowSeconds = 0
        #expect(Self.message { try o.validate() }.contains("plateauWindow"))
        o = IontophoresisOptions()
        o.currentMilliamps = -1
        #expect(Self.message { try o.validate() }.contains("current"))
    }
}
