import LDFSpectral

/// The surrogate-test options as every JSON `parameters.surrogates` records them (`coherence`,
/// `bispectrum`, `coupling`, `bands --surrogates`); `rank` only for the rank test.
public struct SurrogateParametersRecord: Codable, Sendable, Equatable {
    public var type: String
    public var count: Int
    public var seed: UInt64
    /// Significance level, e.g. 0.95.
    public var significance: Double
    public var test: String
    public var iaaftMaxIterations: Int
    @Nullable public var rank: Int? = nil

    public init(_ options: SurrogateOptions) {
        type = options.kind.rawValue
        count = options.count
        seed = options.seed
        significance = options.level
        test = options.test.rawValue
        iaaftMaxIterations = options.maxIterations
        rank = options.test == .rank ? options.rank : nil
    }
}
