import ArgumentParser
import LDFCore
import LDFSpectral

/// `--channels X,Y` and the reading of a signal pair, shared by the commands that analyse two
/// signals (`ldf coherence`, `ldf bispectrum`, `ldf coupling`): two channels of one file, or one
/// channel of each of two files.
struct ChannelPairOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Two channels (name or 1-based number): both of one FILE, or the first of FILE A and the second of FILE B.",
                               valueName: "X,Y"))
    var channels: String?

    /// The two channel selectors of `--channels X,Y`.
    func channelPair() throws -> (ChannelSelector, ChannelSelector)? {
        guard let channels else { return nil }
        let parts = channels.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw LDFError("--channels", "'\(channels)' is not two channels", fix: "give two names or numbers separated by a comma, e.g. --channels 1,2")
        }
        return (ChannelSelector(parts[0]), ChannelSelector(parts[1]))
    }

    func validate() throws {
        do { _ = try channelPair() } catch let error as LDFError { throw ValidationError(error.description) }
    }

    /// The two sides read from `files` (one file with `--channels`, or two files).
    func signals(_ files: [String], input: InputOptions, purpose: String = "coherence between its channels") throws -> (CoherenceSignal, CoherenceSignal) {
        let pair = try channelPair()
        if files.count == 1 {
            let recording = try input.read(files[0]).resampledToCommonGrid(for: purpose)
            guard let pair else { throw LDFError("--channels", "one file needs two channels", fix: "add --channels X,Y") }
            let names = recording.channels.map(\.name)
            let first = try pair.0.resolve(in: names, source: files[0]), second = try pair.1.resolve(in: names, source: files[0])
            guard first != second else {
                throw LDFError("--channels", "both select channel '\(names[first])'", fix: "name two different channels")
            }
            return (CoherenceSignal(recording: recording, channelIndex: first), CoherenceSignal(recording: recording, channelIndex: second))
        }
        let recordings = try files.map { try input.read($0) }
        let indices = try [pair?.0, pair?.1].enumerated().map { i, selector in
            try selector.map { try $0.resolve(in: recordings[i].channels.map(\.name), source: files[i]) }
        }
        return (CoherenceSignal(recording: recordings[0], channelIndex: indices[0]),
                CoherenceSignal(recording: recordings[1], channelIndex: indices[1]))
    }

    /// The analysis of one file's channel (`alone`, for one file without `--channels`) or of the
    /// two sides of `signals` (`both`), for the commands that take one signal or a pair.
    func analysis<Analysis>(_ files: [String], input: InputOptions, purpose: String, alone: (Recording) throws -> Analysis,
                            both: (CoherenceSignal, CoherenceSignal) throws -> Analysis) throws -> Analysis {
        if files.count == 1 && channels == nil { return try alone(try input.read(files[0])) }
        let (a, b) = try signals(files, input: input, purpose: purpose)
        return try both(a, b)
    }

    /// Checks the file count: two files, or one with `--channels` (or, when `single` allows it,
    /// one file alone).
    func validate(files: [String], allowSingle: Bool) throws {
        let ok = files.count == 2 || (files.count == 1 && (channels != nil || allowSingle))
        guard ok else {
            throw ValidationError("give two files, or one file with --channels X,Y (got \(files.count) file(s))")
        }
        if files.count == 2 && files[0] == "-" && files[1] == "-" {
            throw ValidationError("standard input can be read only once; give it as one of the files, or use --channels")
        }
    }
}
