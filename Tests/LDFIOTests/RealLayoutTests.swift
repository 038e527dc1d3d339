import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// The hand-made imitations in `Tests/Fixtures/layouts` (see its README): header blocks,
/// annotation columns, time axes and several probes, read right (issue 10).
@Suite struct RealLayoutTests {
    /// The fixtures' signal: base + 10 sin(2 pi 0.1 t) + 3 sin(2 pi 1.1 t).
    static func flux(_ t: Double, base: Double = 60) -> Double { base + 10 * sin(2 * .pi * 0.1 * t) + 3 * sin(2 * .pi * 1.1 * t) }

    static func read(_ name: String, _ options: ReadOptions = ReadOptions()) throws -> Recording {
        try RecordingReader.read(path: Fixture.layout(name), options: options)
    }

    @Test func periFluxTabHeaderBlockAndTwoProbes() throws {
        let r = try Self.read("periflux_tab.txt")
        #expect(r.sampleRateHz == 32 && r.sampleCount == 32 * 60)
        #expect(r.provenance.nominalSampleRateHz == 32)
        #expect(r.channels.map(\.name) == ["PU 1", "PU 2"])
        #expect(r.channels.map(\.unit) == ["PU", "PU"])
        #expect(r.perfusionChannelIndices == [0, 1])
        #expect(r.perfusionChannelIndex == 0)
        #expect(abs(r.channels[1].values[100] - Self.flux(100.0 / 32, base: 40)) < 1e-3)
        #expect(r.metadata.map(\.key) == ["File", "Date", "Time", "Sample rate", "Subject ID", "Probe 1", "Probe 2"])
        #expect(r.metadata[0].value == "C:\\PSW\\Data\\S01.PSW")
        #expect(r.clockStart?.text == "2023-03-14T10:22:01.5")
        #expect(r.timeOriginSeconds == 0)
        #expect(try r.analysedRecordings(.all).map(\.perfusion.name) == ["PU 1", "PU 2"])
    }

    @Test func europeanSemicolonLatin1UnitsRowAndNumericMarks() throws {
        let r = try Self.read("european_semicolon.txt")
        #expect(r.sampleRateHz == 32 && r.sampleCount == 32 * 40)
        #expect(r.channels.map(\.name) == ["Flux", "Temperatur"])
        #expect(r.channels.map(\.unit) == ["PU", "°C"])
        #expect(abs(r.perfusion.values[7] - Self.flux(7.0 / 32)) < 1e-3)
        #expect(r.metadata.first == MetadataEntry(key: "Patient", value: "Müller"))
        #expect(r.metadata.contains(MetadataEntry(key: "Interval", value: "0,03125 s")))
        // The mark column (0 with 1, 2, 3) becomes point events labelled by the number.
        #expect(r.events.map(\.label) == ["1", "2", "3"])
        #expect(r.events.map(\.kind) == [.marker, .marker, .marker])
        #expect(r.events.map(\.timeSeconds) == [10, 20, 30])
        #expect(r.provenance.notes.contains { $0.contains("Windows-1252") })
    }

    /// Time in milliseconds from -30 s, a state column as interval events, the start from two keys.
    @Test func moorCommaStateColumnAndNegativeTimeAxis() throws {
        let r = try Self.read("moor_comma.csv")
        #expect(r.sampleRateHz == 40 && r.sampleCount == 40 * 120)
        #expect(r.timeOriginSeconds == -30)
        #expect(r.channels.map(\.name) == ["Flux", "Temp"])
        #expect(r.events.map(\.label) == ["baseline", "occlusion", "reperfusion"])
        #expect(r.events.map(\.kind) == [.comment, .occlusionStart, .occlusionRelease])
        #expect(r.events.map { r.fileTime($0.timeSeconds) } == [-30, 0, 45])
        let ends = r.events.map { r.fileTime($0.endSeconds ?? .nan) }
        #expect(ends[0] == 0 && ends[1] == 45 && abs(ends[2] - 90) < 1e-9)
        #expect(r.clockStart?.text == "2023-03-14T10:22:01")
    }

    /// BIOPAC text: `25 msec/sample`, `2 channels` and name/unit line pairs name the CH columns.
    @Test func biopacListingNamesTheChannels() throws {
        let r = try Self.read("biopac_text.txt")
        #expect(r.sampleRateHz == 40 && r.provenance.nominalSampleRateHz == 40)
        #expect(r.channels.map(\.name) == ["Laser Doppler Flux", "Skin Temperature"])
        #expect(r.channels.map(\.unit) == ["BPU", "Deg C"])
        #expect(r.channels.map(\.kind) == [.perfusion, .temperature])
        #expect(r.metadata.first == MetadataEntry(key: "", value: "S01.acq"))
    }

    /// `#` header lines give the rate of a file without a time column, and its start.
    @Test func hashedHeaderRateWithoutATimeColumn() throws {
        let r = try Self.read("hashed_header.csv")
        #expect(r.sampleRateHz == 20 && r.sampleCount == 600)
        #expect(r.perfusion.name == "Perfusion Unit" && r.perfusion.unit == "PU")
        #expect(r.clockStart?.text == "2023-03-14T10:22:01")
        #expect(r.metadata.map(\.key) == ["Device", "Sampling frequency", "Start"])
    }

    @Test func eventSpellingsOnANegativeAxis() throws {
        let r = try Self.read("events_negative_time.csv")
        #expect(r.timeOriginSeconds == -60)
        #expect(r.perfusion.name == "perfusion_pu" && r.perfusion.unit == "PU")
        #expect(r.events.map(\.kind) == [.comment, .occlusionStart, .occlusionRelease])
        #expect(r.events.map { r.fileTime($0.timeSeconds) } == [-30, 0, 120])
        let mapped = try Self.read("events_negative_time.csv",
                                   ReadOptions(assembly: AssemblyOptions(eventMap: try EventMap(parsing: "probe adjusted=marker"))))
        #expect(mapped.events.first?.kind == .marker)
    }

    @Test func crOnlyLineEndsAreRead() throws {
        let r = try Self.read("cr_only.csv")
        #expect(r.sampleCount == 200 && r.sampleRateHz == 10)
        #expect(abs(r.perfusion.values[199] - Self.flux(19.9)) < 1e-3)
    }

    @Test func byteOrderMarkBeforeHeaderlessValues() throws {
        let r = try Self.read("bom_values.txt", ReadOptions(assembly: AssemblyOptions(rateHz: 10)))
        #expect(r.sampleCount == 300)
        #expect(abs(r.perfusion.values[0] - Self.flux(0)) < 1e-3)
    }

    /// A state column that changes every sample: capped at 1000 events, with a warning.
    @Test func flickeringStateColumnIsCappedWithAWarning() throws {
        let r = try Self.read("flicker_state.csv")
        #expect(r.events.count == 1000)
        #expect(r.provenance.diagnostics.contains { $0.code == "annotation_flicker" && $0.message.contains("3000") })
    }

    @Test func twoDisagreeingTimeColumnsAreAnErrorUnlessOneIsNamed() throws {
        #expect {
            try Self.read("two_times.csv")
        } throws: { error in
            guard let e = error as? LDFError else { return false }
            return e.message.contains("'time_s'") && e.message.contains("'time_ms'") && e.fix?.contains("timeColumn") == true
        }
        let chosen = try Self.read("two_times.csv", ReadOptions(timeColumn: .name("time_s")))
        #expect(chosen.sampleRateHz == 10)
        #expect(chosen.channels.map(\.name).contains("flux"))
    }

    @Test func aHeaderBlockWithoutATable() {
        #expect {
            try Self.read("header_only_block.txt")
        } throws: { error in
            (error as? LDFError)?.message.contains("header block") == true
        }
    }

    @Test func aHeaderRateOfZeroNamesTheLine() throws {
        #expect {
            try Self.read("rate_zero.txt")
        } throws: { error in
            guard let e = error as? LDFError else { return false }
            return e.context.hasSuffix("rate_zero.txt line 1") && e.message.contains("0 Hz") && e.fix?.contains("rate") == true
        }
        let given = try Self.read("rate_zero.txt", ReadOptions(assembly: AssemblyOptions(rateHz: 10)))
        #expect(given.provenance.diagnostics.contains { $0.code == "header_rate_unusable" })
    }
}
