import Foundation
import LDFCore
import LDFEpochs
import LDFIO
import LDFPORH
import LDFProtocols
import LDFReport
import LDFSpectral

/// Analyses one manifest row with the library's own analyses: `BandAnalysis` for rest
/// recordings (bands and time-averaged spectrum), `PORHAnalysis` for PORH recordings,
/// `EpochReport` over the file's events for epochs recordings (every channel once; changes from
/// the first interval; CVC with the row's `map_mmhg`), `HeatingAnalysis` for heating recordings
/// (default options; CVC with the row's `map_mmhg`). Never
/// throws: a failure becomes the outcome's `failure` with the stage in `issues`.
enum RecordingStudyAnalysis {
    static func run(_ entry: ManifestEntry, key: String, parameters: StudyParameters) -> RecordingOutcome {
        var outcome = RecordingOutcome(key: key, protocolKind: entry.protocolKind)
        let recordings: [Recording]
        do {
            let recording = try RecordingReader.read(path: entry.resolvedPath, options: parameters.readOptions(for: entry))
            recordings = try recording.analysedRecordings(entry.channel.map(ChannelSelector.init))
            outcome.issues += warnings(recording.provenance.diagnostics, stage: .read)
        } catch {
            return failed(outcome, stage: .read, error)
        }
        let first = recordings[0]
        outcome.sampleRateHz = first.sampleRateHz
        outcome.durationSeconds = first.durationSeconds
        outcome.fluxUnit = first.perfusion.unit
        outcome.channelCount = recordings.count
        for recording in recordings {
            let channel = recording.perfusion.name
            outcome.issues += warnings(recording.analysedChannelDiagnostics, stage: .read)
            switch entry.protocolKind {
            case .rest:
                do {
                    let analysis = try BandAnalysis(recording: recording, settings: parameters.bandSettings)
                    outcome.analysedSeconds = outcome.analysedSeconds ?? analysis.analysedSeconds
                    outcome.bands += BandTableRow.rows(analysis, settings: parameters.bandSettings)
                    let spectrum = SpectrumRows(analysis.spectrum, fminHz: analysis.report.fminHz, fmaxHz: analysis.report.fmaxHz, channel: channel)
                    if outcome.spectrum == nil { outcome.spectrum = spectrum } else { outcome.otherSpectra = (outcome.otherSpectra ?? []) + [spectrum] }
                    outcome.issues += warnings(analysis.signalDiagnostics, stage: .bands)
                } catch {
                    return failed(outcome, stage: .bands, error)
                }
            case .epochs:
                guard recording.perfusion.name == first.perfusion.name else { continue }
                do {
                    let firstInterval = try EpochSource.events.intervals(in: recording).intervals.first?.name
                    let report = try EpochReport(recording: recording, source: .events,
                                                 options: EpochOptions(meanArterialPressureMmHg: entry.meanArterialPressureMmHg,
                                                                       referenceName: firstInterval))
                    outcome.epochs = report.rows.map(EpochRecord.init)
                    outcome.issues += warnings(report.diagnostics, stage: .epochs)
                } catch {
                    return failed(outcome, stage: .epochs, error)
                }
            case .porh:
                do {
                    let result = try PORHAnalysis.analyze(recording, options: parameters.porhOptions(for: entry))
                    outcome.occlusions += result.occlusions.map { OcclusionRow($0, channel: channel) }
                    outcome.issues += warnings(result.diagnostics + result.occlusions.flatMap(\.diagnostics), stage: .porh)
                } catch {
                    return failed(outcome, stage: .porh, error)
                }
            case .heating:
                do {
                    let result = try HeatingAnalysis.analyze(recording, options: parameters.heatingOptions(for: entry))
                    outcome.heating = (outcome.heating ?? []) + [HeatingRow(result)]
                    outcome.issues += warnings(result.diagnostics, stage: .heating)
                } catch {
                    return failed(outcome, stage: .heating, error)
                }
            }
        }
        return outcome
    }

    /// Warnings (not infos) as issues of the row.
    static func warnings(_ diagnostics: [Diagnostic], stage: StudyIssue.Stage) -> [StudyIssue] {
        diagnostics.filter { $0.severity == .warning }.map {
            StudyIssue(row: 0, severity: .warning, stage: stage, message: $0.message)
        }
    }

    static func failed(_ outcome: RecordingOutcome, stage: StudyIssue.Stage, _ error: Error) -> RecordingOutcome {
        var outcome = outcome
        let message = (error as? LDFError)?.description ?? "\(error)"
        outcome.failure = message
        outcome.issues.append(StudyIssue(row: 0, stage: stage, message: message))
        return outcome
    }
}
