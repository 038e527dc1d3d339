import Testing
@testable import LDFStudy

/// The rate and time left shown by the study's progress bar.
@Suite struct StudyPaceTests {
    func progress(completed: Int, total: Int, cached: Int = 0) -> StudyProgress {
        StudyProgress(completed: completed, total: total, cached: cached, failed: 0, id: "r")
    }

    @Test func rateAndTimeLeftFromAnalysedRows() {
        // 10 of 50 in 4 s: 2.5 per second, 40 left take 16 s.
        let pace = StudyPace(progress: progress(completed: 10, total: 50), elapsedSeconds: 4)
        #expect(pace.perSecond == 2.5)
        #expect(pace.remainingSeconds == 16)
    }

    @Test func cacheHitsDoNotSpeedTheEstimate() {
        // 8 of the 10 came from the cache: only 2 were analysed in 4 s, so 40 left take 80 s.
        let pace = StudyPace(progress: progress(completed: 10, total: 50, cached: 8), elapsedSeconds: 4)
        #expect(pace.perSecond == 0.5)
        #expect(pace.remainingSeconds == 80)
    }

    @Test func unknownUntilOneIsAnalysedAndZeroWhenDone() {
        let cachedOnly = StudyPace(progress: progress(completed: 3, total: 9, cached: 3), elapsedSeconds: 1)
        #expect(cachedOnly.perSecond == nil && cachedOnly.remainingSeconds == nil)
        let allCached = StudyPace(progress: progress(completed: 9, total: 9, cached: 9), elapsedSeconds: 1)
        #expect(allCached.perSecond == nil && allCached.remainingSeconds == 0)
    }
}
