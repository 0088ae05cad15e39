import BetaltCore

/// Nets writes dates as DDMMYY; all-zero means "no date".
enum NetsDate {
    /// Two-digit years 80–99 are the 1900s (the format dates from the 1990s), 00–79 the 2000s.
    static func read(_ line: FixedWidthLine, _ positions: ClosedRange<Int>, field: String) throws(FormatError) -> CivilDate? {
        let text = try line.digits(positions, field: field)
        guard text != "000000" else { return nil }
        let digits = Array(text.utf8).map { Int($0) - 0x30 }
        let day = digits[0] * 10 + digits[1]
        let month = digits[2] * 10 + digits[3]
        let shortYear = digits[4] * 10 + digits[5]
        do {
            return try CivilDate(shortYear >= 80 ? 1900 + shortYear : 2000 + shortYear, month, day)
        } catch {
            throw line.error(field, "'\(text)' is not a date (DDMMYY)")
        }
    }
}
