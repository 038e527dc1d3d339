import ArgumentParser
import LDFCore
import LDFSimulation

/// `ldf simulate porh`: post-occlusive reactive hyperaemia with known parameters.
struct SimulatePorhCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "porh",
        abstract: "PORH: rest, arterial occlusion to a biological zero, hyperaemic peak, stretched-exponential recovery.",
        discussion: """
            Starts from the --site preset (levels plausible for that site) and applies any option given. \
            The truth file lists each occlusion's exact start and release and the expected rest flux, \
            biological zero, peak, time to peak, T75/T50/T25, areas and transient-fit parameters.
            """)

    @OptionGroup var output: SimulationOutputOptions

    @Option(help: "Site preset: finger-pad, forearm, hallux, calf, thenar or other.")
    var site: TissueSite = .other

    @Option(help: ArgumentHelp("Sample rate." + OptionRanges.simulationRate.help, valueName: "HZ"))
    var rate: Double = 32

    @Option(help: ArgumentHelp("Number of occlusions." + OptionRanges.occlusions.help, valueName: "COUNT"))
    var occlusions: Int = 1

    @Option(name: .customLong("occlusion-seconds"), help: ArgumentHelp("Length of each occlusion (default: the site's)." + OptionRanges.occlusionSeconds.help, valueName: "SECONDS"))
    var occlusionSeconds: Double?

    @Option(name: .customLong("rest-seconds"), help: ArgumentHelp("Rest before each occlusion." + OptionRanges.restSeconds.help, valueName: "SECONDS"))
    var restSeconds: Double = 120

    @Option(name: .customLong("recovery-seconds"), help: ArgumentHelp("Recovery after each release." + OptionRanges.recoverySeconds.help, valueName: "SECONDS"))
    var recoverySeconds: Double = 300

    @Option(name: .customLong("rest-flux"), help: ArgumentHelp("Resting flux (default: the site's)." + OptionRanges.restFlux.help, valueName: "PU"))
    var restFlux: Double?

    @Option(name: .customLong("biological-zero"), help: ArgumentHelp("Flux during occlusion (default: the site's)." + OptionRanges.biologicalZero.help, valueName: "PU"))
    var biologicalZero: Double?

    @Option(name: .customLong("peak-ratio"), help: ArgumentHelp("Peak over rest flux (default: the site's)." + OptionRanges.peakRatio.help, valueName: "RATIO"))
    var peakRatio: Double?

    @Option(name: .customLong("time-to-peak"), help: ArgumentHelp("Release to peak (default: the site's)." + OptionRanges.timeToPeak.help, valueName: "SECONDS"))
    var timeToPeak: Double?

    @Option(help: ArgumentHelp("Relative white-noise level (SD over rest flux)." + OptionRanges.noise.help, valueName: "FRACTION"))
    var noise: Double = 0.03

    @Option(help: ArgumentHelp("Relative flowmotion amplitude." + OptionRanges.flowmotion.help, valueName: "FRACTION"))
    var flowmotion: Double = 0.05

    @Flag(help: "Add a cuff-pressure channel (mmHg).")
    var pressure = false

    @Flag(help: "Add occlusion start / release markers.")
    var markers = false

    func validate() throws {
        try OptionRanges.simulationRate.check(rate)
        try OptionRanges.occlusions.check(occlusions)
        try OptionRanges.occlusionSeconds.check(occlusionSeconds)
        try OptionRanges.restSeconds.check(restSeconds)
        try OptionRanges.recoverySeconds.check(recoverySeconds)
        try OptionRanges.restFlux.check(restFlux)
        try OptionRanges.biologicalZero.check(biologicalZero)
        try OptionRanges.peakRatio.check(peakRatio)
        try OptionRanges.timeToPeak.check(timeToPeak)
        try OptionRanges.noise.check(noise)
        try OptionRanges.flowmotion.check(flowmotion)
        let simulation = try simulation()
        try output.validate(durationSeconds: simulation.durationSeconds, rateHz: rate)
    }

    /// The simulation the options describe, checked so that `generate` cannot trap.
    func simulation() throws -> PORHSimulation {
        var simulation = PORHSimulation.site(site)
        let occlusionLength = occlusionSeconds ?? simulation.occlusions.first?.durationSeconds ?? 180
        simulation.sampleRateHz = rate
        simulation.occlusions = PORHSimulation.schedule(restSeconds: restSeconds, occlusionSeconds: occlusionLength,
                                                        recoverySeconds: recoverySeconds, count: occlusions)
        simulation.durationSeconds = (simulation.occlusions.last?.releaseSeconds ?? 0) + recoverySeconds
        if let restFlux { simulation.restFluxPU = restFlux }
        if let biologicalZero { simulation.biologicalZeroPU = biologicalZero }
        if let peakRatio { simulation.peakRatio = peakRatio }
        if let timeToPeak { simulation.timeToPeakSeconds = timeToPeak }
        simulation.noiseLevel = noise
        simulation.flowmotionAmplitude = flowmotion
        simulation.includesPressureChannel = pressure
        simulation.includesEventMarkers = markers
        guard simulation.biologicalZeroPU < simulation.restFluxPU else {
            throw ValidationError("--biological-zero \(simulation.biologicalZeroPU) PU is not below the rest flux \(simulation.restFluxPU) PU; "
                                  + "give a biological zero below the rest flux")
        }
        guard simulation.timeToPeakSeconds < recoverySeconds else {
            throw ValidationError("--time-to-peak \(OptionRange<Double>.text(simulation.timeToPeakSeconds)) s does not fit in "
                                  + "--recovery-seconds \(OptionRange<Double>.text(recoverySeconds)) s; give a longer recovery or an earlier peak")
        }
        return simulation
    }

    func run() throws {
        let simulation = try simulation()
        let simulated = simulation.generate(seed: output.seed)
        try output.write(simulated.recording, kind: "porh", truth: PORHTruthFile(configuration: simulation, expected: simulated.truth))
    }
}

/// The PORH truth file's payload: the configuration and the expected parameters.
struct PORHTruthFile: Codable, Sendable {
    var configuration: PORHSimulation
    var expected: PORHTruth
}
