import ArgumentParser
import Foundation
import LDFCore
import LDFReport
import LDFIO

/// `ldf info FILE...`: what a recording holds and what was done to read it.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe recordings: duration, rates, channels, events, gaps and resolvable bands.",
        discussion: """
            With several files, text output describes each in turn and --format json prints an array \
            with one object per file. A band counts as resolvable when the recording holds at least \
            5 cycles of its lower edge.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: InfoFormat = .text

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        var reports: [RecordingInfo] = []
        for path in files {
            for recording in try input.readAll(path) { reports.append(RecordingInfo(recording)) }
        }
        switch format {
        case .json:
            if reports.count == 1 {
                try StandardOutput.writeLine(ReportJSON.string(reports[0]))
            } else {
                try StandardOutput.writeLine(ReportJSON.string(reports))
            }
        case .text:
            try StandardOutput.writeLine(reports.map(\.text).joined(separator: "\n"))
        }
    }
}

enum InfoFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
