/// Why a text is not a valid identifier, in words a clerk can act on.
public struct IdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The identifier's everyday name, e.g. "organisasjonsnummer" or "bankgironummer".
    public let kind: String
    /// The text as it was given.
    public let value: String
    /// What is wrong, e.g. "must have 9 digits, not 8".
    public let reason: String

    public init(kind: String, value: String, reason: String) {
        self.kind = kind
        self.value = value
        self.reason = reason
    }

    public var description: String { "\(kind) '\(value)': \(reason)" }
}

extension IdentifierError {
    static func empty(_ kind: String, _ value: String) -> IdentifierError {
        IdentifierError(kind: kind, value: value, reason: "is empty")
    }

    static func notADigit(_ kind: String, _ value: String, _ character: Character) -> IdentifierError {
        IdentifierError(kind: kind, value: value, reason: "contains '\(character)', which is not a digit")
    }

    static func digitCount(_ kind: String, _ value: String, expected: String, actual: Int) -> IdentifierError {
        IdentifierError(kind: kind, value: value, reason: "must have \(expected) digits, not \(actual)")
    }

    static func checkDigit(_ kind: String, _ value: String) -> IdentifierError {
        IdentifierError(kind: kind, value: value, reason: "the check digit is wrong (a digit is probably mistyped)")
    }
}
