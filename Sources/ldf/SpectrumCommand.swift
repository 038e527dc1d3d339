import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFReport
import LDFSpectral

/// `ldf spectrum FILE`: the time-averaged wavelet spectrum (or Welch density) of one recording.
struct SpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Time-averaged wavelet amplitude and power per frequency (or the Welch density) of one recording.",
        discussion: """
            Wavelet: one row per analysed frequency with the mean |W| (amplitude, signal unit), mean \
            |W|^2 (power) and the share of time inside the cone of influence. Welch: one row per bin \
            between fmin and fmax with the power spectral density (unit^2/Hz). Same options as \
            `ldf bands`; results go to standard output, warnings to standard error. With several \
            channels (--channel all or 1,3) the CSV rows name their channel and JSON is an array \
            with one object per channel.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var spectral: SpectralOptions

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Also write the decimated wavelet scalogram with its cone of influence: JSON for a .json path, else CSV.",
                               valueName: "PATH"))
    var scalogram: String?

    @Option(name: .customLong("scalogram-step"), help: ArgumentHelp("Time step of the scalogram." + OptionRanges.scalogramStep.help, valueName: "SECONDS"))
    var scalogramStep: Double = 1

    @Argument(help: ArgumentHelp("Recording file; - reads standard input.", valueName: "FILE"))
    var file: String

    func validate() throws {
        try OptionRanges.scalogramStep.check(scalogramStep)
        guard scalogramStep > 0, scalogramStep.isFinite else {
            throw ValidationError("--scalogram-step: \(scalogramStep) s must be positive; e.g. --scalogram-step 1")
        }
        if scalogram != nil, spectral.method != .wavelet {
            throw ValidationError("--scalogram: a scalogram needs --method wavelet")
        }
    }

    func run() throws {
        let settings = try spectral.settings()
        let recordings = try input.readChannels(file)
        if scalogram != nil && recordings.count > 1 {
            throw LDFError("--scalogram", "a scalogram is written for one channel, but \(recordings.count) are analysed",
                           fix: "pick its channel with --channel NAME")
        }
        var outputs: [SpectrumRecord] = []
        for recording in recordings {
            let analysis = try BandAnalysis(recording: recording, settings: settings,
                                            scalogramStepSeconds: scalogram == nil ? nil : scalogramStep)
            for d in analysis.signalDiagnostics { printDiagnostic("\(file): \(d)") }
            if let path = scalogram, let grid = analysis.scalogram {
                try SpectralScalogram.write(grid, source: file, channel: analysis.channel, unit: recording.perfusion.unit, to: path, inputs: [file])
            }
            outputs.append(SpectrumRecord(settings: settings, analysis: analysis, startTime: recording.clockStart?.text))
        }
        switch format {
        case .json:
            try StandardOutput.writeLine(outputs.count == 1 ? try ReportJSON.string(outputs[0]) : try ReportJSON.string(outputs))
        case .csv:
            try StandardOutput.write(CSVTable(rows: outputs.flatMap { $0.spectrum.rows(channel: $0.channel, fluxUnit: $0.unit) }).text)
        case .table:
            for output in outputs { try StandardOutput.writeLines(output.textLines) }
        }
    }
}
