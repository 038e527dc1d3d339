import Foundation
import Testing
import LDFCore

/// What the assembler refuses, masks and warns about in content (issue 10 items 2 and 7; issue 12
/// items 4, 6 and 7): absurd rates and spans, oversized grids with several channels, values far
/// outside a channel's range, declared rates that disagree with the time stamps, time-axis
/// columns chosen as perfusion, mostly negative perfusion, event maps.
@Suite struct AssemblerChecksTests {
    static func table(times: [Double]?, columns: [SampleTable.Column], rate: Double? = nil) -> SampleTable {
        let rows = columns[0].values.count
        return SampleTable(source: "t.csv", reader: "test", times: times, columns: columns, lineNumbers: LineNumbers(2..<(2 + rows)),
                           declaredRateHz: rate)
    }

    static func flux(_ n: Int, base: Double = 60) -> [Double] { (0..<n).map { base + 10 * sin(Double($0) * 0.37) } }

    @Test func timeStepsOf1e20SecondsAreRefusedNamingTheLine() {
        let times = (0..<100).map { Double($0) * 1e-20 }
        let t = Self.table(times: times, columns: [.init(name: "flux", unit: "PU", values: Self.flux(100))])
        #expect {
            try RecordingAssembler.assemble(t)
        } throws: { error in
            guard let e = error as? LDFError else { return false }
            return e.context == "t.csv line 3" && e.message.contains("1e+20 Hz") && e.message.contains("above")
        }
    }

    @Test func aTimeSpanOf1e308IsRefused() {
        let t = Self.table(times: [0, 1e308], columns: [.init(name: "flux", unit: "PU", values: [1, 2])])
        #expect {
            try RecordingAssembler.assemble(t)
        } throws: { error in
            guard let e = error as? LDFError else { return false }
            return e.context == "t.csv line 3" && e.message.contains("below")
        }
    }

    @Test func anImpliedRateOf3e13IsRefused() {
        let times = (0..<400).map { Double($0) * 3.125e-14 }
        let t = Self.table(times: times, columns: [.init(name: "flux", unit: "PU", values: Self.flux(400))])
        #expect(throws: LDFError.self) { try RecordingAssembler.assemble(t) }
    }

    @Test(arguments: [1e9, 1e-5, 1e300]) func absurdRateOptionsAreRefused(_ rate: Double) {
        #expect(throws: LDFError.self) { try AssemblyOptions(rateHz: rate).validate() }
    }

    @Test func aHugeBridgeDoesNotOverflow() throws {
        let t = Self.table(times: (0..<10).map(Double.init), columns: [.init(name: "flux", unit: "PU", values: Self.flux(10))])
        let r = try RecordingAssembler.assemble(t, options: AssemblyOptions(maxBridgeSeconds: 1e300))
        #expect(r.sampleCount == 10)
    }

    /// One mistyped last stamp: with four channels the grid would be four times larger; the
    /// guard counts channels and names the line.
    @Test func theGridGuardCountsChannels() {
        let rows = 100_000
        var times = (0..<rows).map { Double($0) / 40 }
        times[rows - 1] = 500_000
        func columns(_ n: Int) -> [SampleTable.Column] {
            (0..<n).map { SampleTable.Column(name: "PU \($0 + 1)", unit: "PU", values: [Double](repeating: 1, count: rows)) }
        }
        // 2e7 grid samples: one channel is within 64 x 1e5 + 16 Mi values, four channels (8e7 values)
        // exceed 4 x 64 x 1e5 + 16 Mi.
        #expect(throws: Never.self) { try GridSizeGuard.check(Self.table(times: times, columns: columns(1)), options: AssemblyOptions()) }
        #expect {
            try GridSizeGuard.check(Self.table(times: times, columns: columns(4)), options: AssemblyOptions())
        } throws: { error in
            guard let e = error as? LDFError else { return false }
            return e.context == "t.csv line \(rows + 1)" && e.message.contains("4 channel(s)") && e.fix != nil
        }
    }

    /// One cell of 1e200 would empty every band; it is masked and counted, and the neighbours
    /// bridge it.
    @Test func aValueFarOutOfRangeIsMaskedAndCounted() throws {
        var values = Self.flux(200)
        values[50] = 1e200
        let t = Self.table(times: (0..<200).map { Double($0) / 10 }, columns: [.init(name: "flux", unit: "PU", values: values)])
        let r = try RecordingAssembler.assemble(t)
        #expect(r.provenance.outOfRangeSamples == 1)
        #expect(r.provenance.maskedSamples == 1)
        #expect(r.perfusion.values[50].isFinite && abs(r.perfusion.values[50] - 60) < 20)
        #expect(r.readingDiagnostics.contains { $0.code == "out_of_range" && $0.message.contains("line 52") })
        // Genuine spikes (a hyperaemic peak 50x the baseline) stay.
        var spiky = Self.flux(200)
        spiky[100] = 3000
        let kept = try RecordingAssembler.assemble(Self.table(times: (0..<200).map { Double($0) / 10 },
                                                               columns: [.init(name: "flux", unit: "PU", values: spiky)]))
        #expect(kept.provenance.outOfRangeSamples == 0 && kept.perfusion.values[100] == 3000)
    }

    @Test func aDeclaredRateThatDisagreesIsAWarningNamingBoth() throws {
        let t = Self.table(times: (0..<100).map { Double($0) / 40 }, columns: [.init(name: "flux", unit: "PU", values: Self.flux(100))], rate: 32)
        let r = try RecordingAssembler.assemble(t)
        #expect(r.sampleRateHz == 40)
        let warning = try #require(r.provenance.diagnostics.first { $0.code == "rate_disagreement" })
        #expect(warning.message.contains("32 Hz") && warning.message.contains("40 Hz"))
        // Within 1 %: the declared rate is used, no warning.
        let close = Self.table(times: (0..<100).map { Double($0) / 40.2 }, columns: [.init(name: "flux", unit: "PU", values: Self.flux(100))], rate: 40)
        let c = try RecordingAssembler.assemble(close)
        #expect(c.sampleRateHz == 40 && c.provenance.diagnostics.isEmpty)
    }

    /// A column that steps like a time axis is never the default perfusion channel; named, it is.
    @Test func aTimeAxisColumnIsNotChosenAsPerfusion() throws {
        let axis = SampleTable.Column(name: "File:", unit: "", values: (0..<50).map { Double($0) / 32 }, looksLikeTime: true)
        let only = Self.table(times: nil, columns: [axis])
        #expect {
            try RecordingAssembler.assemble(only, options: AssemblyOptions(rateHz: 32))
        } throws: { error in
            (error as? LDFError)?.message.contains("time axis") == true && (error as? LDFError)?.fix?.contains("channel") == true
        }
        let named = try RecordingAssembler.assemble(only, options: AssemblyOptions(rateHz: 32, channel: .name("File:")))
        #expect(named.perfusion.name == "File:")
        #expect(named.provenance.notes.contains { $0.contains("channel names it") })
        let withFlux = Self.table(times: nil, columns: [axis, .init(name: "x", unit: "", values: Self.flux(50))])
        #expect(try RecordingAssembler.assemble(withFlux, options: AssemblyOptions(rateHz: 32)).perfusion.name == "x")
    }

    @Test func mostlyNegativePerfusionIsAWarning() throws {
        let t = Self.table(times: (0..<100).map { Double($0) / 10 }, columns: [.init(name: "Flux", unit: "pu", values: Self.flux(100, base: -10).map { $0 / 10 })])
        let r = try RecordingAssembler.assemble(t)
        #expect(r.readingDiagnostics.contains { $0.code == "negative_perfusion" && $0.message.contains("Flux") })
        let positive = try RecordingAssembler.assemble(Self.table(times: (0..<100).map { Double($0) / 10 },
                                                                  columns: [.init(name: "Flux", unit: "pu", values: Self.flux(100))]))
        #expect(positive.readingDiagnostics.isEmpty)
    }

    @Test func everyPerfusionChannelKeepsItsKindAndItsOwnQuality() throws {
        var second = Self.flux(100, base: 40)
        second[10] = -2500
        let t = Self.table(times: (0..<100).map { Double($0) / 10 },
                           columns: [.init(name: "PU 1", unit: "", values: Self.flux(100)), .init(name: "Temp", unit: "°C", values: [Double](repeating: 31, count: 100)),
                                     .init(name: "PU 2", unit: "", values: second)])
        let r = try RecordingAssembler.assemble(t)
        #expect(r.channels.map(\.kind) == [.perfusion, .temperature, .perfusion])
        #expect(r.channels.map(\.unit) == ["PU", "°C", "PU"])
        #expect(r.provenance.maskedSamples == 0)
        let probe2 = r.analysing(channelAt: 2)
        #expect(probe2.provenance.maskedSamples == 1 && probe2.provenance.sentinelCounts == [-2500: 1])
    }

    @Test func eventMapsApplyAndUnusedLabelsWarn() throws {
        var t = Self.table(times: (0..<100).map { Double($0) / 10 }, columns: [.init(name: "flux", unit: "PU", values: Self.flux(100))])
        t.events = [Event(timeSeconds: 2, label: "K1"), Event(timeSeconds: 5, label: "K2")]
        let map = try EventMap(parsing: "K1=occlusion_start,K2=release,K9=comment")
        let r = try RecordingAssembler.assemble(t, options: AssemblyOptions(eventMap: map))
        #expect(r.events.map(\.kind) == [.occlusionStart, .occlusionRelease])
        #expect(r.provenance.diagnostics.contains { $0.code == "event_map_unused" && $0.message.contains("K9") })
    }

    /// Interval events keep both ends on the recording's axis (seconds from the first sample).
    @Test func intervalEventsAreShiftedToTheFirstSample() throws {
        var t = Self.table(times: (0..<100).map { -5 + Double($0) / 10 }, columns: [.init(name: "flux", unit: "PU", values: Self.flux(100))])
        t.events = [Event(timeSeconds: 0, endSeconds: 3, label: "occlusion")]
        let r = try RecordingAssembler.assemble(t)
        #expect(r.timeOriginSeconds == -5)
        #expect(r.events == [Event(timeSeconds: 5, endSeconds: 8, label: "occlusion")])
        #expect(r.fileTime(r.events[0].endSeconds!) == 3)
    }
}
