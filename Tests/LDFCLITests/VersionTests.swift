import Testing
import LDFTestSupport
import LDFCore

@Test func versionMatchesToolkit() throws {
    let out = try LDFCommandRunner.run(["--version"])
    #expect(out.status == 0)
    #expect(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == Toolkit.version)
}
