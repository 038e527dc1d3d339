import LDFCore

/// One share of a manifest for cluster array jobs: shard K of N takes the analysable rows whose
/// 0-based position p satisfies p mod N = K - 1 (`--shard K/N`, K from 1).
public struct StudyShard: Sendable, Codable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw LDFError("\(parameter: "shard")", "\(index)/\(count) is not K/N with 1 <= K <= N",
                           fix: "e.g. \(parameter: "shard") 1/4 ... \(parameter: "shard") 4/4 (Slurm: \(parameter: "shard") $((SLURM_ARRAY_TASK_ID+1))/$SLURM_ARRAY_TASK_COUNT)")
        }
        self.index = index
        self.count = count
    }

    /// Parses "K/N".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw LDFError("\(parameter: "shard")", "'\(text)' is not K/N", fix: "e.g. \(parameter: "shard") 2/8 for the second of eight shares")
        }
        try self.init(index: k, count: n)
    }

    /// Whether the row at 0-based `position` belongs to this shard.
    public func contains(position: Int) -> Bool { position % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}
