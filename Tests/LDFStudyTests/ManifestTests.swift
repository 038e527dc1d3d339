import Foundation
import Testing
import LDFCore
import LDFStudy
import LDFTestSupport

/// Manifest parsing: columns, ids, paths, extra columns, and every kind of bad row reported with
/// its line while the other rows stay usable.
@Suite struct ManifestTests {
    let folder = URL(fileURLWithPath: "/data/cohort")

    func parse(_ text: String) throws -> StudyManifest {
        try StudyManifest(text: text, path: "manifest.csv", folder: folder, checkFiles: false)
    }

    @Test func goodRowsWithExtraColumnsAndOptionalFields() throws {
        let m = try parse("""
            Subject,group,site,condition,protocol,path,age,channel,map_mmhg,occlusions,note
            s1,control,Finger Pad,baseline,porh,a/s1.csv,43,2,93,120-300;900-1080,"quiet, warm room"
            s2,patient,forearm,baseline,REST,/abs/s2.txt,51,,,,
            """)
        #expect(m.issues.isEmpty)
        #expect(m.extraColumns == ["age", "note"])
        #expect(m.entries.count == 2)
        let a = m.entries[0], b = m.entries[1]
        #expect(a.id == "s1/Finger Pad/baseline/porh")
        #expect(a.row == 2 && b.row == 3)
        #expect(a.resolvedPath == "/data/cohort/a/s1.csv")
        #expect(b.resolvedPath == "/abs/s2.txt")
        #expect(a.tissueSite == .fingerPad && b.tissueSite == .forearm)
        #expect(a.channel == "2" && a.meanArterialPressureMmHg == 93)
        #expect(a.occlusions.map(\.startSeconds) == [120, 900] && a.occlusions.map(\.releaseSeconds) == [300, 1080])
        #expect(a.extra == ["43", "quiet, warm room"])
        #expect(b.protocolKind == .rest && b.channel == nil && b.occlusions.isEmpty)
    }

    @Test func missingRequiredColumnStopsWithTheColumnNamed() {
        #expect {
            try parse("subject,site,condition,protocol,path\ns1,forearm,baseline,rest,a.csv\n")
        } throws: { error in
            let e = error as? LDFError
            return e?.message.contains("required column group missing") == true && e?.context == "manifest.csv line 1"
        }
        #expect(throws: LDFError.self) { try parse("") }
    }

    @Test func badRowsAreReportedByLineAndTheRestRuns() throws {
        let m = try parse("""
            subject,group,site,condition,protocol,path
            s1,control,forearm,baseline,rest,s1.csv

            s2,,forearm,baseline,rest,s2.csv
            s3,control,forearm,baseline,walking,s3.csv
            s4,control,forearm
            s1,patient,forearm,baseline,rest,other.csv
            s5,patient,forearm,baseline,rest,s5.csv
            """)
        #expect(m.entries.map(\.subject) == ["s1", "s5"])
        #expect(m.issues.map(\.row) == [4, 5, 6, 7])
        #expect(m.issues[0].message.contains("empty group"))
        #expect(m.issues[1].message.contains("protocol 'walking'"))
        #expect(m.issues[2].message.contains("3 fields but the header has 6"))
        #expect(m.issues[3].message.contains("duplicate id 's1/forearm/baseline/rest' (first at line 2)"))
        #expect(m.issues.allSatisfy { $0.stage == .manifest && $0.severity == .error })
    }

    @Test func idColumnDefinesUniquenessAndNumbersAreChecked() throws {
        let m = try parse("""
            id,subject,group,site,condition,protocol,path,map_mmhg,occlusion_start_s,occlusion_release_s
            r1,s1,control,forearm,baseline,porh,a.csv,93,120,420
            r2,s1,control,forearm,baseline,porh,b.csv,abc,,
            r1,s2,control,forearm,baseline,porh,c.csv,,,
            r3,s3,control,forearm,baseline,porh,d.csv,,120,
            r4,s4,control,forearm,baseline,porh,e.csv,,300,200
            """)
        #expect(m.entries.map(\.id) == ["r1"])
        #expect(m.entries[0].occlusions.map(\.startSeconds) == [120] && m.entries[0].occlusions.map(\.releaseSeconds) == [420])
        #expect(m.issues.map(\.row) == [3, 4, 5, 6])
        #expect(m.issues[0].message.contains("map_mmhg 'abc'"))
        #expect(m.issues[1].message.contains("duplicate id 'r1'") && m.issues[1].message.contains("the id column"))
        #expect(m.issues[2].message.contains("must be given together"))
        #expect(m.issues[3].message.contains("release must come after the start"))
    }

    @Test func missingFilesAreRowErrors() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("time,flux\n0,1\n".utf8).write(to: dir.appendingPathComponent("there.csv"))
        let text = "subject,group,site,condition,protocol,path\ns1,a,x,c,rest,there.csv\ns2,a,x,c,rest,gone.csv\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("m.csv"))
        let m = try StudyManifest(path: dir.appendingPathComponent("m.csv").path)
        #expect(m.entries.map(\.subject) == ["s1"])
        #expect(m.issues.count == 1 && m.issues[0].row == 3 && m.issues[0].message.contains("file not found"))
        #expect(throws: LDFError.self) { try StudyManifest(path: dir.appendingPathComponent("none.csv").path) }
    }

    @Test func quotedFieldsAndLineNumbersAcrossLineBreaks() throws {
        let m = try parse("subject,group,site,condition,protocol,path,note\r\n"
                          + "s1,a,x,c,rest,p.csv,\"two\nlines, \"\"quoted\"\"\"\r\ns2,a,x,c,rest,q.csv,plain\r\n")
        #expect(m.entries.map(\.row) == [2, 4])
        #expect(m.entries[0].extra == ["two\nlines, \"quoted\""])
        #expect(throws: LDFError.self) { try parse("\"subject,group,site,condition,protocol,path\ns1,a,x,c,rest,p.csv\n") }
    }

    /// An unbalanced quote fails its own row only; the rows after it are read (issue 12, item 9).
    @Test func anUnclosedQuoteFailsOnlyItsRow() throws {
        let m = try parse("""
            subject,group,site,condition,protocol,path,note
            s1,a,x,c,rest,p.csv,fine
            s2,a,x,c,rest,q.csv,"never closed
            s3,b,x,c,rest,r.csv,fine
            s4,b,x,c,rest,s.csv,"closed, with a comma"
            """)
        #expect(m.entries.map(\.subject) == ["s1", "s3", "s4"])
        #expect(m.entries.map(\.row) == [2, 4, 5])
        #expect(m.issues.count == 1)
        #expect(m.issues.first?.row == 3 && m.issues.first?.message.contains("never closed") == true)
    }

    /// A folder where a recording should be is named as such, not as a missing file.
    @Test func aFolderInThePathColumnIsNamedAsAFolder() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("recordings"), withIntermediateDirectories: true)
        let m = try StudyManifest(text: "subject,group,site,condition,protocol,path\ns1,a,x,c,rest,recordings\ns2,a,x,c,rest,none.csv\n",
                                  path: "m.csv", folder: dir)
        #expect(m.issues.map(\.row) == [2, 3])
        #expect(m.issues[0].message.contains("is a folder, not a recording"), "\(m.issues[0].message)")
        #expect(m.issues[1].message.contains("file not found"))
    }
}
