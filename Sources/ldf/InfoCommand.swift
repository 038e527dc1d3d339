import ArgumentParser
import Foundation
import LDFCore
import LDFReport
import LDFIO
import LDFSpectral

/// `ldf info FILE...`: what a recording holds and what was done to read it.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe recordings: duration, rates, channels, events, gaps and resolvable bands.",
        discussion: """
            With several files, text output describes each in turn and --format json prints an array \
            with one object per file. A band counts as resolvable when ldf bands (default settings, \
            the same --min-valid and --allow-short-bands) reports its values: its longest gap-free \
            stretch holds at least 5 cycles of the lower edge and at least --min-valid of the band's \
            coefficients lie inside the cone of influence.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var validity: BandValidityOptions

    @Option(help: "Output format: text or json.")
    var format: InfoFormat = .text

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        var reports: [RecordingInfo] = []
        for path in files {
            for recording in try input.readAll(path) { reports.append(RecordingInfo(recording, rule: validity.rule)) }
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
