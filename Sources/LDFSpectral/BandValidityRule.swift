import LDFCore

/// The one rule that decides whether a band's computed values are reported (docs/METHODS.md §5.4),
/// used by every band summary (`BandSummaryReport`, so `ldf bands`, `stream`, `study`) and by the
/// resolvability listing of `ldf info` (`BandAnalysisSettings.bandAvailability`).
///
/// A band falls short when the analysed stretch holds fewer than `minimumCycles` (5) cycles of its
/// lower edge, or when fewer than `minimumValidFraction` of its coefficients lie inside the cone of
/// influence (`BandSummary.validFraction`). A band that falls short is unavailable (null values
/// with the reason) unless `allowsShortBands`, when it is computed and a caution warning names the
/// shortfall. Messages name the two settings `minValid` and `allowShortBands` (`ParameterSpelling`).
public struct BandValidityRule: Sendable, Equatable, Codable {
    /// Cycles of a band's lower edge the analysed stretch must hold.
    public static let minimumCycles = 5.0
    /// Default `minimumValidFraction`: 0.2. With the Morlet (f0 = 1) and MODA's cone, 5 cycles of
    /// the lower edge leave 24–45 % of the `stefanovska` bands' coefficients in the cone, so the
    /// default never binds before the cycle rule there; it withholds bands the cone empties for
    /// other reasons (a larger f0, narrow own bands). Justification: docs/METHODS.md §5.4.
    public static let defaultMinimumValidFraction = 0.2

    /// Least share (0...1) of a band's coefficients inside the cone of influence.
    public var minimumValidFraction: Double
    /// Compute bands that fall short anyway (with a caution warning) instead of withholding them.
    public var allowsShortBands: Bool

    public init(minimumValidFraction: Double = Self.defaultMinimumValidFraction, allowsShortBands: Bool = false) {
        self.minimumValidFraction = minimumValidFraction
        self.allowsShortBands = allowsShortBands
    }

    /// - Throws: `LDFError` naming the parameter (`minValid` in messages) when it is not within 0...1.
    public func validate() throws {
        guard minimumValidFraction >= 0 && minimumValidFraction <= 1 else {
            throw LDFError("\(parameter: "minValid")", "\(minimumValidFraction) must be a fraction from 0 to 1",
                           fix: "e.g. \(Self.defaultMinimumValidFraction), or 0 to rely on the cycle rule alone")
        }
    }

    /// How a computed band falls short of the rule, or nil when it meets it. `validFraction` is the
    /// band's share of in-cone coefficients; `analysedSeconds` the length of the analysed stretch.
    /// The message does not depend on the recording's length, so equal shortfalls read the same.
    public func shortfall(of band: Band, validFraction: Double, analysedSeconds: Double) -> Diagnostic? {
        let needed = band.secondsForCycles(Self.minimumCycles)
        if needed > analysedSeconds {
            return .warning("too_few_cycles",
                "the analysed stretch holds fewer than 5 cycles of \(MessageNumber.short(band.lowHz)) Hz "
                + "(5 cycles need \(MessageNumber.short(needed)) s)")
        }
        if validFraction < minimumValidFraction {
            return .warning("low_valid_fraction",
                "fewer than \(MessageNumber.short(100 * minimumValidFraction))% of its coefficients lie inside the cone "
                + "of influence (\(parameter: "minValid") \(MessageNumber.short(minimumValidFraction)))")
        }
        return nil
    }

    /// The reason of a band withheld for `shortfall`: the shortfall and what to do about it.
    func withheldReason(_ shortfall: Diagnostic) -> String {
        shortfall.message + "; record longer, or allow short bands (\(parameter: "allowShortBands")) to compute it with a caution"
    }

    /// The caution warning of band `name` computed despite `shortfall` (`allowsShortBands`).
    func caution(_ shortfall: Diagnostic, band name: String) -> Diagnostic {
        .warning(shortfall.code, "band \(name): \(shortfall.message); computed because short bands are allowed (\(parameter: "allowShortBands")): treat it with caution")
    }
}
