import Testing
import LDFCore

/// Messages stay short whatever the input (issue 12, item 9).
@Suite struct ExcerptTests {
    @Test func aLongQuotedExcerptIsCutToAboutEightyCharacters() {
        let cell = String(repeating: "x", count: 10_000_000)
        let error = LDFError("data.csv line 2", "the time column 'time' holds '\(cell)', which is not a number", fix: "write times as seconds")
        #expect(error.description.count < 200, "\(error.description.prefix(300))")
        #expect(error.message.hasPrefix("the time column 'time' holds '" + String(repeating: "x", count: 77) + "…'"))
        #expect(error.message.hasSuffix(", which is not a number"))
    }

    @Test func shortMessagesAndApostrophesInWordsAreKept() {
        let text = "the site's preset gives 180 s; PORH needs an arterial occlusion of 1-5 min, and the recording's rest is 120 s long"
        #expect(Excerpt.shortened(text) == text)
        #expect(Excerpt.shortened("'abc' is not a number") == "'abc' is not a number")
        let diagnostic = Diagnostic.warning("x", "column 'flux': text '\(String(repeating: "y", count: 500))' read as missing")
        #expect(diagnostic.message.count < 150)
    }

    @Test func anOverLongMessageIsCutWithItsLength() {
        let text = String(repeating: "word ", count: 1000)
        let cut = Excerpt.shortened(text)
        #expect(cut.count < Excerpt.messageLimit + 40)
        #expect(cut.hasSuffix("… (5000 characters)"))
    }

    @Test func manyUnclosedQuotesStayLinear() {
        // An adversarial message: a quote that no later quote closes, many times over.
        let text = String(repeating: " 'a", count: 300_000)
        #expect(Excerpt.shortened(text).count <= Excerpt.messageLimit + 40)
    }
}
