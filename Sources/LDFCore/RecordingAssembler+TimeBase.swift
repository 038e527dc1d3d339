import Foundation

/// The recording's sample rate and time origin, and which channels are perfusion.
///
/// Methods: docs/METHODS.md §1.2.
extension RecordingAssembler {
    /// Relative difference above which a declared rate and the time stamps disagree.
    public static let rateAgreementTolerance = 0.01

    struct TimeBase {
        var rateHz: Double
        /// The first row's time on the file's axis (0 without a time column).
        var origin: Double
    }

    /// The grid rate and origin. With time stamps the rate is `--rate`, else the declared rate
    /// when it agrees with the stamps within 1 %, else the measured one (a declared rate that
    /// disagrees is a warning naming both); without stamps `--rate` or the declared rate.
    static func timeBase(_ table: SampleTable, options: AssemblyOptions, provenance: inout Provenance) throws -> TimeBase {
        let source = table.source
        if let declared = table.declaredRateHz, !AssemblyOptions.rateRangeHz.contains(declared) {
            throw LDFError(source, "the file declares a sample rate of \(MessageNumber.precise(declared)) Hz, outside the "
                           + "\(MessageNumber.precise(AssemblyOptions.rateRangeHz.lowerBound))–\(MessageNumber.precise(AssemblyOptions.rateRangeHz.upperBound)) Hz the toolkit reads",
                           fix: "correct the file's interval or rate, or give the rate with \(parameter: "rate") HZ")
        }
        guard let times = table.times else {
            guard let r = options.rateHz ?? table.declaredRateHz else {
                throw LDFError(source, "the file has no time column and no sample rate",
                               fix: "give the rate with \(parameter: "rate") HZ (e.g. \(parameter: "rate") 32)")
            }
            return TimeBase(rateHz: r, origin: 0)
        }
        try checkMonotonic(times, table: table)
        let measured = 1 / estimateInterval(times)
        try checkMeasuredRate(measured, times: times, table: table)
        provenance.measuredSampleRateHz = measured
        let rate: Double
        if let given = options.rateHz {
            rate = given
            if disagree(given, measured) {
                provenance.diagnostics.append(.warning("rate_disagreement",
                    "\(parameter: "rate") \(MessageNumber.precise(given)) Hz disagrees with the time stamps (\(MessageNumber.precise(measured)) Hz measured); the samples are placed at \(parameter: "rate")"))
            }
        } else if let declared = table.declaredRateHz {
            if disagree(declared, measured) {
                rate = nominalRate(measured)
                provenance.diagnostics.append(.warning("rate_disagreement",
                    "the file declares \(MessageNumber.precise(declared)) Hz but its time stamps measure \(MessageNumber.precise(measured)) Hz "
                    + "(more than \(MessageNumber.precise(100 * rateAgreementTolerance)) % apart); the time stamps are used (\(MessageNumber.precise(rate)) Hz)"))
            } else {
                rate = declared
            }
        } else {
            rate = nominalRate(measured)
        }
        return TimeBase(rateHz: rate, origin: times[0])
    }

    static func disagree(_ a: Double, _ b: Double) -> Bool { abs(a - b) > rateAgreementTolerance * max(a, b) }

    /// Time stamps implying a rate outside `AssemblyOptions.rateRangeHz` (steps of 1e-20 s, or two
    /// rows 1e308 s apart) are refused, naming the line of the smallest (or largest) step.
    static func checkMeasuredRate(_ measured: Double, times: [Double], table: SampleTable) throws {
        let range = AssemblyOptions.rateRangeHz
        guard !range.contains(measured) || !measured.isFinite else { return }
        let tooFast = !(measured <= range.upperBound)
        // The first step that is itself out of range, else the most extreme one.
        let limit = 1 / (tooFast ? range.upperBound : range.lowerBound)
        var row = 1
        for i in 1..<times.count {
            let step = times[i] - times[i - 1], best = times[row] - times[row - 1]
            if tooFast ? step < limit : step > limit { row = i; break }
            if tooFast ? step < best : step > best { row = i }
        }
        let step = times[row] - times[row - 1]
        throw LDFError(table.location(ofRow: row),
                       "time steps of \(MessageNumber.precise(step)) s (from \(MessageNumber.precise(times[row - 1])) s to \(MessageNumber.precise(times[row])) s) imply "
                       + "\(MessageNumber.precise(measured)) Hz, \(tooFast ? "above" : "below") the \(MessageNumber.precise(tooFast ? range.upperBound : range.lowerBound)) Hz the toolkit reads",
                       fix: "check the time column's unit and values (a typing error, or a column that is not time?)")
    }

    /// The analysed channel, and which channels are perfusion (masked for device sentinels and
    /// checked for negative readings).
    struct ChannelSelection {
        var analysed: Int
        var perfusionCandidates: Set<Int>
        var notes: [String]
    }

    /// Picks the analysed channel: the one `--channel` names (the first of a list), else the first
    /// column whose name or unit says perfusion and that does not look like a time axis, else the
    /// first such column of any kind. A column that looks like a time axis is analysed only when
    /// the user names it.
    static func selectChannels(_ table: SampleTable, options: AssemblyOptions) throws -> ChannelSelection {
        let columns = table.columns
        let names = columns.map(\.name)
        func unit(_ c: SampleTable.Column) -> String { c.unit.isEmpty ? ChannelKind.unit(fromName: c.name) ?? "" : c.unit }
        var candidates = Set(columns.indices.filter {
            !columns[$0].looksLikeTime && ChannelKind.guess(name: columns[$0].name, unit: unit(columns[$0])) == .perfusion
        })
        var notes: [String] = []
        let analysed: Int
        if let selector = options.channel, selector != .all {
            let chosen = try selector.resolveAll(in: names, source: table.source)
            candidates.formUnion(chosen)
            analysed = chosen[0]
            for c in chosen where columns[c].looksLikeTime {
                notes.append("column '\(names[c])' strictly increases in even steps like a time axis; analysed as perfusion because \(parameter: "channel") names it")
            }
        } else if let first = columns.indices.first(where: { candidates.contains($0) }) {
            analysed = first
        } else if let first = columns.indices.first(where: { !columns[$0].looksLikeTime }) {
            analysed = first
            candidates.insert(first)
        } else {
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            throw LDFError(table.source, "every data column (\(list)) strictly increases in even steps like a time axis; none is analysed as perfusion",
                           fix: "if one of them is the flux, name it with \(parameter: "channel") NAME; otherwise check the header and the delimiter")
        }
        return ChannelSelection(analysed: analysed, perfusionCandidates: candidates, notes: notes)
    }
}
