import LDFCore

/// One row of the dose–response table: a drug channel's response to one dose with the vehicle
/// channel's response to the same dose beside it (docs/METHODS.md §21.4). Charges in mC, levels
/// in the flux unit, changes from each channel's own rest.
public struct DoseResponseEntry: Sendable, Equatable {
    public var drug: IontophoresisDrug
    public var channel: String
    public var dose: Int
    public var charge: Double?
    public var cumulativeCharge: Double?
    public var plateau: ProtocolMeasure
    public var change: ProtocolMeasure
    public var percentChange: ProtocolMeasure
    /// The vehicle channel, and its response to the same dose; missing for the vehicle itself.
    public var vehicleChannel: String?
    public var vehicleChange: ProtocolMeasure
    public var vehiclePercentChange: ProtocolMeasure
    /// change - vehicle change: the drug's own effect beyond the current's.
    public var netChange: ProtocolMeasure
}

/// The dose–response table of one file: a row per dose of every channel, drugs in the order
/// ACh, SNP, vehicle, unspecified; the first vehicle channel's response beside every other.
public struct DoseResponseTable: Sendable, Equatable {
    public var entries: [DoseResponseEntry]
    public var diagnostics: [Diagnostic]

    public init(_ channels: [IontophoresisResult]) {
        let vehicles = channels.filter { $0.drug == .vehicle }
        let vehicle = vehicles.first
        diagnostics = vehicles.count > 1
            ? [.info("several_vehicles", "\(vehicles.count) vehicle channels; '\(vehicles[0].channel)' is reported beside the drugs")] : []
        var entries: [DoseResponseEntry] = []
        for result in channels.sorted(by: { $0.drug < $1.drug }) {
            for response in result.doses {
                entries.append(Self.entry(result, response, vehicle: result.drug == .vehicle ? nil : vehicle))
            }
        }
        self.entries = entries
    }

    static func entry(_ result: IontophoresisResult, _ r: DoseResponse, vehicle: IontophoresisResult?) -> DoseResponseEntry {
        let missing = ProtocolMeasure.missing(result.drug == .vehicle ? "this is the vehicle" : "no vehicle channel in the file")
        var vehicleChange = missing, vehiclePercent = missing, net = missing
        if let vehicle {
            if let match = vehicle.doses.first(where: { $0.index == r.index }) {
                vehicleChange = match.change
                vehiclePercent = match.percentChange
                net = r.change.value.map { c in match.change.map { c - $0 } } ?? r.change
            } else {
                let reason = ProtocolMeasure.missing("the vehicle channel '\(vehicle.channel)' has no dose \(r.index)")
                (vehicleChange, vehiclePercent, net) = (reason, reason, reason)
            }
        }
        return DoseResponseEntry(drug: result.drug, channel: result.channel, dose: r.index, charge: r.dose.chargeMillicoulombs,
                                 cumulativeCharge: r.cumulativeCharge.value, plateau: r.plateau, change: r.change,
                                 percentChange: r.percentChange, vehicleChannel: result.drug == .vehicle ? nil : vehicle?.channel,
                                 vehicleChange: vehicleChange, vehiclePercentChange: vehiclePercent, netChange: net)
    }
}
