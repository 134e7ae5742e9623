/// The rule a passphrase must meet to seal a file (opening a file accepts any passphrase).
///
/// At least 12 characters; not a single repeated character; at least two kinds of character among
/// lower-case letters, upper-case letters, digits and others (a space counts as "other", so four
/// lower-case words separated by spaces pass); and not one of a short list of common passphrases
/// (compared case-insensitively, ignoring spaces). Documented in docs/SEALED.md.
public enum PassphrasePolicy {
    /// The minimum length in characters.
    public static let minimumLength = 12

    /// Common passphrases of 12 characters or more, lower-case without spaces.
    static let common: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "password1234", "passwordpassword", "password123456",
        "qwertyuiop12", "qwertyuiopasdf", "qwerty123456", "iloveyou1234", "letmein12345", "administrator",
        "abcdefghijkl", "abc123abc123", "111111111111", "000000000000", "correcthorsebatterystaple",
        "passphrase12", "changeme1234", "welcome12345", "passage12345", "passagepassage",
    ]

    /// Throws ``SealingError/weakPassphrase(_:)`` with the rule broken, or returns.
    public static func check(_ passphrase: Passphrase) throws {
        let text = passphrase.text
        guard text.count >= minimumLength else {
            throw SealingError.weakPassphrase("it must have at least \(minimumLength) characters")
        }
        guard Set(text).count > 1 else { throw SealingError.weakPassphrase("it repeats a single character") }
        var kinds = Set<Int>()
        for character in text {
            if character.isLowercase { kinds.insert(0) } else if character.isUppercase { kinds.insert(1) }
            else if character.isNumber { kinds.insert(2) } else { kinds.insert(3) }
        }
        guard kinds.count >= 2 else {
            throw SealingError.weakPassphrase(
                "it uses one kind of character only; mix in capitals, digits, spaces or punctuation")
        }
        let folded = String(text.lowercased().filter { !$0.isWhitespace })
        guard !common.contains(folded) else { throw SealingError.weakPassphrase("it is a commonly used passphrase") }
    }
}
