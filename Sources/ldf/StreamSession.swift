import Foundation
import LDFCore
import LDFIO
import LDFPORH
import LDFSpectral
import LDFStream

/// One run of `ldf stream`: reads lines, grids samples, analyses windows, writes records.
struct StreamSession {
    let command: StreamCommand
    var lines = StandardInputLines()
    var output = StandardOutputLines()
    var malformed = 0
    /// Malformed lines reported one by one on standard error before only counting them.
    static let reportedMalformedLines = 20

    init(command: StreamCommand) throws {
        self.command = command
    }

    mutating func run() throws {
        // 1. The first lines decide the layout (and the rate, from time stamps, unless given).
        var first: [(bytes: [UInt8], number: Int)] = []
        var stoppedBy = "end_of_input"
        collect: while first.filter({ !$0.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }).count < StreamingLineParser.inspectedLines {
            switch lines.next() {
            case .line(let bytes, let number): first.append((bytes, number))
            case .endOfInput: break collect
            case .stopRequested: stoppedBy = "signal"; break collect
            }
        }
        guard !first.isEmpty else {
            throw LDFError("standard input", "no input arrived", fix: "pipe samples into ldf stream, e.g. `cat data.csv | ldf stream`")
        }
        var joined: [UInt8] = []
        for line in first { joined += line.bytes; joined.append(0x0A) }
        var parser = try StreamingLineParser(firstLines: joined, options: command.input.readOptions)
        let parsedFirst = first.map { (parser.parse($0.bytes, number: $0.number), $0.number) }

        let rate: Double
        let rateSource: String
        if let given = command.input.rate {
            rate = given
            rateSource = "--rate"
        } else if parser.hasTime {
            var times: [Double] = []
            for case (.sample(let t?, _, _), _) in parsedFirst where times.last.map({ t > $0 }) ?? true { times.append(t) }
            guard times.count >= 2 else {
                throw LDFError("standard input", "the first lines hold fewer than 2 increasing time stamps, so the rate cannot be measured",
                               fix: "give the rate with --rate HZ")
            }
            rate = RecordingAssembler.rates(forTimes: times).gridHz
            rateSource = "measured from the first \(times.count) time stamps"
        } else {
            throw LDFError("standard input", "the lines carry no time stamps and no sample rate was given",
                           fix: "give the rate with --rate HZ (e.g. --rate 40)")
        }

        let analysis = try command.spectral.settings()
        let settings = StreamWindowSettings(windowSeconds: command.window, hopSeconds: command.hop, analysis: analysis,
                                            shortBands: command.shortBands, artifactFlagFraction: command.artifactThreshold)
        var grid = StreamingGrid(rateHz: rate, maxBridgeSeconds: command.input.maxBridgeSeconds)
        var bands = try BandStream(sampleRateHz: rate, settings: settings, channelName: parser.channelName, channelUnit: parser.channelUnit)
        for diagnostic in bands.droppedBands { printDiagnostic("ldf stream: \(diagnostic.message)") }
        var porh: OnlinePORH?
        if command.porh {
            var options = PORHOptions(site: command.site)
            options.meanArterialPressureMmHg = command.map
            porh = try OnlinePORH(sampleRateHz: rate, options: options, channelName: parser.channelName,
                                  channelUnit: parser.channelUnit, bufferSeconds: command.porhBuffer,
                                  recoverySeconds: command.porhRecovery)
        }

        let header = StreamHeaderJSON(settings: bands.settings, sampleRateHz: rate, rateSource: rateSource, channel: parser.channelName,
                                      unit: parser.channelUnit, dropped: bands.droppedBands, notes: parser.notes,
                                      maxBridgeSeconds: command.input.maxBridgeSeconds, porh: command.porh)
        switch command.format {
        case .jsonl: output.write(try jsonLine(header))
        case .csv:
            output.write(StreamCSV.comment(header))
            output.write(StreamCSV.header)
        }

        // 2. Every line, the first ones included.
        var windows = 0
        func emit(_ results: [StreamWindowResult], _ output: inout StandardOutputLines) throws {
            for result in results {
                windows += 1
                switch command.format {
                case .jsonl: output.write(try jsonLine(StreamWindowJSON(result: result, artifactThreshold: command.artifactThreshold)))
                case .csv: for row in StreamCSV.rows(result, artifactThreshold: command.artifactThreshold) { output.write(row) }
                }
            }
        }
        func report(_ updates: [OnlinePORH.Update], _ output: inout StandardOutputLines) throws {
            for update in updates {
                switch command.format {
                case .jsonl: output.write(try jsonLine(StreamPORHJSON(update)))
                case .csv: printDiagnostic("ldf stream: \(StreamPORHJSON(update).summary)")
                }
            }
        }
        func handle(_ parsed: StreamingLineParser.Line, number: Int) throws {
            switch parsed {
            case .skipped:
                return
            case .malformed(let reason):
                try reportMalformed(number: number, reason: reason)
            case .sample(let time, let value, let label):
                if case .timeNotIncreasing(let previous) = grid.append(time: time, value: value) {
                    try reportMalformed(number: number, reason: "time \(time ?? .nan) s is not after the previous \(previous) s")
                    return
                }
                if let label, porh != nil {
                    let at = time.map { $0 - (grid.origin ?? $0) } ?? Double(grid.producedCount - 1) / rate
                    porh?.addEvent(timeSeconds: at, label: label)
                }
                let ready = grid.take()
                if !ready.values.isEmpty {
                    try emit(bands.append(ready.values, flags: ready.flags), &output)
                    if let updates = porh?.append(ready.values) { try report(updates, &output) }
                }
            }
        }
        for (parsed, number) in parsedFirst { try handle(parsed, number: number) }
        if stoppedBy != "signal" {
            reading: while !output.closed {
                switch lines.next() {
                case .line(let bytes, let number): try handle(parser.parse(bytes, number: number), number: number)
                case .endOfInput: break reading
                case .stopRequested: stoppedBy = "signal"; break reading
                }
            }
        }
        if output.closed { return }

        // 3. Flush what is complete.
        grid.finish()
        let rest = grid.take()
        if !rest.values.isEmpty {
            try emit(bands.append(rest.values, flags: rest.flags), &output)
            if let updates = porh?.append(rest.values) { try report(updates, &output) }
        }
        if let last = bands.finish() { try emit([last], &output) }
        if let updates = porh?.finish() { try report(updates, &output) }
        if malformed > Self.reportedMalformedLines {
            printDiagnostic("ldf stream: \(malformed) malformed lines skipped in all")
        }
        if command.format == .jsonl {
            output.write(try jsonLine(StreamEndJSON(samples: bands.sampleCount, lines: lines.lineNumber, malformedLines: malformed,
                                                    maskedSamples: grid.maskedSamples, interpolatedSamples: grid.interpolatedSamples,
                                                    resampledGaps: grid.resampledGaps, gaps: grid.gaps, windows: windows,
                                                    stoppedBy: stoppedBy)))
        }
    }

    mutating func reportMalformed(number: Int, reason: String) throws {
        malformed += 1
        if command.strict {
            throw LDFError("standard input line \(number)", reason, fix: "repair the line, or drop --strict to skip such lines")
        }
        if malformed <= Self.reportedMalformedLines {
            printDiagnostic("ldf stream: line \(number): \(reason); skipped")
        }
    }
}
