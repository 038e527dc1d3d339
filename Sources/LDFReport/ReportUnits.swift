/// A record kind whose numbers have units: the `units` map (field -> unit) its JSON records
/// carry and its CSV and text headers name. Fields in the recording's flux unit take `fluxUnit`
/// ("signal unit" when the file gives none), dimensionless ones "1"; text fields have no entry.
public protocol ReportUnits {
    /// The unit of every numeric field, keyed by its snake_case name.
    static func units(fluxUnit: String) -> [String: String]
}

/// The unit names every record uses.
public enum ReportUnit {
    /// Unit of a dimensionless number (ratios, fractions, fit exponents, R²).
    public static let dimensionless = "1"

    /// The recording's flux unit, or "signal unit" when the file does not name one.
    public static func flux(_ fluxUnit: String) -> String { fluxUnit.isEmpty ? "signal unit" : fluxUnit }

    /// A unit as the `units` maps write it: "1" for a dimensionless (empty) unit.
    public static func named(_ unit: String) -> String { unit.isEmpty ? dimensionless : unit }
}

extension BandSummaryRow: ReportUnits {}
