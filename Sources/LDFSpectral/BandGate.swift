import LDFCore

/// What the band rules decide about one band of a wavelet grid before any value is computed:
/// unavailable with a reason, or computed from `valid` (with a caution when the validity rule was
/// waived). One decision for `BandSummaryReport` and `BandAnalysisSettings.bandAvailability`, so
/// `ldf info` lists as unresolvable exactly the bands `ldf bands` reports as null.
struct BandGate {
    /// Grid frequencies inside the band, and those with a value.
    var frequencyCount: Int
    var valid: [Int]
    /// Mean row valid fraction over the band's grid frequencies; nil when it holds none.
    var validFraction: Double?
    /// Why the band is unavailable; nil when it is computed.
    var reason: String?
    /// The validity rule's shortfall (`too_few_cycles`, `low_valid_fraction`), whether the band
    /// was withheld for it, computed under `allowsShortBands`, or has no in-cone coefficient at all.
    var shortfall: Diagnostic?
    /// The warning of a band computed despite `shortfall`.
    var caution: Diagnostic?
}

extension BandSummaryReport {
    /// The gate of `band` on grid `frequenciesHz` with per-frequency `validFraction`;
    /// `hasValue(k)` says whether frequency k has a finite average.
    static func gate(_ band: Band, frequenciesHz f: [Double], validFraction: [Double], hasValue: (Int) -> Bool,
                     fmin: Double, fmax: Double, analysedSeconds: Double, rule: BandValidityRule) -> BandGate {
        let inBand = f.indices.filter { band.contains(f[$0]) }
        var gate = BandGate(frequencyCount: inBand.count, valid: inBand.filter(hasValue))
        if inBand.isEmpty {
            gate.reason = noFrequencyReason(band, fmin: fmin, fmax: fmax, what: "wavelet frequency")
            return gate
        }
        gate.validFraction = Statistics.mean(inBand.map { validFraction[$0] })
        if gate.valid.isEmpty {
            // Nothing to compute, whatever the rule allows; the rule's shortfall still says why.
            gate.shortfall = rule.shortfall(of: band, validFraction: 0, analysedSeconds: analysedSeconds)
            gate.reason = "no coefficient inside the cone of influence: \(MessageNumber.short(analysedSeconds)) s is too short for "
                + "\(MessageNumber.short(band.lowHz)) Hz (5 cycles need \(MessageNumber.short(band.secondsForCycles(BandValidityRule.minimumCycles))) s)"
            return gate
        }
        gate.apply(rule, to: band, analysedSeconds: analysedSeconds)
        return gate
    }
}

extension BandGate {
    /// Withholds the band for a shortfall of `rule`, or keeps it with a caution when the rule
    /// allows short bands.
    mutating func apply(_ rule: BandValidityRule, to band: Band, analysedSeconds: Double) {
        guard let shortfall = rule.shortfall(of: band, validFraction: validFraction ?? 0, analysedSeconds: analysedSeconds) else { return }
        self.shortfall = shortfall
        if rule.allowsShortBands {
            caution = rule.caution(shortfall, band: band.name)
        } else {
            reason = rule.withheldReason(shortfall)
        }
    }
}
