/// An error a user can act on: it says what was wrong, where, and how to fix it.
///
/// `context` names the file, line or option (for example `"data.csv line 12"` or `"--rate"`),
/// `message` states the rule that was broken, and `fix` suggests what to do instead.
public struct LDFError: Error, Sendable, Equatable, CustomStringConvertible {
    public var context: String
    public var message: String
    public var fix: String?

    /// Over-long excerpts of the input in `context` and `message` are cut (`Excerpt`).
    public init(_ context: String, _ message: String, fix: String? = nil) {
        self.context = Excerpt.shortened(context)
        self.message = Excerpt.shortened(message)
        self.fix = fix.map(Excerpt.shortened)
    }

    /// One line: `context: message (fix)`.
    public var description: String {
        var text = context.isEmpty ? message : "\(context): \(message)"
        if let fix { text += "; \(fix)" }
        return text
    }
}
