import LDFCore
import LDFPORH
import LDFProtocols
import LDFReport

/// The tidy per-recording tables and the group summary (issue 6): every row starts with the
/// recording's metadata and the manifest's extra columns.
extension StudyResults {
    /// Outcomes that succeeded, in manifest order.
    var succeeded: [(entry: ManifestEntry, outcome: RecordingOutcome)] {
        manifest.entries.indices.compactMap { p in
            guard let o = outcomes[p], o.succeeded else { return nil }
            return (manifest.entries[p], o)
        }
    }

    /// `bands.csv`: one row per rest recording, channel and band, the columns of `ldf bands
    /// --format csv` after the manifest metadata.
    public var bandsTable: CSVTable {
        CSVTable(lead: metadataColumns, rows: succeeded.flatMap { entry, outcome in outcome.bands.map { (metadata(entry), $0) } })
    }

    /// `spectra.csv`: one row per rest recording and analysed frequency, the columns of
    /// `ldf spectrum --format csv` (wavelet: amplitude, power, valid fraction; Welch: density,
    /// unit^2/Hz).
    public var spectraTable: CSVTable {
        var table = CSVTable(columns: metadataColumns + ["sample_rate_hz", "method"] + ReportColumns.names(of: SpectrumRow.self))
        let welch = parameters.method == .welch
        for (entry, outcome) in succeeded {
            for s in outcome.spectra {
                for k in s.frequenciesHz.indices {
                    let row = SpectrumRow(channel: s.channel ?? "", fluxUnit: outcome.fluxUnit ?? "", frequencyHz: s.frequenciesHz[k],
                                          amplitude: s.amplitude?[k], power: welch ? nil : s.power[k], validFraction: s.validFraction?[k],
                                          density: welch ? s.power[k] : nil)
                    table.append(metadata(entry) + [CSVTable.cell(outcome.sampleRateHz), parameters.method.rawValue]
                                 + ReportColumns.texts(of: row))
                }
            }
        }
        return table
    }

    /// `porh.csv`: one row per PORH recording and occlusion, one column per parameter (units in
    /// `study.json`; flux in the recording's `flux_unit`).
    public var porhTable: CSVTable {
        var table = CSVTable(columns: metadataColumns + ["sample_rate_hz", "flux_unit", "channel", "occlusion"]
                             + ReportColumns.names(of: PORHOcclusionTimingColumns.self) + ["map_mmhg"]
                             + ReportColumns.names(of: PORHParameterValues.self) + ["recovery_times_method", "recovery_fit_r2", "null_reasons"])
        for (entry, outcome) in succeeded {
            for o in outcome.occlusions {
                table.append(metadata(entry) + [CSVTable.cell(outcome.sampleRateHz), outcome.fluxUnit ?? "", o.channel ?? "", String(o.index)]
                             + ReportColumns.texts(of: o.timing) + [CSVTable.cell(entry.meanArterialPressureMmHg)]
                             + ReportColumns.texts(of: PORHParameterValues(o.parameters))
                             + [o.recoveryTimesMethod ?? "", CSVTable.cell(o.recoveryFitR2), PORHOcclusionRow.nullReasons(o.parameters) ?? ""])
            }
        }
        return table
    }

    /// `epochs.csv`: one row per epochs recording, interval (from the file's events) and channel;
    /// changes are from the recording's first interval; times on the file's axis.
    public var epochsTable: CSVTable {
        var table = CSVTable(columns: metadataColumns + ["sample_rate_hz"] + ReportColumns.names(of: EpochRecord.self))
        for (entry, outcome) in succeeded {
            for r in outcome.epochs ?? [] {
                table.append(metadata(entry) + [CSVTable.cell(outcome.sampleRateHz)] + ReportColumns.texts(of: r))
            }
        }
        return table
    }

    /// `heating.csv`: one row per heating recording and analysed channel, the columns of
    /// `ldf heating --format csv` after the manifest metadata (levels in `flux_unit`, times in s,
    /// peak and nadir times from the onset, %CVCmax in %; CVC with the row's `map_mmhg`).
    public var heatingTable: CSVTable {
        CSVTable(lead: metadataColumns, rows: succeeded.flatMap { entry, outcome in (outcome.heating ?? []).map { (metadata(entry), $0) } })
    }

    /// `iontophoresis.csv`: one row per iontophoresis recording, analysed channel and dose, the
    /// columns of `ldf iontophoresis --format csv` after the manifest metadata (levels and changes
    /// in `flux_unit`, percentages of rest, times from each pulse start in s, areas in
    /// flux_unit·s, charges in mC; the vehicle channel's response beside each drug dose).
    public var iontophoresisTable: CSVTable {
        CSVTable(lead: metadataColumns, rows: succeeded.flatMap { entry, outcome in (outcome.iontophoresis ?? []).map { (metadata(entry), $0) } })
    }

    /// `vot.csv`: one row per VOT recording, saturation channel and occlusion, the columns of
    /// `ldf vot --format csv` after the manifest metadata (StO2 in `unit`, %; slopes in %/min and
    /// %/s; times from the release in s; areas in %·s).
    public var votTable: CSVTable {
        CSVTable(lead: metadataColumns, rows: succeeded.flatMap { entry, outcome in (outcome.vot ?? []).map { (metadata(entry), $0) } })
    }

    /// `crt.csv`: one row per CRT recording, channel and press, the columns of `ldf crt --format
    /// csv` after the manifest metadata (CRT in s; a press without a fit has an empty CRT and its
    /// `null_reason`).
    public var crtTable: CSVTable {
        CSVTable(lead: metadataColumns, rows: succeeded.flatMap { entry, outcome in (outcome.crt ?? []).map { (metadata(entry), $0) } })
    }

    /// `reperfusion_bands.csv` (with `--reperfusion-bands`): one row per PORH recording, occlusion
    /// and band of the reperfusion segment with the transient removed; values are fractions of the
    /// plateau d (dimensionless). An occlusion whose segment could not be analysed has one row with
    /// the reason and no band.
    public var reperfusionBandsTable: CSVTable {
        let bandColumns = ReportColumns.names(of: BandSummaryRow.self)
        var table = CSVTable(columns: metadataColumns + ["sample_rate_hz", "occlusion"] + bandColumns)
        for (entry, outcome) in succeeded {
            for o in outcome.occlusions {
                let lead = metadata(entry) + [CSVTable.cell(outcome.sampleRateHz), String(o.index)]
                if o.reperfusionBands.isEmpty, let reason = o.reperfusionReason {
                    table.append(lead + bandColumns.map { $0 == "reason" ? reason : $0 == "channel" ? o.channel ?? "" : "" })
                }
                for b in o.reperfusionBands { table.append(lead + ReportColumns.texts(of: b)) }
            }
        }
        return table
    }

    /// `errors.csv`: every manifest problem, failed recording and warning, with its manifest line
    /// (0 for the study as a whole).
    public var errorsTable: CSVTable {
        CSVTable(rows: issues.map(StudyIssueRow.init))
    }

    /// `summary.csv`: n, mean, SD, median, quartiles and IQR of every variable per protocol ×
    /// group × site × condition (quartiles: `GroupStatistics`), and for band and CRT variables the
    /// recordings left out because the band is null or no press could be fitted (`n_excluded`)
    /// with their reasons.
    public var summaryTable: CSVTable {
        struct Key: Hashable { var variable: StudyVariable; var kind: String; var group: String; var site: String; var condition: String }
        func key(_ variable: StudyVariable, _ position: Int) -> Key {
            let e = manifest.entries[position]
            return Key(variable: variable, kind: e.protocolKind.rawValue, group: e.group, site: e.site, condition: e.condition)
        }
        var values: [Key: [Double]] = [:]
        var units: [Key: Set<String>] = [:]
        for o in observations {
            values[key(o.variable, o.position), default: []].append(o.value)
            units[key(o.variable, o.position), default: []].insert(o.unit)
        }
        var excluded: [Key: [String]] = [:]
        let bandOrder = Dictionary(parameters.bandSet.bands.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for x in bandExclusions {
            for measure in BandMeasure.measures(of: x.analysis == .bands ? parameters.method : .wavelet) {
                let variable = StudyVariable(analysis: x.analysis, measure: measure.rawValue, band: x.band, occlusion: x.occlusion,
                                             order: bandOrder[x.band] ?? 0, channel: x.channel)
                excluded[key(variable, x.position), default: []].append(x.reason)
                if values[key(variable, x.position)] == nil { units[key(variable, x.position), default: []].insert(variable.unit(fluxUnit: x.fluxUnit)) }
            }
        }
        for x in measureExclusions {
            excluded[key(x.variable, x.position), default: []].append(x.reason)
            if values[key(x.variable, x.position)] == nil { units[key(x.variable, x.position), default: []].insert(x.unit) }
        }
        let keys = Set(values.keys).union(excluded.keys).sorted {
            ($0.variable, $0.kind, $0.group, $0.site, $0.condition) < ($1.variable, $1.kind, $1.group, $1.site, $1.condition)
        }
        return CSVTable(rows: keys.map { key in
            StudySummaryRow(variable: key.variable, unit: StudyTableUnits.rowUnit(units[key] ?? []),
                            stratum: StudyStratumColumns(protocolKind: key.kind, group: key.group, site: key.site, condition: key.condition),
                            statistics: GroupStatistics(values[key] ?? []), excludedReasons: excluded[key] ?? [])
        })
    }
}

/// Lexicographic order of a variable and four strings (tuples of five are not Comparable).
private func < (a: (StudyVariable, String, String, String, String), b: (StudyVariable, String, String, String, String)) -> Bool {
    if a.0 != b.0 { return a.0 < b.0 }
    return (a.1, a.2, a.3, a.4) < (b.1, b.2, b.3, b.4)
}
