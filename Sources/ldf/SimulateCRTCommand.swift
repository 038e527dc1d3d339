import ArgumentParser
import LDFCore
import LDFIO
import LDFReport
import LDFSimulation

extension CRTSimulation.Direction: ExpressibleByArgument {}

/// `ldf simulate crt`: blanching presses and exponential refills with known CRT, at camera-frame times.
struct SimulateCRTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crt",
        abstract: "Capillary refill: blanching presses, each followed by an exponential refill of known CRT, at camera-frame times.",
        discussion: """
            One press per --crt value: --rest-seconds of rest, then each press holds for \
            --press-seconds and is released into an exact exponential refill of that CRT lasting \
            --refill-seconds. Frames at --frame-rate, each stamp moved within --frame-jitter of a frame \
            interval (the value is taken at the moved time). The signal is --rest-level plus \
            --blanch-amplitude times the blanching (--direction falls: camera intensity, rises: flux), \
            each press's depth uniform in [--minimum-depth, 1], a linear --drift and white noise of \
            --noise times the amplitude. The truth file lists every press's times, CRT and depth. \
            The file is written with its own time stamps: --jitter, --dropped, --gaps, --sentinels \
            and --motion do not apply (use --frame-jitter).
            """)

    @OptionGroup var output: SimulationOutputOptions

    @Option(name: .customLong("frame-rate"), help: ArgumentHelp("Frames per second (30)." + OptionRanges.frameRate.help, valueName: "HZ"))
    var frameRate: Double = 30

    @Option(name: .customLong("frame-jitter"), help: ArgumentHelp("Frame-time jitter, as a fraction of a frame interval (0)." + OptionRanges.frameJitter.help, valueName: "FRACTION"))
    var frameJitter: Double = 0

    @Option(help: ArgumentHelp("The CRT of each press, comma-separated (1.5,2.5,3.5; each 0.1 to 20 s).", valueName: "SECONDS,..."))
    var crt: String = "1.5,2.5,3.5"

    @Option(name: .customLong("rest-seconds"), help: ArgumentHelp("Rest before the first press (5)." + OptionRanges.crtStage.help, valueName: "SECONDS"))
    var restSeconds: Double = 5

    @Option(name: .customLong("press-seconds"), help: ArgumentHelp("Length of each press (5)." + OptionRanges.crtStage.help, valueName: "SECONDS"))
    var pressSeconds: Double = 5

    @Option(name: .customLong("refill-seconds"), help: ArgumentHelp("Release to the next press, at least 4 CRTs (20)." + OptionRanges.crtStage.help, valueName: "SECONDS"))
    var refillSeconds: Double = 20

    @Option(help: "falls (camera intensity: blanching brightens) or rises (flux: blanching empties).")
    var direction: CRTSimulation.Direction = .falls

    @Option(name: .customLong("rest-level"), help: ArgumentHelp("Signal at rest (100)." + OptionRanges.restLevel.help, valueName: "LEVEL"))
    var restLevel: Double = 100

    @Option(name: .customLong("blanch-amplitude"), help: ArgumentHelp("Change of the signal at full blanching (40)." + OptionRanges.blanchAmplitude.help, valueName: "LEVEL"))
    var blanchAmplitude: Double = 40

    @Option(name: .customLong("minimum-depth"), help: ArgumentHelp("Least blanching depth of a press; below 1 for partial blanching (1)." + OptionRanges.minimumDepth.help, valueName: "FRACTION"))
    var minimumDepth: Double = 1

    @Option(help: ArgumentHelp("Linear baseline drift, signal units per minute (0)." + OptionRanges.drift.help, valueName: "PER-MINUTE"))
    var drift: Double = 0

    @Option(help: ArgumentHelp("White-noise SD as a fraction of the blanching amplitude (0.02)." + OptionRanges.noise.help, valueName: "FRACTION"))
    var noise: Double = 0.02

    @Flag(help: "Add 'Press' and 'Release' markers.")
    var markers = false

    func validate() throws {
        try OptionRanges.frameRate.check(frameRate)
        try OptionRanges.frameJitter.check(frameJitter)
        for (value, option) in [(restSeconds, "--rest-seconds"), (pressSeconds, "--press-seconds"), (refillSeconds, "--refill-seconds")] {
            try OptionRanges.crtStage.named(option).check(value)
        }
        try OptionRanges.restLevel.check(restLevel)
        try OptionRanges.blanchAmplitude.check(blanchAmplitude)
        try OptionRanges.minimumDepth.check(minimumDepth)
        try OptionRanges.drift.check(drift)
        try OptionRanges.noise.check(noise)
        guard output.artifacts.isEmpty else {
            throw ValidationError("ldf simulate crt writes its frames at their own times: --jitter, --dropped, --gaps, --sentinels and --motion do not apply; use --frame-jitter")
        }
        let simulation = try simulation()
        try simulation.validate()
        try output.validate(durationSeconds: simulation.durationSeconds, rateHz: simulation.frameRateHz)
    }

    /// The CRTs of `--crt`.
    func crtValues() throws -> [Double] {
        try crt.split(separator: ",").map { item in
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite else {
                throw ValidationError("--crt: cannot read '\(text)' as seconds; give CRTs like --crt 1.5,2.5")
            }
            return value
        }
    }

    /// The configuration from the options.
    func simulation() throws -> CRTSimulation {
        var s = CRTSimulation()
        s.frameRateHz = frameRate
        s.frameJitter = frameJitter
        s.crtSeconds = try crtValues()
        s.restSeconds = restSeconds
        s.pressSeconds = pressSeconds
        s.refillSeconds = refillSeconds
        s.direction = direction
        s.restLevel = restLevel
        s.blanchAmplitude = blanchAmplitude
        s.minimumDepth = minimumDepth
        s.driftPerMinute = drift
        s.noiseLevel = noise
        s.includesEventMarkers = markers
        return s
    }

    func run() throws {
        let simulation = try simulation()
        let simulated = try simulation.generate(seed: output.seed)
        try output.write(simulated.table, kind: "crt", truth: SimulationTruthPayload(configuration: simulation, expected: simulated.truth))
    }
}
