import LDFCore

/// Every choice of a surrogate test; recorded in outputs.
///
/// Methods: docs/METHODS.md §8.4.
public struct SurrogateOptions: Sendable, Equatable, Codable {
    public var kind: SurrogateKind
    /// Number of surrogates (or surrogate pairs) N.
    public var count: Int
    /// Seed of the surrogates: the same seed gives the same surrogates on every run and machine
    /// (surrogate k uses its own generator derived from the seed, whatever the thread schedule).
    public var seed: UInt64
    /// Significance level, 0 < level < 1 (default 0.95: one-sided 5 % test).
    public var level: Double
    public var test: SignificanceTest
    /// Iteration cap of the IAAFT surrogates (default 1000, MODA's `maxit`); the iteration stops
    /// earlier when the ranks no longer change.
    public var maxIterations: Int

    public init(kind: SurrogateKind = .iaaftDistribution, count: Int, seed: UInt64 = 1, level: Double = 0.95,
                test: SignificanceTest = .rank, maxIterations: Int = 1000) {
        self.kind = kind
        self.count = count
        self.seed = seed
        self.level = level
        self.test = test
        self.maxIterations = maxIterations
    }

    /// The smallest N a one-sided rank test at `level` accepts: ceil(1 / (1 - level)) - 1.
    public static func minimumRankCount(level: Double) -> Int {
        Int((1 / (1 - level) - 1e-9).rounded(.up)) - 1
    }

    /// K of the rank test: the threshold is the K-th largest surrogate value.
    public var rank: Int { Int((Double(count + 1) * (1 - level) + 1e-9).rounded(.down)) }

    /// Checks the options at the boundary; messages name the CLI option.
    public func validate() throws {
        guard level > 0 && level < 1 else {
            throw LDFError("\(parameter: "significance")", "level \(level) must lie strictly between 0 and 1", fix: "use e.g. \(parameter: "significance") 0.95")
        }
        guard count >= 1 else {
            throw LDFError("\(parameter: "surrogates")", "\(count) surrogates; at least 1 is needed for a test", fix: "use e.g. \(parameter: "surrogates") 100")
        }
        guard maxIterations >= 1 else {
            throw LDFError("\(parameter: "iaaftIterations")", "\(maxIterations) iterations; at least 1 is needed", fix: "use the default 1000")
        }
        switch test {
        case .rank:
            let needed = Self.minimumRankCount(level: level)
            guard count >= needed else {
                throw LDFError("\(parameter: "surrogates")", "\(count) surrogates are too few for a one-sided rank test at level \(level): it needs N >= \(needed) (the threshold is the K-th largest of N, K = floor((N + 1)(1 - level)) >= 1)",
                               fix: "use \(parameter: "surrogates") \(needed) or more (e.g. 19 at 0.95, 99 at 0.99), or \(parameter: "significanceTest") percentile")
            }
        case .percentile:
            guard count >= 2 else {
                throw LDFError("\(parameter: "surrogates")", "a percentile of \(count) surrogate needs at least 2", fix: "use e.g. \(parameter: "surrogates") 100")
            }
        }
    }

    /// The significance threshold of `values` (one statistic over the N surrogates); NaN values
    /// are ignored, and the result is NaN when none is left or too few for the rank test.
    public func threshold(_ values: [Double]) -> Double {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return .nan }
        switch test {
        case .rank:
            let k = Int((Double(sorted.count + 1) * (1 - level) + 1e-9).rounded(.down))
            return k >= 1 ? sorted[sorted.count - k] : .nan
        case .percentile:
            let position = level * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
            let weight = position - Double(lower)
            return sorted[lower] + weight * (sorted[upper] - sorted[lower])
        }
    }
}
