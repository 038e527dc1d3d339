import LDFCore

/// How `ldf` names the library's settings in messages: a parameter name in camel case
/// (`maxBridge`) is the option of the same words in kebab case (`--max-bridge`). Every option the
/// library names follows this rule; `FlagSpellingTests` checks each against the commands' help.
enum FlagSpelling {
    @Sendable static func flag(_ parameter: String) -> String {
        var flag = "--"
        for character in parameter {
            if character.isUppercase {
                flag += "-" + character.lowercased()
            } else {
                flag.append(character)
            }
        }
        return flag
    }
}
