import Foundation

/// A Swedish personnummer or samordningsnummer (coordination number, day + 60), stored with the century.
/// Written YYMMDD-NNNC, with "+" instead of "-" from the year the person turns 100 (NORDIC-RULES 13.1–13.2).
public struct SwedishPersonalNumber: ValidatedIdentifier {
    public static let kind = "personnummer"

    /// Twelve digits, YYYYMMDDNNNC, as Skatteverket stores them, e.g. "198803200016".
    public let normalized: String
    /// The date the number encodes. Skatteverket may have shifted it a few days when a date ran out of
    /// numbers, so it is the registered date part, not a proof of birth.
    public let birthDate: CivilDate

    /// Reads a 10-digit form against today's date in Sweden; see `init(validating:referenceDate:)`.
    public init(validating text: String) throws(IdentifierError) {
        try self.init(parsing: text) { Self.todayInSweden().year }
    }

    /// Accepts YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC and YYYYMMDD-NNNC, with spaces or dashes
    /// anywhere. A 10-digit form has no century: it is the latest one not after `referenceDate`'s year,
    /// a century earlier with "+".
    public init(validating text: String, referenceDate: CivilDate) throws(IdentifierError) {
        try self.init(parsing: text) { referenceDate.year }
    }

    /// Reads the clock only for a 10-digit form, so that decoding stored 12-digit numbers stays cheap.
    private init(parsing text: String, referenceYear: () -> Int) throws(IdentifierError) {
        let plusCount = text.count(where: { $0 == "+" })
        let digits: String
        do {
            digits = try IdentifierText.digits(of: text.filter { $0 != "+" }, kind: Self.kind)
        } catch {
            throw IdentifierError(kind: Self.kind, value: text, reason: error.reason)
        }
        guard digits.count == 10 || digits.count == 12 else {
            throw .digitCount(Self.kind, text, expected: "10 or 12", actual: digits.count)
        }
        if plusCount > 0 {
            let beforePlus = text.prefix(while: { $0 != "+" }).filter(\.isASCIIDigitCharacter).count
            guard plusCount == 1, digits.count == 10, beforePlus == 6 else {
                throw IdentifierError(
                    kind: Self.kind, value: text,
                    reason: "'+' may only stand between the date and the last four digits of the 10-digit form")
            }
        }
        let values = IdentifierText.values(digits)
        let year: Int
        if digits.count == 12 {
            year = values[0] * 1000 + values[1] * 100 + values[2] * 10 + values[3]
        } else {
            let yearOfCentury = values[0] * 10 + values[1]
            let reference = referenceYear()
            let latest = reference - (reference % 100 - yearOfCentury + 100) % 100
            year = plusCount > 0 ? latest - 100 : latest
        }
        let tenDigits = String(digits.suffix(10))
        let dateValues = Array(values.suffix(10))
        let month = dateValues[2] * 10 + dateValues[3]
        let rawDay = dateValues[4] * 10 + dateValues[5]
        guard (1...12).contains(month) else {
            throw IdentifierError(kind: Self.kind, value: text, reason: "month \(month) is not a month (01–12)")
        }
        let day = rawDay > 60 ? rawDay - 60 : rawDay
        guard let date = try? CivilDate(year, month, day) else {
            throw IdentifierError(
                kind: Self.kind, value: text,
                reason: "day \(rawDay) does not exist in \(year)-\(month < 10 ? "0" : "")\(month) "
                    + "(a samordningsnummer adds 60 to the day)")
        }
        guard Luhn.isValid(tenDigits) else { throw .checkDigit(Self.kind, text) }
        normalized = String(year) + tenDigits.dropFirst(2)
        birthDate = date
    }

    /// Whether this is a samordningsnummer (day + 60), given to people who are not folkbokförda.
    public var isCoordinationNumber: Bool { IdentifierText.values(normalized.dropFirst(6).prefix(2))[0] >= 6 }

    /// The date part and four stars, e.g. "19880320-****": safe for screens and logs.
    public var masked: String { String(normalized.prefix(8)) + "-****" }

    /// The 12-digit form with a dash, e.g. "19880320-0016".
    public var formatted: String { IdentifierText.grouped(normalized, sizes: [8], separator: "-") }

    /// The 10-digit form as written on `date`: "880320-0016", or "121212+1212" from the year the
    /// person turns 100.
    public func tenDigitForm(on date: CivilDate) -> String {
        let separator = date.year - birthDate.year >= 100 ? "+" : "-"
        return String(normalized.dropFirst(2).prefix(6)) + separator + normalized.suffix(4)
    }

    /// Masked, so that printing a debtor never leaks the full number; use `normalized` where it is needed.
    public var description: String { masked }

    /// Skatteverket's calendar is Sweden's, whatever the server's time zone.
    private static func todayInSweden() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: Country.sweden.timeZoneIdentifier) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day,
              let today = try? CivilDate(year, month, day) else {
            preconditionFailure("the Gregorian calendar gave no date for now")
        }
        return today
    }
}
