import Testing
import LDFCore
import LDFProtocols
import LDFSimulation
import LDFTestSupport

/// Bad and unusual heating inputs (issue 16, "Bad input"; docs/METHODS.md §18.2): no onset,
/// temperatures in °F or kelvin, temperatures in no scale, times outside the recording, missing stages.
@Suite struct HeatingBadInputTests {
    /// A short rapid recording at 2 Hz: 120 s rest, 900 s at 42 °C, 300 s at 44 °C.
    static func simulation() -> HeatingSimulation {
        var s = HeatingSimulation.preset(.rapid)
        s.sampleRateHz = 2
        s.baselineSeconds = 120
        s.heatingSeconds = 900
        s.maximumSeconds = 300
        s.timeToPlateauSeconds = 600
        return s
    }

    /// A resting recording with a probe at 33 °C that never heats.
    static func unheated() throws -> Recording {
        var s = simulation()
        s.setPointC = 33.4
        s.maximumSeconds = 0
        return try s.generate(seed: 3).recording
    }

    @Test func noOnsetSaysWhatTheTemperatureShowed() throws {
        let error = try #require(throws: LDFError.self) { try HeatingAnalysis.analyze(try Self.unheated()) }
        #expect(error.message.contains("no heating onset found"), "\(error)")
        #expect(error.message.contains("the file has no events"), "\(error)")
        #expect(error.message.contains("temperature channel 'Probe temperature' ranged 32.9"), "\(error)")
        #expect(error.message.contains("largest rise 0.4"), "\(error)")
        #expect(error.fix?.contains("onset") == true, "\(error)")
    }

    @Test func noOnsetWithoutTemperatureOrEvents() throws {
        var s = Self.simulation()
        s.includesTemperatureChannel = false
        let error = try #require(throws: LDFError.self) { try HeatingAnalysis.analyze(try s.generate(seed: 4).recording) }
        #expect(error.message.contains("the file has no events") && error.message.contains("no temperature channel"), "\(error)")
    }

    @Test(arguments: [HeatingSimulation.TemperatureUnit.fahrenheit, .kelvin])
    func fahrenheitAndKelvinAreConvertedAndSaidSo(_ unit: HeatingSimulation.TemperatureUnit) throws {
        var s = Self.simulation()
        s.temperatureUnit = unit
        let simulated = try s.generate(seed: 5)
        let result = try HeatingAnalysis.analyze(simulated.recording)
        #expect(abs(result.onset.seconds - simulated.truth.fileOnsetSeconds) <= 1)
        #expect(abs((result.setPointC ?? 0) - 42) < 0.05, "set-point \(String(describing: result.setPointC)) °C")
        let note = try #require(result.diagnostics.first { $0.code == "temperature_unit" })
        #expect(note.message.contains(unit == .kelvin ? "in K" : "in °F") && note.message.contains("converted to °C"), "\(note)")
    }

    /// Without a unit the values decide: 306-317 can only be kelvin.
    @Test func kelvinWithoutUnitIsJudgedFromValues() throws {
        var s = Self.simulation()
        s.temperatureUnit = .kelvin
        var recording = try s.generate(seed: 6).recording
        recording.channels[1].unit = ""
        let result = try HeatingAnalysis.analyze(recording)
        let note = try #require(result.diagnostics.first { $0.code == "temperature_unit" })
        #expect(note.message.contains("judged from its values"), "\(note)")
        #expect(abs((result.setPointC ?? 0) - 42) < 0.05)
    }

    @Test func temperatureInNoScaleIsAnErrorNamingTheChannel() throws {
        var recording = try Self.unheated()
        recording.channels[1].unit = ""
        recording.channels[1].values = recording.channels[1].values.map { $0 * 10 }
        let error = try #require(throws: LDFError.self) { try HeatingAnalysis.analyze(recording) }
        #expect(error.context.contains("Probe temperature") && error.message.contains("no skin temperature"), "\(error)")
    }

    /// An unreadable temperature channel does not stop a recording timed by the user: a warning.
    @Test func unreadableTemperatureIsAWarningWhenTheOnsetIsGiven() throws {
        var recording = try Self.simulation().generate(seed: 7).recording
        recording.channels[1].unit = ""
        recording.channels[1].values = recording.channels[1].values.map { $0 * 10 }
        var options = HeatingOptions()
        options.onsetSeconds = 120
        let result = try HeatingAnalysis.analyze(recording, options: options)
        #expect(result.onset.source == .user)
        #expect(result.diagnostics.contains { $0.code == "temperature_unreadable" })
    }

    @Test func onsetOutsideTheRecordingIsAnError() throws {
        var options = HeatingOptions()
        options.onsetSeconds = 5000
        let error = try #require(throws: LDFError.self) { try HeatingAnalysis.analyze(try Self.simulation().generate(seed: 8).recording, options: options) }
        #expect(error.message.contains("outside the recording"), "\(error)")
    }

    /// Without a maximum step: the maximum and %CVCmax are missing with reasons, until a maximal
    /// CVC is given.
    @Test func noMaximumStepLeavesPercentMissingUnlessGiven() throws {
        var s = Self.simulation()
        s.maximumSeconds = 0
        let recording = try s.generate(seed: 9).recording
        let plain = try HeatingAnalysis.analyze(recording)
        #expect(plain.maximumStep == nil)
        #expect(plain[.maximum].flux.reason?.contains("no maximum step") == true)
        #expect(plain[.plateau].percentCVCMax.value == nil && plain[.plateau].percentCVCMax.reason?.contains("no maximal CVC") == true)
        var options = HeatingOptions()
        options.meanArterialPressureMmHg = 100
        options.maximumCVC = 1.0
        let given = try HeatingAnalysis.analyze(recording, options: options)
        let plateau = try #require(given[.plateau].flux.value)
        #expect(given.cvcMaxSource == "cvc_max")
        #expect(abs((given[.plateau].percentCVCMax.value ?? 0) - plateau) < 1e-9, "100 (plateau / 100) / 1.0 = plateau")
    }

    @Test func monophasicResponseHasNoPeakWithAReason() throws {
        var s = Self.simulation()
        s.shape = .monophasic
        let result = try HeatingAnalysis.analyze(try s.generate(seed: 10).recording)
        #expect(result.biphasic == false)
        #expect(result[.initialPeak].flux.reason?.hasPrefix("monophasic") == true)
        #expect(result[.nadir].flux.value == nil && result.nadirTime.value == nil)
    }

    @Test func cvcMaxNeedsMap() {
        var options = HeatingOptions()
        options.maximumCVC = 1
        #expect(throws: LDFError.self) { try options.validate() }
    }
}

/// Skin that does not respond (a resting recording timed by hand): no peak read into its
/// flowmotion, and a warning that the plateau is not above baseline.
@Suite struct HeatingNoResponseTests {
    @Test func restingFlowmotionIsNoResponse() throws {
        var s = HeatingBadInputTests.simulation()
        s.includesTemperatureChannel = false
        s.shape = .monophasic
        s.plateauFlux = 10.5
        s.maximumSeconds = 0
        s.flowmotionAmplitude = 0.1
        var options = HeatingOptions()
        options.onsetSeconds = 120
        let result = try HeatingAnalysis.analyze(try s.generate(seed: 12).recording, options: options)
        #expect(result.biphasic == false, "flowmotion read as a peak: \(String(describing: result[.initialPeak].flux.value))")
        #expect(result.diagnostics.contains { $0.code == "no_response" }, "\(result.diagnostics)")
    }
}
