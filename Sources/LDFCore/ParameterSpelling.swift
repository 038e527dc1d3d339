import Synchronization

/// How messages name a setting.
///
/// The library names each setting by its parameter name (`rate`, `maxBridge`, `hampelWindow`),
/// never by the spelling of one application: a message writes `\(parameter: "maxBridge")`.
/// An application that spells its settings otherwise (the `ldf` command line: `--max-bridge`)
/// installs its spelling once, before any work, and every error, warning and reason then names the
/// setting as its user types it. Without an installed spelling, names appear as they are.
public enum ParameterSpelling {
    private static let spelling = Mutex<@Sendable (String) -> String>({ $0 })

    /// Replaces the spelling for the rest of the process.
    public static func install(_ spell: @escaping @Sendable (String) -> String) {
        spelling.withLock { $0 = spell }
    }

    /// `name` as the installed spelling writes it.
    public static func spell(_ name: String) -> String {
        let spell = spelling.withLock { $0 }
        return spell(name)
    }
}

extension DefaultStringInterpolation {
    /// A setting named by its parameter name, written in the installed `ParameterSpelling`.
    public mutating func appendInterpolation(parameter name: String) {
        appendLiteral(ParameterSpelling.spell(name))
    }
}
