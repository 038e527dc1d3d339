import Testing
@testable import LDFStudy
@testable import ldf

/// How the study's progress line writes the rate and the time left.
@Suite struct StudyProgressTextTests {
    func pace(completed: Int, total: Int, cached: Int = 0, seconds: Double) -> StudyPace {
        StudyPace(progress: StudyProgress(completed: completed, total: total, cached: cached, failed: 0, id: "r"),
                  elapsedSeconds: seconds)
    }

    @Test func rateAndClock() {
        #expect(StudyProgressReporter.describe(pace(completed: 10, total: 50, seconds: 4)) == "2.5/s, ETA 0:16")
        #expect(StudyProgressReporter.describe(pace(completed: 1, total: 200, seconds: 30)) == "0.03/s, ETA 1:39:30")
        #expect(StudyProgressReporter.describe(pace(completed: 120, total: 200, seconds: 10)) == "12/s, ETA 0:07")
        #expect(StudyProgressReporter.describe(pace(completed: 2, total: 5, cached: 2, seconds: 1)) == "ETA --")
    }

    @Test func clockRoundsUpToWholeSeconds() {
        #expect(StudyProgressReporter.clock(0) == "0:00")
        #expect(StudyProgressReporter.clock(59.2) == "1:00")
        #expect(StudyProgressReporter.clock(3600) == "1:00:00")
    }
}
