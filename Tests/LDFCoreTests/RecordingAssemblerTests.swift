import Testing
import LDFCore

private func table(times: [Double]?, values: [Double], extra: [Double]? = nil, name: String = "flux", unit: String = "PU") -> SampleTable {
    var columns = [SampleTable.Column(name: name, unit: unit, values: values)]
    if let extra { columns.append(SampleTable.Column(name: "temp", unit: "°C", values: extra)) }
    return SampleTable(source: "test.csv", reader: "test", times: times, columns: columns,
                       lineNumbers: LineNumbers(2..<(2 + values.count)))
}

@Test func uniformTimesAreCopiedExactly() throws {
    let r = try RecordingAssembler.assemble(table(times: [10, 10.5, 11, 11.5], values: [1, 2, 3, 4]))
    #expect(r.sampleRateHz == 2)
    #expect(r.perfusion.values == [1, 2, 3, 4])
    #expect(r.provenance.resampled == false)
    #expect(r.provenance.resampledGaps == 0)
    #expect(r.durationSeconds == 2)
}

@Test func singleMissingSampleIsBridgedAndCounted() throws {
    // Row at t = 2 missing: linear interpolation between 10 (t = 1) and 30 (t = 3) gives 20.
    let r = try RecordingAssembler.assemble(table(times: [0, 1, 3, 4, 5, 6], values: [0, 10, 30, 40, 50, 60]),
                                            options: AssemblyOptions(rateHz: 1))
    #expect(r.perfusion.values == [0, 10, 20, 30, 40, 50, 60])
    #expect(r.provenance.resampledGaps == 1)
    #expect(r.provenance.gaps.isEmpty)
}

@Test func longTimeGapIsReportedNotBridged() throws {
    // 1 Hz, 5 s of missing rows with --max-bridge 2: stays NaN, reported as a gap from t = 2 to 7.
    let times: [Double] = [0, 1, 7, 8, 9, 10]
    let r = try RecordingAssembler.assemble(table(times: times, values: [1, 1, 1, 1, 1, 1]),
                                            options: AssemblyOptions(rateHz: 1, maxBridgeSeconds: 2))
    #expect(r.sampleCount == 11)
    #expect(r.perfusion.values[2...6].allSatisfy { $0.isNaN })
    #expect(r.provenance.gaps == [Gap(startSeconds: 2, endSeconds: 7)])
    #expect(r.provenance.resampledGaps == 0)
}

@Test func jitteredTimesAreInterpolatedOntoTheGrid() throws {
    // A ramp v = 10 t sampled at jittered times must land on v = 10 t on the uniform grid.
    let times = (0..<50).map { Double($0) * 0.1 + ($0 % 2 == 0 ? 0.02 : -0.02) }
    let values = times.map { 10 * $0 }
    let r = try RecordingAssembler.assemble(table(times: times, values: values), options: AssemblyOptions(rateHz: 10))
    #expect(r.provenance.resampled)
    for k in 1..<(r.sampleCount - 1) {
        #expect(abs(r.perfusion.values[k] - (times[0] + Double(k) * 0.1) * 10) < 1e-9)
    }
}

@Test func measuredRateIsTheMedianInterval() throws {
    let times = (0..<100).map { Double($0) / 40 }
    let r = try RecordingAssembler.assemble(table(times: times, values: times))
    #expect(abs(r.sampleRateHz - 40) < 1e-9)
    #expect(abs((r.provenance.measuredSampleRateHz ?? 0) - 40) < 1e-9)
}

@Test func sentinelsAndNaNAreMaskedAndShortRunsBridged() throws {
    let values: [Double] = [100, 102, -2500, 106, .nan, 110, 5000, 5000, 116]
    let r = try RecordingAssembler.assemble(table(times: nil, values: values), options: AssemblyOptions(rateHz: 1, maxBridgeSeconds: 2))
    #expect(r.provenance.maskedSamples == 4)
    #expect(r.provenance.interpolatedSamples == 4)
    #expect(r.provenance.sentinelCounts == [-2500: 1, 5000: 2])
    #expect(r.perfusion.values == [100, 102, 104, 106, 108, 110, 112, 114, 116])
}

@Test func sentinelsAreOnlyMaskedInThePerfusionChannel() throws {
    let r = try RecordingAssembler.assemble(table(times: nil, values: [1, 2, 3], extra: [5000, 5000, 5000]),
                                            options: AssemblyOptions(rateHz: 1))
    #expect(r.channels[1].values == [5000, 5000, 5000])
}

@Test func leadingAndLongNaNRunsBecomeGaps() throws {
    let values: [Double] = [.nan, .nan, 1, 2, 3, .nan, .nan, .nan, .nan, 4]
    let r = try RecordingAssembler.assemble(table(times: nil, values: values), options: AssemblyOptions(rateHz: 2, maxBridgeSeconds: 1))
    #expect(r.provenance.gaps == [Gap(startSeconds: 0, endSeconds: 1), Gap(startSeconds: 2.5, endSeconds: 4.5)])
    #expect(r.provenance.interpolatedSamples == 0)
}

@Test func errorsNameTheLineAndTheFix() throws {
    let dup = #expect(throws: LDFError.self) {
        try RecordingAssembler.assemble(table(times: [0, 1, 1, 2], values: [1, 2, 3, 4]))
    }
    #expect(dup?.context == "test.csv line 4")
    #expect(dup?.message.contains("repeats") == true)
    let back = #expect(throws: LDFError.self) {
        try RecordingAssembler.assemble(table(times: [0, 2, 1], values: [1, 2, 3]))
    }
    #expect(back?.message.contains("backwards") == true)
    let single = #expect(throws: LDFError.self) { try RecordingAssembler.assemble(table(times: [0], values: [1])) }
    #expect(single?.message.contains("single sample") == true)
    let noRate = #expect(throws: LDFError.self) { try RecordingAssembler.assemble(table(times: nil, values: [1, 2])) }
    #expect(noRate?.fix?.contains("rate") == true)
    let badRate = #expect(throws: LDFError.self) {
        try RecordingAssembler.assemble(table(times: nil, values: [1, 2]), options: AssemblyOptions(rateHz: 0))
    }
    #expect(badRate?.context == "rate")
    let allMasked = #expect(throws: LDFError.self) {
        try RecordingAssembler.assemble(table(times: nil, values: [.nan, -2500]), options: AssemblyOptions(rateHz: 1))
    }
    #expect(allMasked?.message.contains("no valid samples") == true)
}

@Test func channelChoiceByNameIndexAndGuess() throws {
    let t = SampleTable(source: "x", reader: "test", times: nil, columns: [
        .init(name: "Temp", unit: "°C", values: [30, 31]),
        .init(name: "LDF", unit: "", values: [100, 101]),
    ])
    #expect(try RecordingAssembler.assemble(t, options: AssemblyOptions(rateHz: 1)).perfusionChannelIndex == 1)
    #expect(try RecordingAssembler.assemble(t, options: AssemblyOptions(rateHz: 1, channel: .init("temp"))).perfusionChannelIndex == 0)
    #expect(try RecordingAssembler.assemble(t, options: AssemblyOptions(rateHz: 1, channel: .init("2"))).perfusionChannelIndex == 1)
    let unknown = #expect(throws: LDFError.self) {
        try RecordingAssembler.assemble(t, options: AssemblyOptions(rateHz: 1, channel: .init("flux")))
    }
    #expect(unknown?.message.contains("1:Temp, 2:LDF") == true)
    #expect(throws: LDFError.self) { try RecordingAssembler.assemble(t, options: AssemblyOptions(rateHz: 1, channel: .init("3"))) }
}

@Test func sliceShiftsEventsAndGaps() throws {
    var r = try RecordingAssembler.assemble(table(times: nil, values: Array(repeating: 1, count: 10)), options: AssemblyOptions(rateHz: 1))
    r.events = [Event(timeSeconds: 3, label: "cuff on"), Event(timeSeconds: 8, label: "release")]
    r.provenance.gaps = [Gap(startSeconds: 4, endSeconds: 6)]
    let s = r.slice(2..<7)
    #expect(s.sampleCount == 5)
    #expect(s.events.map(\.timeSeconds) == [1])
    #expect(s.events.first?.kind == .occlusionStart)
    #expect(s.provenance.gaps == [Gap(startSeconds: 2, endSeconds: 4)])
}

@Test func jitteredRateSnapsToTheWholeRateButProvenanceKeepsTheMeasurement() throws {
    // Last stamp 0.004 s late: 3999 intervals over 99.979 s measure 39.9984 Hz, within 0.01 % of 40.
    var times = (0..<4000).map { Double($0) / 40 }
    times[times.count - 1] += 0.004
    let r = try RecordingAssembler.assemble(table(times: times, values: times))
    #expect(r.sampleRateHz == 40)
    #expect(abs((r.provenance.measuredSampleRateHz ?? 0) - 3999 / 99.979) < 1e-9)
    // 33.3 Hz is no whole number: kept as measured.
    let slow = (0..<100).map { Double($0) * 0.03 }
    #expect(abs(try RecordingAssembler.assemble(table(times: slow, values: slow)).sampleRateHz - 1 / 0.03) < 1e-9)
}
