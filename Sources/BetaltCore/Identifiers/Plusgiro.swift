/// A Swedish plusgironummer: 2 to 8 digits, the last a Luhn check digit (length from secondary sources,
/// NORDIC-RULES 13.5).
public struct Plusgiro: ValidatedIdentifier {
    public static let kind = "plusgironummer"

    /// The digits, e.g. "41054685".
    public let normalized: String

    public init(validating text: String) throws(IdentifierError) {
        let digits = try IdentifierText.digits(of: text, kind: Self.kind, counts: 2...8)
        guard Luhn.isValid(digits) else { throw .checkDigit(Self.kind, text) }
        normalized = digits
    }

    /// As Plusgirot prints it: pairs from the right, a lone leading digit joining the first pair, and the
    /// check digit after a dash: "28 65 43-4", "410 54 68-5".
    public var formatted: String {
        let number = normalized.dropLast()
        var sizes = Array(repeating: 2, count: number.count / 2)
        if number.count % 2 == 1 {
            if sizes.isEmpty { sizes = [1] } else { sizes[0] = 3 }
        }
        return IdentifierText.grouped(String(number), sizes: sizes) + "-" + normalized.suffix(1)
    }

    public var description: String { formatted }
}
