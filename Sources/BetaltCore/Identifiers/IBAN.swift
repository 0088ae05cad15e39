/// An International Bank Account Number (ISO 13616): country code, two check digits (mod 97) and the
/// national account number (BBAN).
public struct IBAN: ValidatedIdentifier {
    public static let kind = "IBAN"

    /// IBAN lengths of the countries Betalt's creditors and debtors bank in (ECBS/SWIFT IBAN registry).
    /// Other countries are checked against the ISO 13616 bounds only.
    public static let lengthByCountry: [String: Int] = [
        "NO": 15, "SE": 24, "DK": 18, "FI": 18, "IS": 26, "DE": 22, "GB": 22, "NL": 18, "BE": 16,
        "FR": 27, "ES": 24, "IT": 27, "PL": 28, "EE": 20, "LV": 21, "LT": 20, "AT": 20, "CH": 21,
        "IE": 22, "LU": 20, "PT": 25,
    ]
    static let lengths = 15...34

    /// Upper case without spaces, e.g. "NO9386011117947".
    public let normalized: String

    public init(validating text: String) throws(IdentifierError) {
        let compact = text.filter { !$0.isWhitespace && $0 != "-" }.uppercased()
        guard !compact.isEmpty else { throw .empty(Self.kind, text) }
        if let stray = compact.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            throw IdentifierError(
                kind: Self.kind, value: text, reason: "contains '\(stray)', which is neither a letter nor a digit")
        }
        let country = String(compact.prefix(2))
        guard country.count == 2, country.allSatisfy(\.isLetter) else {
            throw IdentifierError(kind: Self.kind, value: text, reason: "must start with a two-letter country code")
        }
        guard compact.dropFirst(2).prefix(2).allSatisfy(\.isASCIIDigitCharacter) else {
            throw IdentifierError(
                kind: Self.kind, value: text, reason: "must have two check digits after the country code")
        }
        if let expected = Self.lengthByCountry[country] {
            guard compact.count == expected else {
                throw IdentifierError(
                    kind: Self.kind, value: text,
                    reason: "a \(country) IBAN has \(expected) characters, this has \(compact.count)")
            }
        } else if !Self.lengths.contains(compact.count) {
            throw IdentifierError(
                kind: Self.kind, value: text, reason: "must have 15 to 34 characters, not \(compact.count)")
        }
        guard Self.remainder(compact.dropFirst(4) + compact.prefix(4)) == 1 else {
            throw IdentifierError(
                kind: Self.kind, value: text, reason: "the check digits are wrong (a character is probably mistyped)")
        }
        // A Norwegian IBAN wraps a kontonummer, whose own check digit must hold too.
        if country == "NO", (try? NorwegianBankAccount(validating: String(compact.dropFirst(4)))) == nil {
            throw IdentifierError(
                kind: Self.kind, value: text, reason: "the account number inside is not a valid Norwegian kontonummer")
        }
        normalized = compact
    }

    /// Builds the IBAN of a national account number by computing the check digits.
    init(countryCode: String, bban: String) {
        let check = 98 - Self.remainder(bban + countryCode + "00")
        normalized = countryCode + (check < 10 ? "0" : "") + String(check) + bban
    }

    public var countryCode: String { String(normalized.prefix(2)) }

    /// The national account number, e.g. the kontonummer "86011117947".
    public var bban: String { String(normalized.dropFirst(4)) }

    /// In groups of four, as printed: "NO93 8601 1117 947".
    public var formatted: String {
        IdentifierText.grouped(normalized, sizes: Array(repeating: 4, count: normalized.count / 4))
    }

    public var description: String { formatted }

    /// The number mod 97 with letters as 10…35, taken a digit at a time so that no big integer is needed.
    private static func remainder(_ characters: some StringProtocol) -> Int {
        var remainder = 0
        for character in characters {
            let value = character.isASCIIDigitCharacter
                ? Int(character.asciiValue! - 48) : Int(character.asciiValue! - 65) + 10
            remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97
        }
        return remainder
    }
}
