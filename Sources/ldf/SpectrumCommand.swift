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

    @Option(name: .customLong("scalogram-step"), help: ArgumentHelp("Time step of the scalogram.", valueName: "SECONDS"))
    var scalogramStep: Double = 1

    @Argument(help: ArgumentHelp("Recording file; - reads standard input.", valueName: "FILE"))
    var file: String

    func validate() throws {
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
        var outputs: [SpectrumOutputJSON] = []
        for recording in recordings {
            let analysis = try BandAnalysis(recording: recording, settings: settings,
                                            scalogramStepSeconds: scalogram == nil ? nil : scalogramStep)
            for d in analysis.signalDiagnostics { printDiagnostic("\(file): \(d)") }
            if let path = scalogram, let grid = analysis.scalogram {
                try SpectralScalogram.write(grid, source: file, unit: recording.perfusion.unit, to: path)
            }
            outputs.append(SpectrumOutputJSON(settings: settings, analysis: analysis, columns: SpectrumColumns(analysis),
                                              startTime: recording.clockStart?.text))
        }
        switch format {
        case .json:
            try StandardOutput.writeLine(outputs.count == 1 ? try ReportJSON.string(outputs[0]) : try ReportJSON.string(outputs))
        case .csv:
            try StandardOutput.writeLine((["channel"] + outputs[0].columns.names).joined(separator: ","))
            for output in outputs {
                let channel = CSVWriter.field(output.analysis.channel)
                for row in output.columns.rows { try StandardOutput.writeLine(([channel] + row.map { ReportNumber.exact($0) }).joined(separator: ",")) }
            }
        case .table:
            for output in outputs {
                let analysis = output.analysis
                try StandardOutput.writeLine("\(file) [\(analysis.channel)]: \(settings.method.rawValue), \(ReportNumber.short(analysis.analysedSeconds)) s analysed at "
                      + "\(ReportNumber.short(analysis.sampleRateHz)) Hz from t = \(ReportNumber.short(analysis.fileStartSeconds)) s")
                let rows = [output.columns.names] + output.columns.rows.map { $0.map { ReportNumber.short($0) } }
                try StandardOutput.writeLines(TextTable.align(rows))
            }
        }
    }
}

/// A spectrum as named columns: wavelet (frequency_hz, amplitude, power, valid_fraction) or Welch
/// (frequency_hz, density) restricted to fmin <= f <= fmax.
struct SpectrumColumns {
    var names: [String]
    var columns: [[Double]]

    init(_ analysis: BandAnalysis) {
        switch analysis.spectrum {
        case .wavelet(let s):
            names = ["frequency_hz", "amplitude", "power", "valid_fraction"]
            columns = [s.frequenciesHz, s.amplitude, s.power, s.validFraction]
        case .welch(let s):
            let bins = s.frequenciesHz.indices.filter {
                s.frequenciesHz[$0] >= analysis.report.fminHz && s.frequenciesHz[$0] <= analysis.report.fmaxHz
            }
            names = ["frequency_hz", "density"]
            columns = [bins.map { s.frequenciesHz[$0] }, bins.map { s.density[$0] }]
        }
    }

    var rows: [[Double]] { columns[0].indices.map { i in columns.map { $0[i] } } }
}

/// The whole output of `ldf spectrum --format json`: columns as arrays (null for NaN).
struct SpectrumOutputJSON: Encodable {
    var settings: BandAnalysisSettings
    var analysis: BandAnalysis
    var columns: SpectrumColumns
    /// The recording's first-sample clock time as written, when the file gives it.
    var startTime: String?

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(ToolkitStamp(), forKey: Key("toolkit"))
        try c.encode(SpectralParametersRecord(settings), forKey: Key("parameters"))
        try c.encode(analysis.source, forKey: Key("source"))
        try c.encode(analysis.channel, forKey: Key("channel"))
        try c.encode(analysis.unit, forKey: Key("unit"))
        try c.encode(analysis.sampleRateHz, forKey: Key("sample_rate_hz"))
        try c.encode(analysis.fileStartSeconds, forKey: Key("start_s"))
        try c.encode(analysis.timeOriginSeconds, forKey: Key("time_origin_s"))
        try c.encode(startTime, forKey: Key("start_time"))
        try c.encode(analysis.analysedSeconds, forKey: Key("analysed_s"))
        try c.encode(analysis.report.fminHz, forKey: Key("fmin_hz"))
        try c.encode(analysis.report.fmaxHz, forKey: Key("fmax_hz"))
        try c.encode(analysis.resolvedVoices, forKey: Key("voices"))
        try c.encode(analysis.signalDiagnostics, forKey: Key("diagnostics"))
        var spectrum = c.nestedContainer(keyedBy: Key.self, forKey: Key("spectrum"))
        for (name, column) in zip(columns.names, columns.columns) {
            try spectrum.encode(column.map { jsonNumber($0) }, forKey: Key(name))
        }
    }
}
