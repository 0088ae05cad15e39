/// A Swedish OCR reference (OCR-nummer) for bankgiro and plusgiro payments: up to 25 digits, the last a
/// Luhn check digit, optionally preceded by a length digit (Bankgirot's "hård kontroll med variabel längd").
public struct OCRReference: ValidatedIdentifier {
    public static let kind = "OCR-referens"
    /// Bankgirot accepts 2 to 25 digits including the control digits.
    public static let lengths = 2...25

    /// The digits, e.g. "1234574".
    public let normalized: String

    /// Checks the Luhn digit only.
    public init(validating text: String) throws(IdentifierError) {
        try self.init(validating: text, requireLengthDigit: false)
    }

    /// Checks the Luhn digit and, when `requireLengthDigit`, that the second-to-last digit is the total
    /// length modulo 10, as the creditor's agreement with Bankgirot may require.
    public init(validating text: String, requireLengthDigit: Bool) throws(IdentifierError) {
        let digits = try IdentifierText.digits(of: text, kind: Self.kind, counts: Self.lengths)
        guard Luhn.isValid(digits) else { throw .checkDigit(Self.kind, text) }
        if requireLengthDigit {
            guard digits.count >= 3 else {
                throw .digitCount(Self.kind, text, expected: "3 to 25", actual: digits.count)
            }
            guard Self.lengthDigitFits(digits) else {
                throw IdentifierError(
                    kind: Self.kind, value: text,
                    reason: "the length digit should be \(digits.count % 10), "
                        + "since the reference has \(digits.count) digits")
            }
        }
        normalized = digits
    }

    /// Appends the control digits to `base`: the length digit when asked for, then the Luhn digit.
    public static func generate(base: String, withLengthDigit: Bool) throws(IdentifierError) -> OCRReference {
        let digits = try IdentifierText.digits(of: base, kind: kind)
        let length = digits.count + (withLengthDigit ? 2 : 1)
        guard length <= lengths.upperBound else {
            throw IdentifierError(
                kind: kind, value: base,
                reason: "is too long: an OCR reference has at most 25 digits including its control digits")
        }
        let stem = withLengthDigit ? digits + String(length % 10) : digits
        guard let check = Luhn.checkDigit(for: stem) else { throw .empty(kind, base) }
        return try OCRReference(validating: stem + String(check), requireLengthDigit: withLengthDigit)
    }

    /// Whether the second-to-last digit states the length, so a "variable length" check would pass.
    public var hasValidLengthDigit: Bool { normalized.count >= 3 && Self.lengthDigitFits(normalized) }

    private static func lengthDigitFits(_ digits: String) -> Bool {
        IdentifierText.values(digits.suffix(2))[0] == digits.count % 10
    }
}
