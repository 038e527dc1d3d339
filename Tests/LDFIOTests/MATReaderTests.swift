import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// MATLAB level 5 files written by scipy.io.savemat (plain and zlib-compressed, a struct, a
/// matrix, an int16 vector) and a version 7.3 file written with h5py (Tests/Fixtures/mat):
/// values checked against scipy.io.loadmat.
@Suite struct MATReaderTests {
    let reference = try! ReferenceReading.load("mat")

    func path(_ name: String) -> String { Fixture.format("mat", name) }

    @Test func obviousSignalTimeAndRateArePickedAndNamed() throws {
        let recording = try RecordingReader.read(path: path("flux.mat"))
        let expected = try #require(reference.files["flux.mat"])
        #expect(recording.provenance.reader == "mat")
        #expect(recording.perfusion.name == "flux")
        #expect(recording.sampleRateHz == 40)
        expectMatches(recording.perfusion.values, expected.signals[0])
        #expect(recording.provenance.notes.first == "MATLAB: signal 'flux' (2400 samples), time 't' (s), rate 'fs' = 40 Hz")
    }

    @Test func compressedStructFields() throws {
        let recording = try RecordingReader.read(path: path("struct-compressed.mat"))
        let expected = try #require(reference.files["struct-compressed.mat"])
        #expect(recording.channels.map(\.name) == ["rec.ldf", "rec.temp"])
        #expect(recording.perfusion.name == "rec.ldf")
        #expect(recording.sampleRateHz == 40)
        expectMatches(recording.channels[0].values, expected.signals[0])
        expectMatches(recording.channels[1].values, expected.signals[1])
    }

    @Test func matrixColumnsAndNamedVariables() throws {
        let expected = try #require(reference.files["matrix.mat"])
        var options = ReadOptions()
        options.mat = MATVariableChoice(signal: "data", rate: "srate")
        let recording = try RecordingReader.read(path: path("matrix.mat"), options: options)
        #expect(recording.channels.map(\.name) == ["data(:,1)", "data(:,2)"])
        expectMatches(recording.channels[0].values, expected.signals[0])
        expectMatches(recording.channels[1].values, expected.signals[1])
        options.mat = MATVariableChoice(signal: "data(:,2)", rate: "25")
        let second = try RecordingReader.read(path: path("matrix.mat"), options: options)
        #expect(second.channels.map(\.name) == ["data(:,2)"])
        #expect(second.sampleRateHz == 25)
    }

    @Test func integerStorage() throws {
        let recording = try RecordingReader.read(path: path("int16.mat"))
        let expected = try #require(reference.files["int16.mat"])
        #expect(recording.sampleRateHz == 10)
        expectMatches(recording.perfusion.values, expected.signals[0])
    }

    @Test func noNumericVectorNamesWhatIsThere() throws {
        let e = try #require(readError(path("bad-no-numeric.mat")))
        #expect(e.context.hasSuffix("bad-no-numeric.mat"))
        #expect(e.message.contains("no numeric vector") && e.message.contains("note (char)"))
    }

    @Test func noRateOrTime() throws {
        let e = try #require(readError(path("bad-no-rate.mat")))
        #expect(e.message.contains("no time vector and no sample rate") && e.message.contains("signal [100]"))
        #expect(e.fix?.contains("matRate") == true)
    }

    @Test func unknownVariableNamesTheOption() throws {
        var options = ReadOptions()
        options.mat.signal = "nothing"
        let e = try #require(readError(path("flux.mat"), options: options))
        #expect(e.context == "matSignal")
        #expect(e.message.contains("'nothing'") && e.message.contains("flux [2400]"))
    }

    @Test func version73IsRefusedNamingTheVersion() throws {
        let e = try #require(readError(path("v73.mat")))
        #expect(e.context.hasSuffix("v73.mat"))
        #expect(e.message.contains("version 7.3") && e.message.contains("HDF5"))
        #expect(e.fix?.contains("-v7") == true)
    }

    @Test func truncatedCompressedFile() throws {
        let e = try #require(readError(path("bad-truncated.mat")))
        #expect(e.context.hasSuffix("bad-truncated.mat"))
        #expect(e.fix?.contains("truncated") == true || e.fix?.contains("again") == true)
    }
}
