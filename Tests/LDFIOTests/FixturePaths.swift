import Foundation
import LDFTestSupport

/// Paths of the reader fixtures.
enum Fixture {
    /// `Tests/Fixtures/io/<name>` (hand-made layouts; see its README).
    static func io(_ name: String) -> String { RepositoryPaths.fixture("io").appendingPathComponent(name).path }
    /// `Tests/Fixtures/layouts/<name>` (hand-made imitations of export layouts; see its README).
    static func layout(_ name: String) -> String { RepositoryPaths.fixture("layouts").appendingPathComponent(name).path }
    /// `Tests/Fixtures/labchart/<name>` (real LabChart exports, MIT; see its README).
    static func labchart(_ name: String) -> String { RepositoryPaths.fixture("labchart").appendingPathComponent(name).path }
    /// `Tests/Fixtures/<folder>/<name>` (binary formats: edf, wfdb, acq, cfwb, mat, xlsx; see each README).
    static func format(_ folder: String, _ name: String) -> String {
        RepositoryPaths.fixture(folder).appendingPathComponent(name).path
    }
}

/// Mean of the finite values.
func finiteMean<C: Collection>(_ values: C) -> Double where C.Element == Double {
    var sum = 0.0, count = 0
    for v in values where v.isFinite { sum += v; count += 1 }
    return sum / Double(count)
}
