import Foundation
import Testing
import LDFCore
import LDFSimulation
import LDFSpectral
import LDFStream

private func settings(window: Double, hop: Double, policy: ShortBandPolicy = .drop) -> StreamWindowSettings {
    StreamWindowSettings(windowSeconds: window, hopSeconds: hop,
                         analysis: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet), shortBands: policy)
}

@Test func windowsMatchBandsOnTheSameStretch() throws {
    // 10 Hz, 400 s, window 200 s, hop 50 s: windows end at 200, 250, ..., 400 s.
    let recording = try RestingSimulation(sampleRateHz: 10, durationSeconds: 400).generate(seed: 21)
    var stream = try BandStream(sampleRateHz: 10, settings: settings(window: 200, hop: 50))
    let values = recording.perfusion.values
    var results: [StreamWindowResult] = []
    for chunk in stride(from: 0, to: values.count, by: 137) {
        let part = Array(values[chunk..<min(values.count, chunk + 137)])
        results += stream.append(part, flags: Array(repeating: [], count: part.count))
    }
    let tail = stream.finish()
    #expect(tail == nil) // the last window ended at the last sample
    #expect(results.map(\.endSeconds) == [200, 250, 300, 350, 400])
    #expect(results.map(\.startSeconds) == [0, 50, 100, 150, 200])
    for result in results {
        let start = Int(result.startSeconds * 10), end = Int(result.endSeconds * 10)
        let offline = try BandAnalysis(recording: recording.slice(start..<end), settings: stream.settings.analysis)
        let streamed = try #require(result.analysis)
        #expect(streamed.report.bands == offline.report.bands)
        #expect(result.quality.gapSamples == 0 && !result.isFinal)
    }
    // 5 cycles of 0.005, 0.0095 and 0.021 Hz need 1000, 526 and 238 s: dropped from a 200 s window.
    #expect(stream.droppedBands.count == 3)
    #expect(stream.settings.analysis.bandSet.bands.map(\.name) == ["myogenic", "respiratory", "cardiac"])
    #expect(stream.settings.analysis.bandSet.name == "stefanovska")
}

@Test func finalRecordCoversTheTail() throws {
    let recording = try RestingSimulation(sampleRateHz: 10, durationSeconds: 230).generate(seed: 3)
    var stream = try BandStream(sampleRateHz: 10, settings: settings(window: 200, hop: 50))
    let values = recording.perfusion.values
    let results = stream.append(values, flags: Array(repeating: [], count: values.count))
    #expect(results.map(\.endSeconds) == [200])
    let final = stream.finish()
    let last = try #require(final)
    #expect(last.isFinal)
    #expect(last.endSeconds == 230 && last.startSeconds == 30)
    let again = stream.finish()
    #expect(again == nil)
}

@Test func streamShorterThanTheWindowStillGetsOneFinalRecord() throws {
    var stream = try BandStream(sampleRateHz: 10, settings: settings(window: 200, hop: 50))
    let values = try RestingSimulation(sampleRateHz: 10, durationSeconds: 60).generate(seed: 3).perfusion.values
    let early = stream.append(values, flags: Array(repeating: [], count: values.count))
    #expect(early.isEmpty)
    let final = stream.finish()
    let last = try #require(final)
    #expect(last.isFinal && last.startSeconds == 0 && last.endSeconds == 60)
    #expect(last.quality.samples == 600)
}

@Test func qualityCountsGapsBridgedAndSaturatedSamples() throws {
    var stream = try BandStream(sampleRateHz: 10, settings: settings(window: 100, hop: 100))
    var values = try RestingSimulation(sampleRateHz: 10, durationSeconds: 100).generate(seed: 4).perfusion.values
    var flags = [GridSampleFlags](repeating: [], count: values.count)
    for i in 100..<130 { values[i] = .nan }
    flags[200] = [.bridged, .overRange]
    flags[201] = .bridged
    let results = stream.append(values, flags: flags)
    let result = try #require(results.first)
    #expect(result.quality.gapSamples == 30)
    #expect(result.quality.bridgedSamples == 2)
    #expect(result.quality.saturatedSamples == 1)
    #expect(result.quality.gap && result.quality.saturation)
    #expect(abs(result.quality.gapFraction - 0.03) < 1e-12)
}

@Test func windowAndHopAreValidated() {
    #expect(throws: LDFError.self) { try BandStream(sampleRateHz: 10, settings: settings(window: 0, hop: 1)) }
    #expect(throws: LDFError.self) { try BandStream(sampleRateHz: 10, settings: settings(window: 100, hop: 200)) }
    let stop = #expect(throws: LDFError.self) { try BandStream(sampleRateHz: 10, settings: settings(window: 600, hop: 60, policy: .stop)) }
    #expect(stop?.context == "window")
    #expect(stop?.fix?.contains("window 1000") == true)
    let none = #expect(throws: LDFError.self) { try BandStream(sampleRateHz: 10, settings: settings(window: 5, hop: 1)) }
    #expect(none?.message.contains("every band") == true)
}

@Test func artifactShareCountsEachSpikeOnceAcrossOverlappingWindows() throws {
    // 10 Hz sine, window 100 s, hop 20 s; isolated spikes at 150, 230 and 310 s. The detector
    // replaces each spike and 3 samples on either side: 7 samples per spike.
    let rate = 10.0
    var values = (0..<4000).map { (i: Int) -> Double in 100 + 5 * sin(2 * Double.pi * 0.2 * Double(i) / rate) }
    for t in [150.0, 230.0, 310.0] { values[Int(t * rate)] += 80 }
    var stream = try BandStream(sampleRateHz: rate, settings: settings(window: 100, hop: 20))
    let results = stream.append(values, flags: Array(repeating: [], count: values.count))
    for result in results {
        let spikes = [150.0, 230.0, 310.0].filter { $0 >= result.startSeconds && $0 < result.endSeconds }.count
        let expected = Double(7 * spikes) / 1000
        #expect(abs(result.quality.artifactFraction - expected) < 1e-12, "window ending \(result.endSeconds) s")
    }
    #expect(results.contains { $0.quality.artifact(threshold: 0.01) })
    #expect(results.contains { !$0.quality.artifact(threshold: 0.01) })
}

/// The stream applies the band validity rule of `ldf bands` to its window: a narrow band holding
/// 6 cycles of 0.1 Hz in a 60 s window has only about 18 % of its coefficients in the cone
/// (1 - 5.15 / (f * 60) averaged over 0.1-0.11 Hz), below the default 0.2: dropped with that reason;
/// kept with a lower minimum or under allowsShortBands.
@Test func windowDropsBandsBelowTheMinimumValidFraction() throws {
    func stream(minimumValidFraction: Double = 0.2, allowsShortBands: Bool = false) throws -> BandStream {
        let analysis = BandAnalysisSettings(bandSet: try BandSet.parse(custom: "narrow:0.1-0.11,wide:0.2-0.6"),
                                            minimumValidFraction: minimumValidFraction, allowsShortBands: allowsShortBands)
        return try BandStream(sampleRateHz: 10, settings: StreamWindowSettings(windowSeconds: 60, hopSeconds: 60, analysis: analysis))
    }
    let strict = try stream()
    #expect(strict.settings.analysis.bandSet.bands.map(\.name) == ["wide"])
    #expect(strict.droppedBands.map(\.code) == ["band_dropped"])
    #expect(strict.droppedBands.first?.message.contains("fewer than 20% of its coefficients lie inside the cone") == true)
    #expect(try stream(minimumValidFraction: 0.1).settings.analysis.bandSet.bands.count == 2)
    var allowed = try stream(allowsShortBands: true)
    #expect(allowed.settings.analysis.bandSet.bands.count == 2)
    let values = try RestingSimulation(sampleRateHz: 10, durationSeconds: 60).generate(seed: 5).perfusion.values
    let result = try #require(allowed.append(values, flags: Array(repeating: [], count: values.count)).first)
    let narrow = try #require(result.analysis?.report.bands.first)
    #expect(narrow.isAvailable && narrow.validFraction! < 0.2)
    #expect(result.analysis?.report.diagnostics.contains { $0.code == "low_valid_fraction" } == true)
}
