import ArgumentParser
import LDFSpectral

/// The band validity rule's options (docs/METHODS.md §5.4), one meaning in every command that
/// summarises bands: `bands`, `stream`, `study run`, `porh --reperfusion-bands` and `info`'s
/// resolvability listing.
struct BandValidityOptions: ParsableArguments {
    @Option(name: .customLong("min-valid"),
            help: ArgumentHelp("Least share of a band's coefficients inside the cone of influence for its values to be reported."
                               + OptionRanges.minValid.help, valueName: "FRACTION"))
    var minValid: Double = BandValidityRule.defaultMinimumValidFraction

    @Flag(name: .customLong("allow-short-bands"),
          help: "Compute bands with fewer than 5 cycles of their lower edge or below --min-valid anyway, with a caution, instead of null values.")
    var allowShortBands = false

    func validate() throws {
        try OptionRanges.minValid.check(minValid)
    }

    /// The rule these options give.
    var rule: BandValidityRule { BandValidityRule(minimumValidFraction: minValid, allowsShortBands: allowShortBands) }

    /// `settings` with the rule these options give.
    func applied(to settings: BandAnalysisSettings) -> BandAnalysisSettings {
        var settings = settings
        settings.minimumValidFraction = minValid
        settings.allowsShortBands = allowShortBands
        return settings
    }
}
