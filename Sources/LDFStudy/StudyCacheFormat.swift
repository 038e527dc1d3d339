import Foundation
import LDFCore

/// The layout version of the per-recording results a study caches (`DIR/cache/<key>.json`, which
/// `ldf study merge` also reads from shard folders). Raise `current` whenever a cached record
/// changes (a field renamed, added or given another meaning): a file of another version is never
/// decoded, because a renamed `@Nullable` field would silently read as missing. A run analyses
/// such a recording again and overwrites the file; a merge refuses the shard, naming the file.
/// Files written before the version existed carry no `format` field: version 1.
public enum StudyCacheFormat {
    /// Version 2: band rows with `power_ratio_to_mean`, `power_share`, peak amplitude and pixel
    /// averages; spectra as `SpectrumRow`s; PORH rows with timing, null reasons and how T75/T50/T25
    /// were read.
    public static let current = 2

    /// The version a cache file declares (1 without a `format` field); nil when it is not JSON.
    public static func version(of data: Data) -> Int? {
        struct Header: Decodable { var format: Int? }
        return (try? JSONDecoder().decode(Header.self, from: data)).map { $0.format ?? 1 }
    }

    /// Fails when a cache file in `folder` was written with another version, naming the first.
    public static func requireCurrent(in folder: URL) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path), let found = version(of: data), found != current else { continue }
            throw LDFError(url.path, "a cached result written by another version of ldf (cache format \(found); this version reads \(current))",
                           fix: "run that shard again with this version")
        }
    }
}
