import ArgumentParser
import Foundation
import LDFCore
import LDFReport
import LDFIO
import LDFSimulation

/// `ldf simulate`: seeded synthetic recordings with their truth.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write seeded synthetic recordings with known content, and their truth as JSON.",
        discussion: """
            The same seed and options always give the same file. The truth file lists what made \
            the recording (oscillation frequencies and amplitudes, occlusion times, expected PORH \
            parameters) and every artifact added, with times.
            """,
        subcommands: [SimulateRestCommand.self, SimulatePorhCommand.self, SimulateHeatingCommand.self, SimulateIontophoresisCommand.self, SimulateVOTCommand.self, SimulateCRTCommand.self])
}

/// Where a simulation goes and how it is made reproducible.
struct SimulationOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Recording file to write (CSV); - for standard output.", valueName: "PATH"))
    var out: String = "-"

    @Option(help: ArgumentHelp("Truth file to write (JSON). Default: beside --out as NAME.truth.json; none for standard output.",
                               valueName: "PATH"))
    var truth: String?

    @Option(help: "Seed of the random generator.")
    var seed: UInt64 = 1

    @Option(name: .customLong("jitter"), help: ArgumentHelp("Time-stamp jitter, as a fraction of the sampling interval (0 to 0.5)." + OptionRanges.jitter.help, valueName: "FRACTION"))
    var jitterFraction: Double = 0

    @Option(name: .customLong("dropped"), help: ArgumentHelp("Isolated samples left out of the file." + OptionRanges.dropped.help, valueName: "COUNT"))
    var droppedSamples: Int = 0

    @Option(name: .customLong("gaps"), help: ArgumentHelp("Long stretches left out of the file." + OptionRanges.gaps.help, valueName: "COUNT"))
    var longGaps: Int = 0

    @Option(name: .customLong("gap-seconds"), help: ArgumentHelp("Length of each long gap." + OptionRanges.gapSeconds.help, valueName: "SECONDS"))
    var longGapSeconds: Double = 5

    @Option(help: ArgumentHelp("Perfusion samples replaced by device sentinels (-2500 or +5000)." + OptionRanges.sentinels.help, valueName: "COUNT"))
    var sentinels: Int = 0

    @Option(name: .customLong("motion"), help: ArgumentHelp("Motion artifacts (short large bursts) added to perfusion." + OptionRanges.motion.help, valueName: "COUNT"))
    var motionArtifacts: Int = 0

    var artifacts: FileArtifacts {
        FileArtifacts(jitterFraction: jitterFraction, droppedSamples: droppedSamples, longGaps: longGaps,
                      longGapSeconds: longGapSeconds, sentinels: sentinels, motionArtifacts: motionArtifacts)
    }

    func validate() throws {
        try OptionRanges.jitter.check(jitterFraction)
        try OptionRanges.dropped.check(droppedSamples)
        try OptionRanges.gaps.check(longGaps)
        try OptionRanges.gapSeconds.check(longGapSeconds)
        try OptionRanges.sentinels.check(sentinels)
        try OptionRanges.motion.check(motionArtifacts)
        try artifacts.validate()
        if out == "-" && truth == "-" {
            throw ValidationError("--truth - and --out - would both write to standard output; give --truth a file path")
        }
        if let truthPath, out != "-", Self.sameFile(out, truthPath) {
            throw ValidationError("--truth \(truthPath) is the --out file: the truth would replace the recording; give it another path")
        }
    }

    /// Checks the length and the artifacts against the recording they go into: at most
    /// `OptionRanges.simulationSamples` samples, dropped samples and sentinels at most a tenth of
    /// them, at most one motion artifact per 10 s, gaps shorter than the recording together.
    func validate(durationSeconds: Double, rateHz: Double) throws {
        let samples = (durationSeconds * rateHz).rounded(.down)
        guard samples <= OptionRanges.simulationSamples else {
            throw ValidationError("--duration \(OptionRange<Double>.text(durationSeconds)) s at --rate \(OptionRange<Double>.text(rateHz)) Hz "
                                  + "is \(OptionRange<Double>.text(samples)) samples, more than \(OptionRange<Double>.text(OptionRanges.simulationSamples)); "
                                  + "shorten the recording or lower the rate")
        }
        for (option, count) in [("--dropped", droppedSamples), ("--sentinels", sentinels)] where Double(count) > samples / 10 {
            throw ValidationError("\(option) \(count): more than a tenth of the \(OptionRange<Double>.text(samples)) samples; give fewer")
        }
        if Double(motionArtifacts) > durationSeconds / 10 {
            throw ValidationError("--motion \(motionArtifacts): more than one per 10 s of a \(OptionRange<Double>.text(durationSeconds)) s recording; give fewer")
        }
        if Double(longGaps) * longGapSeconds > durationSeconds / 2 {
            throw ValidationError("--gaps \(longGaps) of --gap-seconds \(OptionRange<Double>.text(longGapSeconds)) s leave out more than half "
                                  + "of a \(OptionRange<Double>.text(durationSeconds)) s recording; give fewer or shorter gaps")
        }
    }

    /// Whether two output paths name one file (same spelling once standardised, or same device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        if URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path { return true }
        guard let first = FileIdentity(path: a), let second = FileIdentity(path: b) else { return false }
        return first == second
    }

    /// Path of the truth file, or nil when none is written.
    var truthPath: String? {
        if let truth { return truth }
        guard out != "-" else { return nil }
        let url = URL(fileURLWithPath: out)
        return url.deletingPathExtension().path + ".truth.json"
    }

    /// Applies the artifacts, then writes the recording and its truth, each put in place only once
    /// it is whole (a killed run leaves no truncated file).
    func write<Payload: Codable & Sendable>(_ recording: Recording, kind: String, truth payload: Payload) throws {
        let (table, artifactTruth) = try artifacts.apply(to: recording, seed: seed)
        try write(table, kind: kind, truth: payload, artifacts: artifacts.isEmpty ? nil : artifactTruth)
    }

    /// Writes a table that already has its time stamps (and the artifacts' truth, when any were
    /// applied), then its truth, each put in place only once it is whole.
    func write<Payload: Codable & Sendable>(_ table: SampleTable, kind: String, truth payload: Payload, artifacts artifactTruth: ArtifactTruth? = nil) throws {
        try RecordingCSVWriter().write(table, to: out)
        if let truthPath {
            let file = TruthFile(kind: kind, seed: seed, truth: payload, artifacts: artifactTruth)
            try OutputFile.write(ReportJSON.encode(file), to: truthPath, role: "the truth file", inputs: out == "-" ? [] : [out])
        }
    }
}

/// `ldf simulate rest`: resting flowmotion.
struct SimulateRestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rest",
        abstract: "Resting flowmotion: baseline, one frequency-modulated oscillation per band, 1/f and white noise.",
        discussion: """
            Default oscillations (Hz, PU): endothelial_no_independent 0.007/8, endothelial 0.015/7, \
            neurogenic 0.035/6, myogenic 0.1/5, respiratory 0.25/3, cardiac 1.1/4. A MODA-normalised \
            wavelet transform reads each oscillation at half its amplitude on its ridge.
            """)

    @OptionGroup var output: SimulationOutputOptions

    @Option(help: ArgumentHelp("Sample rate." + OptionRanges.simulationRate.help, valueName: "HZ"))
    var rate: Double = 32

    @Option(help: ArgumentHelp("Length of the recording." + OptionRanges.duration.help, valueName: "SECONDS"))
    var duration: Double = 1800

    @Option(help: ArgumentHelp("Mean perfusion level." + OptionRanges.baseline.help, valueName: "PU"))
    var baseline: Double = 100

    @Option(help: ArgumentHelp("Oscillation amplitudes by band, replacing the defaults' (0 removes one).", valueName: "BAND:PU,..."))
    var amplitudes: String?

    @Flag(help: "Pure tones: no frequency modulation.")
    var noModulation = false

    @Option(name: .customLong("pink-noise"), help: ArgumentHelp("Standard deviation of the 1/f noise." + OptionRanges.pinkNoise.help, valueName: "PU"))
    var pinkNoise: Double = 2

    @Option(name: .customLong("white-noise"), help: ArgumentHelp("Standard deviation of the white noise." + OptionRanges.whiteNoise.help, valueName: "PU"))
    var whiteNoise: Double = 1

    @Flag(help: "Add a skin-temperature channel.")
    var temperature = false

    func validate() throws {
        try OptionRanges.simulationRate.check(rate)
        try OptionRanges.duration.check(duration)
        try OptionRanges.baseline.check(baseline)
        try OptionRanges.pinkNoise.check(pinkNoise)
        try OptionRanges.whiteNoise.check(whiteNoise)
        try output.validate(durationSeconds: duration, rateHz: rate)
    }

    func run() throws {
        var oscillations = RestingSimulation.defaultOscillations
        if let amplitudes {
            for item in amplitudes.split(separator: ",") {
                let parts = item.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let value = Double(parts[1]), value >= 0 else {
                    throw LDFError("--amplitudes", "cannot read '\(item)'", fix: "write band:PU pairs, e.g. myogenic:5,cardiac:0")
                }
                guard let i = oscillations.firstIndex(where: { $0.band == parts[0] }) else {
                    throw LDFError("--amplitudes", "no default oscillation in band '\(parts[0])'",
                                   fix: "use one of: \(oscillations.map(\.band).joined(separator: ", "))")
                }
                oscillations[i].amplitude = value
            }
            oscillations.removeAll { $0.amplitude == 0 }
        }
        if noModulation {
            for i in oscillations.indices { oscillations[i].modulationDepth = 0 }
        }
        let simulation = RestingSimulation(sampleRateHz: rate, durationSeconds: duration, baseline: baseline,
                                           oscillations: oscillations, pinkNoiseSD: pinkNoise, whiteNoiseSD: whiteNoise,
                                           temperatureChannel: temperature)
        let recording = try simulation.generate(seed: output.seed)
        try output.write(recording, kind: "rest", truth: simulation)
    }
}

/// A truth file's payload for every protocol simulator: the simulator's configuration and what it
/// expects an analysis to find.
struct SimulationTruthPayload<Configuration: Codable & Sendable, Expected: Codable & Sendable>: Codable, Sendable {
    var configuration: Configuration
    var expected: Expected
}
