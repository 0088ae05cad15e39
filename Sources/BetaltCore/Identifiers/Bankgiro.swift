/// A Swedish bankgironummer: 7 or 8 digits, the last a Luhn check digit.
public struct Bankgiro: ValidatedIdentifier {
    public static let kind = "bankgironummer"

    /// The digits, e.g. "54029681".
    public let normalized: String

    public init(validating text: String) throws(IdentifierError) {
        let digits = try IdentifierText.digits(of: text, kind: Self.kind, counts: 7...8)
        guard Luhn.isValid(digits) else { throw .checkDigit(Self.kind, text) }
        normalized = digits
    }

    /// As Bankgirot prints it, four digits after the dash: "5402-9681", "640-5070".
    public var formatted: String {
        IdentifierText.grouped(normalized, sizes: [normalized.count - 4], separator: "-")
    }

    public var description: String { formatted }
}
