import ArgumentParser
import LDFCore
import LDFSimulation

extension IontophoresisSimulation.Drug: ExpressibleByArgument {}

/// `ldf simulate iontophoresis`: a drug probe and a vehicle probe under the same current pulses,
/// with known plateaus per dose.
struct SimulateIontophoresisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iontophoresis",
        abstract: "Iontophoresis: a drug probe (ACh or SNP) and a vehicle probe under the same pulses, cumulative dose responses with known plateaus.",
        discussion: """
            After --rest-seconds, one pulse per plateau lasts --pulse-seconds at --current (charge = \
            current × duration), each followed by --off-seconds without current. --latency-seconds after \
            a pulse starts, each probe's flux rises over --rise-seconds (a smooth step) to its next \
            plateau (--plateaus for the drug, --vehicle-plateaus for the vehicle's smaller \
            current-induced response); after the last dose it falls back to rest over --fall-seconds \
            and rests for --tail-seconds. --dips adds a short dip at every pulse start. The truth file \
            lists pulses, charges, plateaus, changes, half-rise times and areas.
            """)

    @OptionGroup var output: SimulationOutputOptions

    @Option(help: "Drug of the first probe: ach or snp.")
    var drug: IontophoresisSimulation.Drug = .ach

    @Option(help: ArgumentHelp("Sample rate (32)." + OptionRanges.simulationRate.help, valueName: "HZ"))
    var rate: Double = 32

    @Option(name: .customLong("rest-seconds"), help: ArgumentHelp("Rest before the first pulse (300)." + OptionRanges.restSeconds.help, valueName: "SECONDS"))
    var restSeconds: Double = 300

    @Option(name: .customLong("pulse-seconds"), help: ArgumentHelp("Length of each pulse (20)." + OptionRanges.iontophoresisStage.help, valueName: "SECONDS"))
    var pulseSeconds: Double = 20

    @Option(name: .customLong("off-seconds"), help: ArgumentHelp("Current-free time after each pulse (60)." + OptionRanges.iontophoresisStage.help, valueName: "SECONDS"))
    var gapSeconds: Double = 60

    @Option(help: ArgumentHelp("Current of every pulse (0.1)." + OptionRanges.iontophoresisCurrent.help, valueName: "MA"))
    var current: Double = 0.1

    @Option(name: .customLong("rest-flux"), help: ArgumentHelp("Drug probe's flux at rest (10)." + OptionRanges.restFlux.help, valueName: "PU"))
    var restFlux: Double = 10

    @Option(help: ArgumentHelp("Drug probe's plateau after each dose, rising (16,25,38,52,60).", valueName: "PU,..."))
    var plateaus: String = "16,25,38,52,60"

    @Option(name: .customLong("vehicle-rest-flux"), help: ArgumentHelp("Vehicle probe's flux at rest (9)." + OptionRanges.restFlux.help, valueName: "PU"))
    var vehicleRestFlux: Double = 9

    @Option(name: .customLong("vehicle-plateaus"), help: ArgumentHelp("Vehicle probe's plateau after each dose, one per drug plateau (9.5,10,10.6,11.2,11.8).", valueName: "PU,..."))
    var vehiclePlateaus: String = "9.5,10,10.6,11.2,11.8"

    @Option(name: .customLong("latency-seconds"), help: ArgumentHelp("Pulse start to the start of each rise (10)." + OptionRanges.iontophoresisLatency.help, valueName: "SECONDS"))
    var latencySeconds: Double = 10

    @Option(name: .customLong("rise-seconds"), help: ArgumentHelp("Length of each rise (40)." + OptionRanges.iontophoresisStage.help, valueName: "SECONDS"))
    var riseSeconds: Double = 40

    @Option(name: .customLong("fall-seconds"), help: ArgumentHelp("Return to rest after the last dose (120)." + OptionRanges.iontophoresisStage.help, valueName: "SECONDS"))
    var fallSeconds: Double = 120

    @Option(name: .customLong("tail-seconds"), help: ArgumentHelp("Rest after the return (120)." + OptionRanges.iontophoresisLatency.help, valueName: "SECONDS"))
    var tailSeconds: Double = 120

    @Option(help: ArgumentHelp("Relative white-noise level (SD over flux; 0.03)." + OptionRanges.noise.help, valueName: "FRACTION"))
    var noise: Double = 0.03

    @Option(help: ArgumentHelp("Relative flowmotion amplitude (0.02)." + OptionRanges.flowmotion.help, valueName: "FRACTION"))
    var flowmotion: Double = 0.02

    @Flag(help: "Add a 30 % dip of 4 s at every pulse start.")
    var dips = false

    @Flag(help: "Add 'Pulse N on' and 'Pulse N off' markers.")
    var markers = false

    func validate() throws {
        try OptionRanges.simulationRate.check(rate)
        try OptionRanges.restSeconds.check(restSeconds)
        for (value, option) in [(pulseSeconds, "--pulse-seconds"), (gapSeconds, "--off-seconds"), (riseSeconds, "--rise-seconds"), (fallSeconds, "--fall-seconds")] {
            try OptionRanges.iontophoresisStage.named(option).check(value)
        }
        try OptionRanges.iontophoresisLatency.check(latencySeconds)
        try OptionRanges.iontophoresisLatency.named("--tail-seconds").check(tailSeconds)
        try OptionRanges.iontophoresisCurrent.check(current)
        try OptionRanges.restFlux.check(restFlux)
        try OptionRanges.restFlux.named("--vehicle-rest-flux").check(vehicleRestFlux)
        _ = try levels(plateaus, option: "--plateaus")
        _ = try levels(vehiclePlateaus, option: "--vehicle-plateaus")
        try OptionRanges.noise.check(noise)
        try OptionRanges.flowmotion.check(flowmotion)
        let simulation = try simulation()
        try simulation.validate()
        try output.validate(durationSeconds: simulation.durationSeconds, rateHz: simulation.sampleRateHz)
    }

    /// Comma-separated plateaus, each within the flux range, at most `OptionRanges.iontophoresisDoses`.
    func levels(_ text: String, option: String) throws -> [Double] {
        let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.count <= OptionRanges.iontophoresisDoses, values.allSatisfy({ $0 != nil }) else {
            throw ValidationError("\(option) '\(text)': give 1 to \(OptionRanges.iontophoresisDoses) plateaus in PU separated by commas, e.g. 16,25,38")
        }
        for value in values { try OptionRanges.restFlux.named(option).check(value!) }
        return values.map { $0! }
    }

    /// The configuration: defaults, then every option.
    func simulation() throws -> IontophoresisSimulation {
        var s = IontophoresisSimulation()
        s.drug = drug
        s.sampleRateHz = rate
        s.restSeconds = restSeconds
        s.pulseSeconds = pulseSeconds
        s.gapSeconds = gapSeconds
        s.currentMilliamps = current
        s.restFlux = restFlux
        s.plateaus = try levels(plateaus, option: "--plateaus")
        s.vehicleRestFlux = vehicleRestFlux
        s.vehiclePlateaus = try levels(vehiclePlateaus, option: "--vehicle-plateaus")
        s.latencySeconds = latencySeconds
        s.riseSeconds = riseSeconds
        s.fallSeconds = fallSeconds
        s.tailSeconds = tailSeconds
        s.noiseLevel = noise
        s.flowmotionAmplitude = flowmotion
        s.dipsAtPulses = dips
        s.includesEventMarkers = markers
        return s
    }

    func run() throws {
        let simulation = try simulation()
        let simulated = try simulation.generate(seed: output.seed)
        try output.write(simulated.recording, kind: "iontophoresis", truth: SimulationTruthPayload(configuration: simulation, expected: simulated.truth))
    }
}
