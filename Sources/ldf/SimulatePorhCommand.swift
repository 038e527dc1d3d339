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
            The truth file lists each occlusion's exact start and release (from the first sample and on \
            the file's axis) and the expected rest flux, biological zero, peak, time to peak, \
            T75/T50/T25, areas and transient-fit parameters. --protocol loading imitates a finger \
            under repeated local pressure at 2 Hz (4 loadings of 80-120 s, recoveries of 80-110 s \
            without a clean baseline between, a biological zero of 6-12 PU, noisy plateaus, time 0 \
            at the first loading), drawn from --seed; options given override it. Real recordings \
            also have jittered stamps and single missing samples: add --jitter and --dropped.
            """)

    /// What kind of provocation the recording imitates.
    enum ProtocolKind: String, ExpressibleByArgument, CaseIterable {
        /// Arterial cuff occlusions from the --site preset.
        case cuff
        /// Repeated local-pressure loadings of a finger (`PORHSimulation.fingerLoading`).
        case loading
    }

    @OptionGroup var output: SimulationOutputOptions

    @Option(name: .customLong("protocol"), help: "cuff (the --site preset) or loading (finger under repeated local pressure).")
    var protocolKind: ProtocolKind = .cuff

    @Option(help: "Site preset: finger-pad, forearm, hallux, calf, thenar or other.")
    var site: TissueSite = .other

    @Option(help: ArgumentHelp("Sample rate (default 32; loading 2)." + OptionRanges.simulationRate.help, valueName: "HZ"))
    var rate: Double?

    @Option(help: ArgumentHelp("Number of occlusions (default 1; loading 4)." + OptionRanges.occlusions.help, valueName: "COUNT"))
    var occlusions: Int?

    @Option(name: .customLong("occlusion-seconds"), help: ArgumentHelp("Length of each occlusion (default: the site's)." + OptionRanges.occlusionSeconds.help, valueName: "SECONDS"))
    var occlusionSeconds: Double?

    @Option(name: .customLong("rest-seconds"), help: ArgumentHelp("Rest before each occlusion (120; loading: before the first only)." + OptionRanges.restSeconds.help, valueName: "SECONDS"))
    var restSeconds: Double?

    @Option(name: .customLong("recovery-seconds"), help: ArgumentHelp("Recovery after each release (300; loading 80-110 drawn)." + OptionRanges.recoverySeconds.help, valueName: "SECONDS"))
    var recoverySeconds: Double?

    @Option(name: .customLong("rest-flux"), help: ArgumentHelp("Resting flux (default: the site's)." + OptionRanges.restFlux.help, valueName: "PU"))
    var restFlux: Double?

    @Option(name: .customLong("biological-zero"), help: ArgumentHelp("Flux during occlusion (default: the site's)." + OptionRanges.biologicalZero.help, valueName: "PU"))
    var biologicalZero: Double?

    @Option(name: .customLong("bz-fraction"),
            help: ArgumentHelp("Biological zero as a fraction of rest flux (a partial fall, e.g. 0.4 on the forearm)." + OptionRanges.bzFraction.help, valueName: "FRACTION"))
    var biologicalZeroFraction: Double?

    @Option(name: .customLong("plateau-spread"), help: ArgumentHelp("SD of extra noise on the occlusion plateau (0; loading 1)." + OptionRanges.plateauSpread.help, valueName: "PU"))
    var plateauSpread: Double?

    @Option(name: .customLong("plateau-dips"),
            help: ArgumentHelp("Sub-second dips and spikes on the occlusion plateau per minute (0; loading 10)." + OptionRanges.plateauDips.help, valueName: "PER-MINUTE"))
    var plateauDips: Double?

    @Flag(name: .customLong("zero-at-first"), help: "Time axis 0 at the first occlusion (the file starts at minus the rest; loading always).")
    var zeroAtFirst = false

    @Option(name: .customLong("peak-ratio"), help: ArgumentHelp("Peak over rest flux (default: the site's)." + OptionRanges.peakRatio.help, valueName: "RATIO"))
    var peakRatio: Double?

    @Option(name: .customLong("time-to-peak"), help: ArgumentHelp("Release to peak (default: the site's)." + OptionRanges.timeToPeak.help, valueName: "SECONDS"))
    var timeToPeak: Double?

    @Option(help: ArgumentHelp("Relative white-noise level (SD over rest flux; 0.03, loading 0.05)." + OptionRanges.noise.help, valueName: "FRACTION"))
    var noise: Double?

    @Option(help: ArgumentHelp("Relative flowmotion amplitude (0.05)." + OptionRanges.flowmotion.help, valueName: "FRACTION"))
    var flowmotion: Double?

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
        try OptionRanges.bzFraction.check(biologicalZeroFraction)
        try OptionRanges.plateauSpread.check(plateauSpread)
        try OptionRanges.plateauDips.check(plateauDips)
        try OptionRanges.peakRatio.check(peakRatio)
        try OptionRanges.timeToPeak.check(timeToPeak)
        try OptionRanges.noise.check(noise)
        try OptionRanges.flowmotion.check(flowmotion)
        if let rate { guard rate > 0, rate.isFinite else { throw LDFError("--rate", "\(rate) Hz is not positive", fix: "e.g. --rate 32") } }
        if let occlusions, occlusions < 1 { throw LDFError("--occlusions", "\(occlusions) must be at least 1", fix: "e.g. --occlusions 2") }
        for (value, option) in [(restSeconds, "--rest-seconds"), (recoverySeconds, "--recovery-seconds"), (occlusionSeconds, "--occlusion-seconds")] {
            if let value, !(value > 0 && value.isFinite) { throw LDFError(option, "\(value) s is not a positive duration", fix: "e.g. \(option) 180") }
        }
        for (value, option) in [(noise, "--noise"), (flowmotion, "--flowmotion"), (plateauSpread, "--plateau-spread"), (plateauDips, "--plateau-dips")] {
            if let value, !(value >= 0 && value.isFinite) { throw LDFError(option, "\(value) must be zero or positive", fix: "e.g. \(option) 1") }
        }
        if let biologicalZeroFraction, !(biologicalZeroFraction >= 0 && biologicalZeroFraction < 1) {
            throw LDFError("--bz-fraction", "\(biologicalZeroFraction) must be in [0, 1)", fix: "e.g. --bz-fraction 0.4")
        }
        if biologicalZeroFraction != nil && biologicalZero != nil {
            throw LDFError("--bz-fraction", "cannot be combined with --biological-zero", fix: "give one of them")
        }
        let simulation = try simulation()
        try output.validate(durationSeconds: simulation.durationSeconds, rateHz: simulation.sampleRateHz)
    }

    /// The configuration: the protocol's preset, then every option given.
    func simulation() throws -> PORHSimulation {
        var simulation: PORHSimulation
        switch protocolKind {
        case .cuff:
            simulation = PORHSimulation.site(site)
            simulation.sampleRateHz = rate ?? simulation.sampleRateHz
            let recovery = recoverySeconds ?? 300
            simulation.occlusions = PORHSimulation.schedule(
                restSeconds: restSeconds ?? 120, occlusionSeconds: occlusionSeconds ?? simulation.occlusions.first?.durationSeconds ?? 180,
                recoverySeconds: recovery, count: occlusions ?? 1)
            simulation.durationSeconds = (simulation.occlusions.last?.releaseSeconds ?? 0) + recovery
            if zeroAtFirst { simulation.timeOriginSeconds = -(simulation.occlusions.first?.startSeconds ?? 0) }
        case .loading:
            simulation = PORHSimulation.fingerLoading(seed: output.seed, count: occlusions ?? 4)
            simulation.site = site == .other ? .fingerPad : site
            simulation.sampleRateHz = rate ?? simulation.sampleRateHz
            if restSeconds != nil || occlusionSeconds != nil || recoverySeconds != nil {
                var random = SeededRandom(seed: output.seed)
                let occlusion = occlusionSeconds.map { $0...$0 } ?? 80...120, recovery = recoverySeconds.map { $0...$0 } ?? 80...110
                simulation.occlusions = PORHSimulation.loadingSchedule(
                    firstStartSeconds: restSeconds ?? simulation.restDurationSeconds, occlusionSeconds: occlusion,
                    recoverySeconds: recovery, count: occlusions ?? 4, random: &random)
                simulation.durationSeconds = (simulation.occlusions.last?.releaseSeconds ?? 0) + recovery.upperBound
                simulation.timeOriginSeconds = -simulation.restDurationSeconds
            }
        }
        if let restFlux { simulation.restFluxPU = restFlux }
        if let biologicalZero { simulation.biologicalZeroPU = biologicalZero }
        if let biologicalZeroFraction { simulation.biologicalZeroPU = biologicalZeroFraction * simulation.restFluxPU }
        if let peakRatio { simulation.peakRatio = peakRatio }
        if let timeToPeak { simulation.timeToPeakSeconds = timeToPeak }
        if let noise { simulation.noiseLevel = noise }
        if let flowmotion { simulation.flowmotionAmplitude = flowmotion }
        if let plateauSpread { simulation.plateauSpreadPU = plateauSpread }
        if let plateauDips { simulation.plateauDipsPerMinute = plateauDips }
        simulation.includesPressureChannel = pressure
        simulation.includesEventMarkers = markers
        guard simulation.biologicalZeroPU < simulation.restFluxPU else {
            throw LDFError("--biological-zero", "\(simulation.biologicalZeroPU) PU is not below the rest flux \(simulation.restFluxPU) PU",
                           fix: "give a biological zero below the rest flux")
        }
        guard simulation.timeToPeakSeconds < (recoverySeconds ?? 80) else {
            throw LDFError("--time-to-peak", "\(simulation.timeToPeakSeconds) s does not fit in the recovery", fix: "give a shorter time to peak or a longer --recovery-seconds")
        }
        return simulation
    }

    func run() throws {
        let simulation = try simulation()
        let simulated = simulation.generate(seed: output.seed)
        try output.write(simulated.recording, kind: "porh", truth: SimulationTruthPayload(configuration: simulation, expected: simulated.truth))
    }
}
