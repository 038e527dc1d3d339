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

    @Option(help: ArgumentHelp("Sample rate.", valueName: "HZ"))
    var rate: Double = 32

    @Option(help: ArgumentHelp("Number of occlusions.", valueName: "COUNT"))
    var occlusions: Int = 1

    @Option(name: .customLong("occlusion-seconds"), help: ArgumentHelp("Length of each occlusion (default: the site's).", valueName: "SECONDS"))
    var occlusionSeconds: Double?

    @Option(name: .customLong("rest-seconds"), help: ArgumentHelp("Rest before each occlusion.", valueName: "SECONDS"))
    var restSeconds: Double = 120

    @Option(name: .customLong("recovery-seconds"), help: ArgumentHelp("Recovery after each release.", valueName: "SECONDS"))
    var recoverySeconds: Double = 300

    @Option(name: .customLong("rest-flux"), help: ArgumentHelp("Resting flux (default: the site's).", valueName: "PU"))
    var restFlux: Double?

    @Option(name: .customLong("biological-zero"), help: ArgumentHelp("Flux during occlusion (default: the site's).", valueName: "PU"))
    var biologicalZero: Double?

    @Option(name: .customLong("peak-ratio"), help: ArgumentHelp("Peak over rest flux (default: the site's).", valueName: "RATIO"))
    var peakRatio: Double?

    @Option(name: .customLong("time-to-peak"), help: ArgumentHelp("Release to peak (default: the site's).", valueName: "SECONDS"))
    var timeToPeak: Double?

    @Option(help: ArgumentHelp("Relative white-noise level (SD over rest flux).", valueName: "FRACTION"))
    var noise: Double = 0.03

    @Option(help: ArgumentHelp("Relative flowmotion amplitude.", valueName: "FRACTION"))
    var flowmotion: Double = 0.05

    @Flag(help: "Add a cuff-pressure channel (mmHg).")
    var pressure = false

    @Flag(help: "Add occlusion start / release markers.")
    var markers = false

    func validate() throws {
        guard rate > 0, rate.isFinite else { throw LDFError("--rate", "\(rate) Hz is not positive", fix: "e.g. --rate 32") }
        guard occlusions >= 1 else { throw LDFError("--occlusions", "\(occlusions) must be at least 1", fix: "e.g. --occlusions 2") }
        guard restSeconds > 0, recoverySeconds > 0, (occlusionSeconds ?? 1) > 0 else {
            throw LDFError("--rest-seconds/--recovery-seconds/--occlusion-seconds", "durations must be positive", fix: "e.g. --occlusion-seconds 180")
        }
        guard noise >= 0, flowmotion >= 0 else { throw LDFError("--noise/--flowmotion", "levels must be zero or positive", fix: "e.g. --noise 0.03") }
    }

    func run() throws {
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
            throw LDFError("--biological-zero", "\(simulation.biologicalZeroPU) PU is not below the rest flux \(simulation.restFluxPU) PU",
                           fix: "give a biological zero below the rest flux")
        }
        let simulated = simulation.generate(seed: output.seed)
        try output.write(simulated.recording, kind: "porh", truth: PORHTruthFile(configuration: simulation, expected: simulated.truth))
    }
}

/// The PORH truth file's payload: the configuration and the expected parameters.
struct PORHTruthFile: Codable, Sendable {
    var configuration: PORHSimulation
    var expected: PORHTruth
}
