import ArgumentParser
import LDFCore
import LDFSimulation

extension HeatingSimulation.Ramp: ExpressibleByArgument {}
extension HeatingSimulation.Shape: ExpressibleByArgument {}
extension HeatingSimulation.TemperatureUnit: ExpressibleByArgument {}

/// `ldf simulate heating`: local thermal hyperaemia with known times and levels.
struct SimulateHeatingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heating",
        abstract: "Local thermal hyperaemia: baseline, heating to a set-point (initial peak, nadir, plateau), then a maximum step.",
        discussion: """
            The probe heats from --start-temperature at 1 °C per 20 s (--protocol rapid) or 0.1 °C \
            per 10 s (gradual) to --set-point; after --heating-seconds it heats again to \
            --maximum-set-point for --maximum-seconds (0 for no maximum step). The flux rises from --rest-flux \
            to --peak-flux at --time-to-peak, falls to --nadir-flux at --time-to-nadir and rises to \
            --plateau-flux by --time-to-plateau (biphasic; monophasic rises straight to the plateau), \
            then to --maximum-flux. The truth file lists the exact onset, step, times and levels.
            """)

    @OptionGroup var output: SimulationOutputOptions

    @Option(name: .customLong("protocol"), help: "rapid (1 °C per 20 s) or gradual (0.1 °C per 10 s).")
    var ramp: HeatingSimulation.Ramp = .rapid

    @Option(help: "biphasic (initial peak and nadir) or monophasic; default biphasic when rapid, monophasic when gradual.")
    var shape: HeatingSimulation.Shape?

    @Option(help: ArgumentHelp("Sample rate (32)." + OptionRanges.simulationRate.help, valueName: "HZ"))
    var rate: Double = 32

    @Option(name: .customLong("baseline-seconds"), help: ArgumentHelp("Rest before the onset (300)." + OptionRanges.heatingStage.help, valueName: "SECONDS"))
    var baselineSeconds: Double = 300

    @Option(name: .customLong("heating-seconds"), help: ArgumentHelp("Onset to the maximum step (1800)." + OptionRanges.heatingStage.help, valueName: "SECONDS"))
    var heatingSeconds: Double = 1800

    @Option(name: .customLong("maximum-seconds"), help: ArgumentHelp("Length of the maximum step; 0 for none (600)." + OptionRanges.maximumStage.help, valueName: "SECONDS"))
    var maximumSeconds: Double = 600

    @Option(name: .customLong("start-temperature"), help: ArgumentHelp("Probe temperature before heating (33)." + OptionRanges.probeTemperature.help, valueName: "CELSIUS"))
    var startTemperature: Double = 33

    @Option(name: .customLong("set-point"), help: ArgumentHelp("First set-point (42)." + OptionRanges.probeTemperature.help, valueName: "CELSIUS"))
    var setPoint: Double = 42

    @Option(name: .customLong("maximum-set-point"), help: ArgumentHelp("Set-point of the maximum step (44)." + OptionRanges.probeTemperature.help, valueName: "CELSIUS"))
    var maximumSetPoint: Double = 44

    @Option(name: .customLong("rest-flux"), help: ArgumentHelp("Flux before heating (10)." + OptionRanges.restFlux.help, valueName: "PU"))
    var restFlux: Double = 10

    @Option(name: .customLong("peak-flux"), help: ArgumentHelp("Initial peak (55)." + OptionRanges.restFlux.help, valueName: "PU"))
    var peakFlux: Double = 55

    @Option(name: .customLong("nadir-flux"), help: ArgumentHelp("Nadir after the peak (40)." + OptionRanges.restFlux.help, valueName: "PU"))
    var nadirFlux: Double = 40

    @Option(name: .customLong("plateau-flux"), help: ArgumentHelp("Plateau at the first set-point (85)." + OptionRanges.restFlux.help, valueName: "PU"))
    var plateauFlux: Double = 85

    @Option(name: .customLong("maximum-flux"), help: ArgumentHelp("Plateau of the maximum step (100)." + OptionRanges.restFlux.help, valueName: "PU"))
    var maximumFlux: Double = 100

    @Option(name: .customLong("time-to-peak"), help: ArgumentHelp("Onset to the initial peak (150)." + OptionRanges.heatingStage.help, valueName: "SECONDS"))
    var timeToPeak: Double = 150

    @Option(name: .customLong("time-to-nadir"), help: ArgumentHelp("Onset to the nadir (400)." + OptionRanges.heatingStage.help, valueName: "SECONDS"))
    var timeToNadir: Double = 400

    @Option(name: .customLong("time-to-plateau"), help: ArgumentHelp("Onset to the plateau (1200)." + OptionRanges.heatingStage.help, valueName: "SECONDS"))
    var timeToPlateau: Double = 1200

    @Option(help: ArgumentHelp("Relative white-noise level (SD over flux; 0.03)." + OptionRanges.noise.help, valueName: "FRACTION"))
    var noise: Double = 0.03

    @Option(help: ArgumentHelp("Relative flowmotion amplitude (0.02)." + OptionRanges.flowmotion.help, valueName: "FRACTION"))
    var flowmotion: Double = 0.02

    @Option(name: .customLong("temperature-unit"), help: "Unit of the probe-temperature channel: celsius, fahrenheit or kelvin.")
    var temperatureUnit: HeatingSimulation.TemperatureUnit = .celsius

    @Flag(name: .customLong("no-temperature"), help: "Leave out the probe-temperature channel.")
    var noTemperature = false

    @Flag(help: "Add 'Heating on' and 'Heating <max> °C' markers.")
    var markers = false

    @Flag(name: .customLong("zero-at-onset"), help: "Time axis 0 at the onset (the file starts at minus the baseline).")
    var zeroAtOnset = false

    func validate() throws {
        try OptionRanges.simulationRate.check(rate)
        for (value, option) in [(baselineSeconds, "--baseline-seconds"), (heatingSeconds, "--heating-seconds"), (timeToPeak, "--time-to-peak"),
                                (timeToNadir, "--time-to-nadir"), (timeToPlateau, "--time-to-plateau")] {
            try OptionRanges.heatingStage.named(option).check(value)
        }
        try OptionRanges.maximumStage.check(maximumSeconds)
        for (value, option) in [(startTemperature, "--start-temperature"), (setPoint, "--set-point"), (maximumSetPoint, "--maximum-set-point")] {
            try OptionRanges.probeTemperature.named(option).check(value)
        }
        for (value, option) in [(restFlux, "--rest-flux"), (peakFlux, "--peak-flux"), (nadirFlux, "--nadir-flux"), (plateauFlux, "--plateau-flux"),
                                (maximumFlux, "--maximum-flux")] {
            try OptionRanges.restFlux.named(option).check(value)
        }
        try OptionRanges.noise.check(noise)
        try OptionRanges.flowmotion.check(flowmotion)
        let simulation = simulation()
        try simulation.validate()
        try output.validate(durationSeconds: simulation.durationSeconds, rateHz: simulation.sampleRateHz)
    }

    /// The configuration: the protocol's preset, then every option.
    func simulation() -> HeatingSimulation {
        var s = HeatingSimulation.preset(ramp)
        if let shape { s.shape = shape }
        s.sampleRateHz = rate
        s.baselineSeconds = baselineSeconds
        s.heatingSeconds = heatingSeconds
        s.maximumSeconds = maximumSeconds
        s.startTemperatureC = startTemperature
        s.setPointC = setPoint
        s.maximumSetPointC = maximumSetPoint
        s.restFlux = restFlux
        s.peakFlux = peakFlux
        s.nadirFlux = nadirFlux
        s.plateauFlux = plateauFlux
        s.maximumFlux = maximumFlux
        s.timeToPeakSeconds = timeToPeak
        s.timeToNadirSeconds = timeToNadir
        s.timeToPlateauSeconds = timeToPlateau
        s.noiseLevel = noise
        s.flowmotionAmplitude = flowmotion
        s.temperatureUnit = temperatureUnit
        s.includesTemperatureChannel = !noTemperature
        s.includesEventMarkers = markers
        if zeroAtOnset { s.timeOriginSeconds = -baselineSeconds }
        return s
    }

    func run() throws {
        let simulation = simulation()
        let simulated = try simulation.generate(seed: output.seed)
        try output.write(simulated.recording, kind: "heating", truth: SimulationTruthPayload(configuration: simulation, expected: simulated.truth))
    }
}
