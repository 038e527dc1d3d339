import Foundation

/// Locations of repository files for tests (fixtures, samples, the built `ldf`).
public enum RepositoryPaths {
    /// The repository root, found from this source file's path.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<name>`.
    public static func fixture(_ name: String) -> URL { root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name) }

    /// `samples/<name>`.
    public static func sample(_ name: String) -> URL { root.appendingPathComponent("samples").appendingPathComponent(name) }

    /// `../shared/data/<name>` beside the repository (real recordings), or nil when absent.
    public static func sharedData(_ name: String) -> URL? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
