import Foundation
import LDFCore
import LDFIO
import LDFPORH
import LDFReport
import LDFSpectral
import LDFStream

/// One run of `ldf stream`: reads lines, grids samples, analyses windows, writes records.
struct StreamSession {
    let command: StreamCommand
    var lines = StandardInputLines()
    var malformed = 0
    /// The malformed line that stopped a `--strict` run (reported after the end record).
    var strictFailure: LDFError?
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
        let parsedFirst = first.map { line -> (StreamingLineParser.Line, Int, [Double]) in
            let parsed = parser.parse(line.bytes, number: line.number)
            return (parsed, line.number, parser.channelValues)
        }
        // The file's own time axis starts at the first time stamp (0 without time stamps).
        var origin = 0.0
        for case (.sample(let t?, _, _), _, _) in parsedFirst { origin = t; break }

        let rate: Double
        let rateSource: String
        if let given = command.input.rate {
            rate = given
            rateSource = "--rate"
        } else if parser.hasTime {
            var times: [Double] = []
            for case (.sample(let t?, _, _), _, _) in parsedFirst where times.last.map({ t > $0 }) ?? true { times.append(t) }
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

        let analysis = command.validity.applied(to: try command.spectral.settings())
        let settings = StreamWindowSettings(windowSeconds: command.window, hopSeconds: command.hop, analysis: analysis,
                                            shortBands: command.shortBands, artifactFlagFraction: command.artifactThreshold)
        let channels = parser.channelNames.indices
        // Gaps longer than anything the stream holds (window, PORH buffer) are skipped, not filled.
        let held = max(command.window, command.porh ? command.porhBuffer : 0)
        var grids = channels.map { _ in
            StreamingGrid(rateHz: rate, maxBridgeSeconds: command.input.maxBridgeSeconds, skipGapsLongerThanSeconds: held)
        }
        var bandStreams = try channels.map {
            try BandStream(sampleRateHz: rate, settings: settings, channelName: parser.channelNames[$0], channelUnit: parser.channelUnits[$0])
        }
        for diagnostic in bandStreams[0].droppedBands { printDiagnostic("ldf stream: \(diagnostic.message)") }
        var porh: OnlinePORH?
        if command.porh {
            var options = PORHOptions(site: command.site)
            options.meanArterialPressureMmHg = command.map
            options.maximumCVC = command.cvcMax
            porh = try OnlinePORH(sampleRateHz: rate, options: options, channelName: parser.channelName,
                                  channelUnit: parser.channelUnit, bufferSeconds: command.porhBuffer,
                                  recoverySeconds: command.porhRecovery, timeOriginSeconds: origin)
        }

        let parameters = StreamParametersRecord(settings: bandStreams[0].settings, sampleRateHz: rate, rateSource: rateSource,
                                                channel: parser.channelName, unit: parser.channelUnit,
                                                maxBridgeSeconds: command.input.maxBridgeSeconds, porh: command.porh)
        let header = StreamHeaderRecord(parameters: parameters, droppedBands: bandStreams[0].droppedBands, notes: parser.notes,
                                        channels: parser.channelNames, timeOriginSeconds: origin, startTime: parser.clockStart?.text)
        switch command.format {
        case .jsonl: try StandardOutput.writeLine(ReportJSON.line(header))
        case .csv: try StandardOutput.writeLine(CSVWriter.record(ReportColumns.names(of: StreamBandRow.self)))
        case .text:
            try StandardOutput.writeLine(StreamWindowRecord.textHeader(bands: bandStreams[0].settings.analysis.bandSet.bands.map(\.name),
                                                                       fluxUnit: parser.channelUnit))
        }
        if let path = command.headerFile {
            try OutputFile.write(try ReportJSON.string(header) + "\n", to: path, role: "--header-file")
        }

        // 2. Every line, the first ones included. Windows are analysed on --jobs threads; their
        //    records and the PORH lines go out through `output` in the order they arose.
        var windows = 0
        let output = OrderedWork<String>(capacity: 2 * (command.jobs ?? ProcessInfo.processInfo.activeProcessorCount)) { text in
            try StandardOutput.write(text)
        }
        let format = command.format, threshold = command.artifactThreshold, timeOrigin = origin
        func emit(_ jobs: [StreamWindowJob], channel: Int) throws {
            for job in jobs {
                if channel == 0 { windows += 1 }
                let name = parser.channelNames[channel], unit = parser.channelUnits[channel]
                try output.submit {
                    Self.text(of: job.run(), format: format, artifactThreshold: threshold, channel: name, fluxUnit: unit, timeOriginSeconds: timeOrigin)
                }
            }
        }
        func report(_ updates: [OnlinePORH.Update]) throws {
            for update in updates {
                switch command.format {
                case .jsonl:
                    try output.add(try StreamPORHLine.json(update, channel: parser.channelNames[0], fluxUnit: parser.channelUnits[0]) + "\n")
                case .csv: printDiagnostic("ldf stream: \(StreamPORHLine.text(update, fluxUnit: parser.channelUnits[0]))")
                case .text: try output.add(StreamPORHLine.text(update, fluxUnit: parser.channelUnits[0]) + "\n")
                }
            }
        }
        /// Grid samples of channel `k` into its band stream (and PORH for the first), passing over
        /// skipped gaps.
        func feed(_ ready: (values: [Double], flags: [GridSampleFlags], skips: [GridSkip]), channel k: Int) throws {
            func pass(_ range: Range<Int>) throws {
                guard !range.isEmpty else { return }
                let values = Array(ready.values[range])
                try emit(bandStreams[k].takeWindows(values, flags: Array(ready.flags[range])), channel: k)
                if k == 0, let updates = porh?.append(values) { try report(updates) }
            }
            var start = 0
            for skip in ready.skips {
                try pass(start..<skip.index)
                bandStreams[k].skip(skip.count)
                if k == 0 { porh?.skip(skip.count) }
                start = skip.index
            }
            try pass(start..<ready.values.count)
        }
        func handle(_ parsed: StreamingLineParser.Line, number: Int, values: [Double]) throws {
            switch parsed {
            case .skipped:
                return
            case .malformed(let reason):
                try reportMalformed(number: number, reason: reason)
            case .sample(let time, _, let label):
                if case .timeNotIncreasing(let previous) = grids[0].append(time: time, value: values[0]) {
                    try reportMalformed(number: number, reason: "time \(time ?? .nan) s is not after the previous \(previous) s")
                    return
                }
                for k in channels.dropFirst() { grids[k].append(time: time, value: values[k]) }
                if let label, porh != nil {
                    let at = time.map { $0 - (grids[0].origin ?? $0) } ?? Double(grids[0].producedCount - 1) / rate
                    porh?.addEvent(timeSeconds: at, label: label, kind: command.input.readOptions.assembly.eventMap?.kind(for: label))
                }
                for k in channels { try feed(grids[k].take(), channel: k) }
            }
        }
        for (parsed, number, values) in parsedFirst where strictFailure == nil { try handle(parsed, number: number, values: values) }
        if stoppedBy != "signal" {
            reading: while strictFailure == nil {
                switch lines.next() {
                case .line(let bytes, let number):
                    let parsed = parser.parse(bytes, number: number)
                    try handle(parsed, number: number, values: parser.channelValues)
                case .endOfInput: break reading
                case .stopRequested: stoppedBy = "signal"; break reading
                }
            }
        }
        if strictFailure != nil { stoppedBy = "malformed_line" }

        // 3. Flush what is complete.
        for k in channels {
            grids[k].finish()
            try feed(grids[k].take(), channel: k)
            if let last = bandStreams[k].finishWindow() { try emit([last], channel: k) }
        }
        if let updates = porh?.finish() { try report(updates) }
        try output.finish()
        if malformed > Self.reportedMalformedLines {
            printDiagnostic("ldf stream: \(malformed) malformed lines skipped in all")
        }
        if command.format == .jsonl {
            let counts = channels.map { StreamChannelCountsRecord(channel: parser.channelNames[$0], grid: grids[$0], timeOriginSeconds: origin) }
            try StandardOutput.writeLine(ReportJSON.line(StreamEndRecord(samples: bandStreams[0].sampleCount, lines: lines.lineNumber,
                                                                         malformedLines: malformed, windows: windows, stoppedBy: stoppedBy,
                                                                         channels: counts)))
        }
        if let strictFailure { throw strictFailure }
    }

    /// A window's record as written: a JSON or text line, or its CSV rows.
    static func text(of result: StreamWindowResult, format: StreamFormat, artifactThreshold: Double, channel: String, fluxUnit: String,
                     timeOriginSeconds origin: Double) -> String {
        switch format {
        case .jsonl, .text:
            let record = StreamWindowRecord(result, artifactThreshold: artifactThreshold, channel: channel, fluxUnit: fluxUnit, timeOriginSeconds: origin)
            guard format == .jsonl else { return record.textLine + "\n" }
            do { return try ReportJSON.line(record) + "\n" } catch { preconditionFailure("a stream window record always encodes: \(error)") }
        case .csv:
            let rows = StreamBandRow.rows(result, artifactThreshold: artifactThreshold, channel: channel, fluxUnit: fluxUnit, timeOriginSeconds: origin)
            return rows.map { CSVWriter.record(ReportColumns.texts(of: $0)) + "\n" }.joined()
        }
    }

    /// Counts a malformed line and reports it; under `--strict` it stops the run (after the
    /// records of what came before it and the end record).
    mutating func reportMalformed(number: Int, reason: String) throws {
        malformed += 1
        if command.strict {
            strictFailure = LDFError("standard input line \(number)", reason, fix: "repair the line, or drop --strict to skip such lines")
            return
        }
        if malformed <= Self.reportedMalformedLines {
            printDiagnostic("ldf stream: line \(number): \(reason); skipped")
        }
    }
}
