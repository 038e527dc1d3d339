import LDFCore

/// A band's name and edges in Hz, as the spectral parameters and the MODA analyses record them.
public struct BandEdgesRecord: Codable, Sendable, Equatable {
    public var name: String
    public var lowHz: Double
    public var highHz: Double

    public init(_ band: Band) {
        name = band.name
        lowHz = band.lowHz
        highHz = band.highHz
    }
}
