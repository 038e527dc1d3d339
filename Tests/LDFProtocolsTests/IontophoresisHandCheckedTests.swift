import Testing
import LDFCore
import LDFPORH
@testable import LDFProtocols

/// Step responses checked by hand (docs/METHODS.md §21.3): at 1 Hz, rest 10 PU, pulses at
/// 100-120 s and 180-200 s (2 mC each); the flux steps to 20 PU at 110 s, to 30 PU at 190 s and
/// back to 10 PU at 270 s; 300 s long. No smoothing (0.5 s at 1 Hz is a half-width of 0 samples).
@Suite struct IontophoresisHandCheckedTests {
    static func stepRecording(events: [Event] = []) -> Recording {
        let flux = (0..<300).map { i -> Double in i < 110 ? 10 : i < 190 ? 20 : i < 270 ? 30 : 10 }
        return Recording(channels: [Channel(name: "ACh", unit: "PU", kind: .perfusion, values: flux)], sampleRateHz: 1, events: events,
                         provenance: Provenance(source: "steps", reader: "test"))
    }

    static var options: IontophoresisOptions {
        var o = IontophoresisOptions()
        o.smoothingSeconds = 0.5
        return o
    }

    @Test func stepResponseLevelsAreExact() throws {
        var options = Self.options
        options.pulses = try DoseSchedule(parsing: "100+20:2, 180+20:2")
        let result = try IontophoresisAnalysis.analyze(channel: Self.stepRecording(), options: options)
        #expect(result.drug == .ach && result.drugSource == .channel)
        #expect(result.rest.value == 10 && result.restSD.value == 0)
        #expect(result.restWindow == TimeWindow(startSeconds: 0, endSeconds: 100))
        #expect(result.diagnostics.map(\.code) == ["short_rest"])
        let (a, b) = (result.doses[0], result.doses[1])
        #expect(a.interval == TimeWindow(startSeconds: 100, endSeconds: 180))
        #expect(b.interval == TimeWindow(startSeconds: 180, endSeconds: 260), "the last interval copies the 60 s gap")
        #expect(a.plateauWindow == TimeWindow(startSeconds: 150, endSeconds: 180))
        #expect(a.plateau.value == 20 && b.plateau.value == 30)
        #expect(a.change.value == 10 && b.change.value == 20)
        #expect(a.percentChange.value == 100 && b.percentChange.value == 200)
        #expect(a.maximum.value == 20 && a.maximumTime.value == 10)
        #expect(b.maximum.value == 30 && b.maximumTime.value == 10)
        #expect(a.cumulativeCharge.value == 2 && b.cumulativeCharge.value == 4)
        #expect(a.reference.value == 10 && b.reference.value == 20, "each dose rises from the previous plateau")
    }

    @Test func stepResponseTimesAndAreasAreExact() throws {
        var options = Self.options
        options.pulses = try DoseSchedule(parsing: "100+20:2,180+20:2")
        let result = try IontophoresisAnalysis.analyze(channel: Self.stepRecording(), options: options)
        let (a, b) = (result.doses[0], result.doses[1])
        // The first sample above the reference is the step's (110 s, 190 s).
        #expect(a.responseTime.value == 10 && b.responseTime.value == 10)
        // Halfway (15, 25 PU) lies between the samples at 109 and 110 s: interpolated to 109.5 s.
        #expect(a.halfRiseTime.value == 9.5 && b.halfRiseTime.value == 9.5)
        // Dose 1 never falls back before the next pulse; dose 2 is back at rest from 270 s.
        #expect(a.recoveryTime.value == nil && a.recoveryTime.reason?.contains("below") == true)
        #expect(b.recoveryTime.value == 90)
        // Areas above rest: 10 samples of +10 during pulse 1, 70 in its interval; pulse 2:
        // 10 × 10 + 10 × 20, interval 10 × 10 + 70 × 20.
        #expect(a.deliveryArea.value == 100 && a.intervalArea.value == 700)
        #expect(b.deliveryArea.value == 300 && b.intervalArea.value == 1500)
    }

    @Test func eventMarksGiveTheSameSchedule() throws {
        let events = [Event(timeSeconds: 100, label: "ACh pulse 1 on"), Event(timeSeconds: 120, label: "ACh pulse 1 off"),
                      Event(timeSeconds: 180, label: "Pulse 2 start"), Event(timeSeconds: 200, label: "Pulse 2 stop"),
                      Event(timeSeconds: 20, label: "probe placed")]
        var options = Self.options
        options.currentMilliamps = 0.1
        let result = try IontophoresisAnalysis.analyze(channel: Self.stepRecording(events: events), options: options)
        #expect(result.schedule.source == "events")
        #expect(result.schedule.doses.map(\.startSeconds) == [100, 180] && result.schedule.doses.map(\.stopSeconds) == [120, 200])
        #expect(result.schedule.doses.map(\.chargeMillicoulombs) == [2, 2], "0.1 mA for 20 s is 2 mC")
        #expect(result.doses[1].plateau.value == 30)
    }

    @Test func pulsesParseWithNegativeStartsAndOptionalCharges() throws {
        let s = try DoseSchedule(parsing: "-60+20, 20+30:3.5")
        #expect(s.doses == [Dose(startSeconds: -60, stopSeconds: -40), Dose(startSeconds: 20, stopSeconds: 50, chargeMillicoulombs: 3.5)])
        #expect(s.charged(currentMilliamps: 0.2).doses.map(\.chargeMillicoulombs) == [4, 3.5])
        for bad in ["60:2", "60+0", "a+20", "60+20:x", "60+20:1:2", ""] {
            #expect(throws: LDFError.self, "\(bad)") { try DoseSchedule(parsing: bad) }
        }
    }

    @Test func drugsAreReadFromNamesAndAssignments() throws {
        #expect(IontophoresisDrug(named: "Acetylcholine") == .ach && IontophoresisDrug(named: "SNP") == .snp && IontophoresisDrug(named: "saline") == .vehicle)
        #expect(IontophoresisDrug(named: "insulin") == nil)
        #expect(IontophoresisDrug.mentioned(in: "Flux (SNP probe)") == .snp && IontophoresisDrug.mentioned(in: "Flux 1") == nil)
        let map = try DrugAssignment(parsing: "Flux 1=ach, 2=vehicle")
        #expect(map.drug(channel: "flux 1", position: 1) == .ach && map.drug(channel: "Flux 2", position: 2) == .vehicle)
        #expect(map.unmatched(in: ["Flux 1", "Flux 2"]).isEmpty && map.unmatched(in: ["PU"]) == ["Flux 1", "2"])
        #expect(try DrugAssignment(parsing: "snp").drug(channel: "anything", position: 3) == .snp)
    }

    /// The table puts the vehicle's change beside the drug's and subtracts it.
    @Test func doseResponseTableSubtractsTheVehicle() throws {
        var options = Self.options
        options.pulses = try DoseSchedule(parsing: "100+20:2,180+20:2")
        let drug = Self.stepRecording()
        var vehicle = drug
        vehicle.channels[0].name = "Vehicle"
        vehicle.channels[0].values = vehicle.channels[0].values.map { 10 + ($0 - 10) / 10 }
        let file = try IontophoresisAnalysis.analyze([vehicle, drug], options: options)
        #expect(file.table.entries.map(\.drug) == [.ach, .ach, .vehicle, .vehicle], "drugs before the vehicle")
        let second = file.table.entries[1]
        #expect(second.change.value == 20 && second.vehicleChange.value == 2 && second.netChange.value == 18)
        #expect(second.vehicleChannel == "Vehicle" && second.cumulativeCharge == 4)
        #expect(file.table.entries[2].vehicleChange.reason == "this is the vehicle")
    }
}
