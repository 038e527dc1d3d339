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
/// (default options; CVC with the row's `map_mmhg`), `IontophoresisAnalysis` over every channel
/// of an iontophoresis file at once (so each drug dose has its vehicle beside it), `VOTAnalysis`
/// for VOT recordings (the row's occlusion times, else `porhTiming`) and `CRTAnalysis` for CRT
/// recordings (fitted on the file's own time stamps, as `ldf crt` does). Never throws: a failure
/// becomes the outcome's `failure` with the stage in `issues`.
enum RecordingStudyAnalysis {
    static func run(_ entry: ManifestEntry, key: String, parameters: StudyParameters) -> RecordingOutcome {
        var outcome = RecordingOutcome(key: key, protocolKind: entry.protocolKind)
        let options = parameters.readOptions(for: entry)
        let table: SampleTable
        let recordings: [Recording]
        do {
            try options.assembly.validate()
            table = try RecordingReader.readTable(path: entry.resolvedPath, options: options)
            let recording = try RecordingReader.assembleChecked(table, options: options)
            // Iontophoresis analyses every perfusion channel (drug and vehicle probes) unless the row names some.
            let allChannels: ChannelSelector? = entry.protocolKind == .iontophoresis ? .all : nil
            recordings = try recording.analysedRecordings(entry.channel.map(ChannelSelector.init) ?? allChannels)
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
            case .iontophoresis:
                // Every channel at once, as `ldf iontophoresis` does: one pulse schedule, and the
                // vehicle channel's response beside each drug dose.
                guard recording.perfusion.name == first.perfusion.name else { continue }
                do {
                    let file = try IontophoresisAnalysis.analyze(recordings, options: parameters.iontophoresisOptions)
                    outcome.iontophoresis = file.channels.flatMap { IontophoresisDoseRow.rows($0, table: file.table) }
                    outcome.issues += warnings(file.channels.flatMap(\.diagnostics) + file.table.diagnostics, stage: .iontophoresis)
                } catch {
                    return failed(outcome, stage: .iontophoresis, error)
                }
            case .vot:
                do {
                    let result = try VOTAnalysis.analyze(recording, options: parameters.votOptions(for: entry))
                    outcome.vot = (outcome.vot ?? []) + result.occlusions.map { VOTOcclusionRow(result, $0) }
                    outcome.issues += warnings(result.diagnostics + result.occlusions.flatMap(\.diagnostics), stage: .vot)
                } catch {
                    return failed(outcome, stage: .vot, error)
                }
            case .crt:
                do {
                    let samples = CRTSamples(table: table, recording: recording, sentinels: options.assembly.sentinels)
                    let result = try CRTAnalysis.analyze(samples, options: parameters.crtOptions)
                    outcome.crt = (outcome.crt ?? []) + result.presses.map { CRTPressRow($0, of: result) }
                    outcome.issues += warnings(result.diagnostics, stage: .crt)
                } catch {
                    return failed(outcome, stage: .crt, error)
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
