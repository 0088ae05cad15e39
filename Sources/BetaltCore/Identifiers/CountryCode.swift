/// An ISO 3166-1 alpha-2 country code as Betalt keeps one: two letters in upper case (`NO`, `SE`). Notices' language,
/// the checks of postal codes and registry numbers, and the agency handover all go by it.
public enum CountryCode {
    /// `text` (trimmed) as a code, upper case whatever case it came in (`se` is Sweden); nil when it is not two ASCII
    /// letters. Checked before upper-casing, which would make "ß" the two letters "SS".
    public static func reading(_ text: String) -> String? {
        let letters = text.unicodeScalars
        guard letters.count == 2, letters.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) else { return nil }
        return text.uppercased()
    }

    /// Whether `text` is a code as kept: two upper-case ASCII letters. "Sverige", once kept as written, is not.
    public static func isKept(_ text: String) -> Bool {
        reading(text) == text
    }

    /// What a value that is not a code is told, after the value.
    public static let expected = "is not a country code (two letters, ISO 3166-1, such as NO or SE)"
}
