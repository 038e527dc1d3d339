import ArgumentParser
import LDFCore
import LDFIO
import LDFReport

/// `ldf export FILE`: the recording as the toolkit analyses it (docs/METHODS.md §1.6).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a recording as the toolkit analyses it: the uniform grid, every channel, sample flags and events.",
        discussion: """
            CSV (the default) has one row per grid sample: time_s on the file's own axis, then per channel \
            its value as 'NAME [UNIT]' (empty where missing) and 'NAME flag': measured, filled (no row in \
            the file; interpolated across a time gap up to --max-bridge), bridged (a masked value: \
            non-finite, device sentinel or out of range, interpolated) or gap (no value). Channels stored \
            at another rate are resampled onto the grid. --format json prints the description instead of \
            the samples: columns with units, the flag legend, events, what reading did to each channel, \
            parameters and provenance; --metadata writes the same next to a CSV export.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: csv (the samples) or json (the description, without the samples).")
    var format: ExportFormat = .csv

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the samples or description; - is standard output.", valueName: "PATH"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Also write the events as CSV (time_s, end_s, label, kind) to this file.", valueName: "PATH"))
    var events: String?

    @Option(help: ArgumentHelp("Also write the JSON description (as --format json) to this file.", valueName: "PATH"))
    var metadata: String?

    @Argument(help: ArgumentHelp("Recording file; - reads standard input.", valueName: "FILE"))
    var file: String

    func run() throws {
        let recordings = try input.readAll(file)
        guard recordings.count == 1 else {
            throw LDFError(file, "holds \(recordings.count) recordings (sheets); ldf export writes one",
                           fix: "choose one with \(parameter: "sheet") NAME|INDEX")
        }
        let table = ExportTable(recordings[0])
        let description = ExportDescription(table, options: input.readOptions.assembly)
        if let events { try OutputFile.write(table.eventsTable.text, to: events, role: "the events", inputs: [file]) }
        if let metadata { try OutputFile.write(try ReportJSON.string(description) + "\n", to: metadata, role: "the description", inputs: [file]) }
        switch format {
        case .json: try OutputFile.write(try ReportJSON.string(description) + "\n", to: output, role: "the description", inputs: [file])
        case .csv: try writeSamples(table)
        }
    }

    /// Writes the samples table in chunks of rows (bounded memory on long recordings).
    func writeSamples(_ table: ExportTable) throws {
        let out = try OutputFile(output, role: "the export", inputs: [file])
        try out.write(table.csvHeader)
        let count = table.recording.sampleCount
        for start in stride(from: 0, to: count, by: Self.rowsPerChunk) {
            try out.write(table.csv(rows: start..<min(start + Self.rowsPerChunk, count)))
        }
        try out.commit()
    }

    /// Rows encoded before each write (about 1 MB of text for two channels).
    static let rowsPerChunk = 10_000
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}
