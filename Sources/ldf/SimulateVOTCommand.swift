import ArgumentParser
import LDFCore
import LDFSimulation

/// `ldf simulate vot`: a NIRS vascular occlusion test with known slopes, levels and times.
struct SimulateVOTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vot",
        abstract: "NIRS vascular occlusion test: tissue saturation (StO2, %) with occlusions of known slopes, minimum, overshoot and times.",
        discussion: """
            StO2 holds --baseline for --baseline-seconds, falls at --desaturation %/min during each \
            --occlusion-seconds occlusion (held at --floor when it reaches it: a partial plateau), \
            rises at --reoxygenation %/s after release to --overshoot above baseline, and returns to \
            baseline over --hyperaemia-seconds; --occlusions repeats it after --recovery-seconds. \
            Drift (--drift, % points per minute) and white noise (--noise, % points) are added. \
            --markers adds Occlusion/Release events, --pressure a cuff channel. The truth file lists \
            the exact occlusions and read-outs of the noiseless, drift-free curve.
            """)

    @OptionGroup var output: SimulationOutputOptions

    @Option(help: ArgumentHelp("Sample rate (10)." + OptionRanges.simulationRate.help, valueName: "HZ"))
    var rate: Double = 10

    @Option(name: .customLong("baseline-seconds"), help: ArgumentHelp("Rest before the first occlusion (120)." + OptionRanges.restSeconds.named("--baseline-seconds").help, valueName: "SECONDS"))
    var baselineSeconds: Double = 120

    @Option(name: .customLong("occlusion-seconds"), help: ArgumentHelp("Length of each occlusion (180)." + OptionRanges.occlusionSeconds.help, valueName: "SECONDS"))
    var occlusionSeconds: Double = 180

    @Option(name: .customLong("recovery-seconds"), help: ArgumentHelp("Release to the next occlusion or the end (300)." + OptionRanges.recoverySeconds.help, valueName: "SECONDS"))
    var recoverySeconds: Double = 300

    @Option(help: ArgumentHelp("Number of occlusions (1)." + OptionRanges.occlusions.help, valueName: "COUNT"))
    var occlusions: Int = 1

    @Option(help: ArgumentHelp("StO2 before each occlusion (70)." + OptionRanges.saturation.named("--baseline").help, valueName: "PERCENT"))
    var baseline: Double = 70

    @Option(help: ArgumentHelp("Fall during the occlusion, %/min (12)." + OptionRanges.desaturation.help, valueName: "PER-MINUTE"))
    var desaturation: Double = 12

    @Option(help: ArgumentHelp("Lowest StO2 the fall reaches; 0 for no plateau (0)." + OptionRanges.saturation.named("--floor").help, valueName: "PERCENT"))
    var floor: Double = 0

    @Option(help: ArgumentHelp("Rise after release, %/s (2)." + OptionRanges.reoxygenation.help, valueName: "PER-SECOND"))
    var reoxygenation: Double = 2

    @Option(help: ArgumentHelp("Maximum above baseline, % points (8)." + OptionRanges.saturation.named("--overshoot").help, valueName: "PERCENT"))
    var overshoot: Double = 8

    @Option(name: .customLong("hyperaemia-seconds"), help: ArgumentHelp("Maximum back to baseline (60)." + OptionRanges.occlusionSeconds.named("--hyperaemia-seconds").help, valueName: "SECONDS"))
    var hyperaemiaSeconds: Double = 60

    @Option(help: ArgumentHelp("Linear drift, % points per minute (0)." + OptionRanges.saturationDrift.help, valueName: "PER-MINUTE"))
    var drift: Double = 0

    @Option(help: ArgumentHelp("SD of the white noise, % points (0.5)." + OptionRanges.saturationNoise.help, valueName: "PERCENT"))
    var noise: Double = 0.5

    @Flag(help: "Add 'Occlusion' and 'Release' events.")
    var markers = false

    @Flag(help: "Add a cuff-pressure channel (250 mmHg during each occlusion).")
    var pressure = false

    @Flag(name: .customLong("zero-at-occlusion"), help: "Time axis 0 at the first occlusion (the file starts at minus the baseline).")
    var zeroAtOcclusion = false

    func validate() throws {
        try OptionRanges.simulationRate.check(rate)
        try OptionRanges.restSeconds.named("--baseline-seconds").check(baselineSeconds)
        try OptionRanges.occlusionSeconds.check(occlusionSeconds)
        try OptionRanges.recoverySeconds.check(recoverySeconds)
        try OptionRanges.occlusions.check(occlusions)
        for (value, option) in [(baseline, "--baseline"), (floor, "--floor"), (overshoot, "--overshoot")] {
            try OptionRanges.saturation.named(option).check(value)
        }
        try OptionRanges.desaturation.check(desaturation)
        try OptionRanges.reoxygenation.check(reoxygenation)
        try OptionRanges.occlusionSeconds.named("--hyperaemia-seconds").check(hyperaemiaSeconds)
        try OptionRanges.saturationDrift.check(drift)
        try OptionRanges.saturationNoise.check(noise)
        let simulation = simulation()
        try simulation.validate()
        try output.validate(durationSeconds: simulation.durationSeconds, rateHz: simulation.sampleRateHz)
    }

    /// The configuration from the options.
    func simulation() -> VOTSimulation {
        var s = VOTSimulation()
        s.sampleRateHz = rate
        s.baselineSeconds = baselineSeconds
        s.occlusionSeconds = occlusionSeconds
        s.recoverySeconds = recoverySeconds
        s.occlusionCount = occlusions
        s.baseline = baseline
        s.desaturationPerMinute = desaturation
        s.floor = floor
        s.reoxygenationPerSecond = reoxygenation
        s.overshoot = overshoot
        s.hyperaemiaSeconds = hyperaemiaSeconds
        s.driftPerMinute = drift
        s.noise = noise
        s.includesEventMarkers = markers
        s.includesPressureChannel = pressure
        if zeroAtOcclusion { s.timeOriginSeconds = -baselineSeconds }
        return s
    }

    func run() throws {
        let simulation = simulation()
        let simulated = try simulation.generate(seed: output.seed)
        try output.write(simulated.recording, kind: "vot", truth: SimulationTruthPayload(configuration: simulation, expected: simulated.truth))
    }
}
