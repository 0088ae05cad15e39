/// A Norwegian KID (kundeidentifikasjon), the payment reference on a giro: 2–25 characters, the last a
/// MOD10 or MOD11 check character. The creditor's agreement with the bank fixes which algorithm applies.
public struct KID: ValidatedIdentifier {
    public static let kind = "KID"
    /// A KID is at most 25 characters including the check character (Nets OCR giro).
    public static let lengths = 2...25

    /// The check-digit algorithms a KID agreement can name.
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        /// Luhn.
        case mod10
        /// Weights 2–7 from the right; a check value of 10 is written "-".
        case mod11
    }

    /// The digits with the check character, e.g. "12345678903" or "036536-".
    public let normalized: String
    /// The algorithm the check character satisfies; MOD10 when it satisfies both and none was required.
    public let algorithm: Algorithm

    /// Accepts either algorithm.
    public init(validating text: String) throws(IdentifierError) {
        try self.init(validating: text, algorithm: nil)
    }

    /// Accepts only `algorithm`, or either when it is nil. Spaces between digit groups are ignored.
    public init(validating text: String, algorithm: Algorithm?) throws(IdentifierError) {
        var characters = text.filter { !$0.isWhitespace }
        guard !characters.isEmpty else { throw .empty(Self.kind, text) }
        let dashCheck = characters.last == "-"
        if dashCheck { characters.removeLast() }
        if let stray = characters.first(where: { !$0.isASCIIDigitCharacter }) {
            throw .notADigit(Self.kind, text, stray)
        }
        let length = characters.count + (dashCheck ? 1 : 0)
        guard Self.lengths.contains(length) else {
            throw IdentifierError(
                kind: Self.kind, value: text,
                reason: "must have 2 to 25 digits including the check digit, not \(length)")
        }
        let candidates = algorithm.map { [$0] } ?? Algorithm.allCases
        let payload = dashCheck ? characters : String(characters.dropLast())
        let check = dashCheck ? "-" : String(characters.suffix(1))
        guard let fitting = candidates.first(where: { Self.checkCharacter(for: payload, $0) == check }) else {
            if dashCheck && algorithm == .mod10 {
                throw IdentifierError(kind: Self.kind, value: text, reason: "ends in '-', which only a MOD11 KID can")
            }
            let which = algorithm.map { " for \($0.rawValue.uppercased())" } ?? ""
            throw IdentifierError(
                kind: Self.kind, value: text,
                reason: "the check digit is wrong\(which) (a digit is probably mistyped)")
        }
        normalized = payload + check
        self.algorithm = fitting
    }

    /// Appends the check character to `base` (1–24 digits).
    public static func generate(base: String, algorithm: Algorithm) throws(IdentifierError) -> KID {
        let digits = try IdentifierText.digits(of: base, kind: kind)
        guard digits.count < lengths.upperBound else {
            throw IdentifierError(
                kind: kind, value: base,
                reason: "is too long: a KID has at most 25 digits including the check digit, so the base at most 24")
        }
        return try KID(validating: digits + checkCharacter(for: digits, algorithm), algorithm: algorithm)
    }

    /// Two KIDs are the same payment reference when their characters are, whichever algorithm was named.
    public static func == (lhs: KID, rhs: KID) -> Bool { lhs.normalized == rhs.normalized }

    public func hash(into hasher: inout Hasher) { hasher.combine(normalized) }

    private static func checkCharacter(for payload: String, _ algorithm: Algorithm) -> String {
        switch algorithm {
        case .mod10:
            return Luhn.checkDigit(for: payload).map(String.init) ?? ""
        case .mod11:
            let value = Mod11.checkValue(for: IdentifierText.values(payload))
            return value == 10 ? "-" : String(value)
        }
    }
}
