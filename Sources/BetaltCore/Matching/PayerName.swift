/// A name reduced to what survives a bank's handling of it: upper case, letters and digits, single spaces.
/// "Fjord Bakeri AS", "FJORD BAKERI AS" and "Fjord-Bakeri  AS" all become "FJORD BAKERI AS".
public enum PayerName {
    public static func key(_ name: String) -> String {
        String(name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ", omittingEmptySubsequences: true)
            .joined(separator: " ")
    }
}
