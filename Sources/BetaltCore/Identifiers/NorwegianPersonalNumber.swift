/// A Norwegian national identity number: fødselsnummer, D-nummer, H-nummer or a synthetic test number.
/// 11 digits: DDMMYY, a 3-digit individnummer and two MOD11 control digits (NORDIC-RULES 7.1–7.3).
public struct NorwegianPersonalNumber: ValidatedIdentifier {
    public static let kind = "fødselsnummer"

    /// Which series the number belongs to, read from how the date digits were shifted.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// An ordinary fødselsnummer.
        case fodselsnummer
        /// A D-nummer (day + 40), given to people who are not, or not yet, resident.
        case dNumber
        /// An H-nummer (month + 40), a health-sector help number. NAV's Dolly test numbers use the same
        /// shift, so they are indistinguishable from H-numbers and reported as such.
        case hNumber
        /// A synthetic test number from Skatteetaten's Test-Norge/Tenor (month + 80): never a real person.
        case synthetic
    }

    /// The 11 digits, e.g. "15108695088".
    public let normalized: String
    public let kind: Kind
    /// Whether the day was shifted by 40: a D-nummer, also when the month is shifted as well.
    public let isDNumber: Bool
    /// The birth date the number encodes, with the century from the individnummer. Nil when the number
    /// does not say: an individnummer outside the century ranges, or a number issued under the 2032 rules,
    /// whose digits no longer carry the century. Then ask Folkeregisteret.
    public let birthDate: CivilDate?

    public init(validating text: String) throws(IdentifierError) {
        let digits = try IdentifierText.digits(of: text, kind: Self.kind, count: 11)
        let values = IdentifierText.values(digits)
        guard let controlRule = Self.controlRule(of: values) else { throw .checkDigit(Self.kind, text) }
        let rawDay = values[0] * 10 + values[1]
        let rawMonth = values[2] * 10 + values[3]
        let yearOfCentury = values[4] * 10 + values[5]
        let individualNumber = values[6] * 100 + values[7] * 10 + values[8]

        let day: Int
        switch rawDay {
        case 1...31: day = rawDay
        case 41...71: day = rawDay - 40
        default:
            throw IdentifierError(
                kind: Self.kind, value: text,
                reason: "day \(rawDay) is impossible: a day is 01–31, or 41–71 in a D-nummer")
        }
        let month: Int
        switch rawMonth {
        case 1...12: month = rawMonth
        case 41...52: month = rawMonth - 40
        case 81...92: month = rawMonth - 80
        default:
            throw IdentifierError(
                kind: Self.kind, value: text,
                reason: "month \(rawMonth) is impossible: a month is 01–12, 41–52 in an H-nummer, "
                    + "or 81–92 in a synthetic number")
        }
        let century = controlRule == .since1964
            ? Self.century(individualNumber: individualNumber, yearOfCentury: yearOfCentury) : nil
        if let century {
            guard let date = try? CivilDate(century + yearOfCentury, month, day) else {
                throw Self.impossibleDate(text, day, month, century + yearOfCentury)
            }
            birthDate = date
        } else {
            // 1900 was no leap year but 2000 was, so year 00 may have a 29 February.
            let leap = yearOfCentury % 4 == 0
            guard day <= CivilDate.daysIn(month: month, year: leap ? 2000 : 2001) else {
                throw Self.impossibleDate(text, day, month, nil)
            }
            birthDate = nil
        }
        normalized = digits
        isDNumber = rawDay > 40
        kind = rawMonth > 80 ? .synthetic : rawMonth > 40 ? .hNumber : isDNumber ? .dNumber : .fodselsnummer
    }

    /// A Test-Norge-style synthetic number (month + 80) for `birthDate`, or nil when there is none:
    /// `individualNumber` outside 0–999 or outside the range that encodes the birth year's century
    /// (so that `birthDate` reads back), or a control digit that would be 10.
    public static func synthetic(birthDate: CivilDate, individualNumber: Int) -> NorwegianPersonalNumber? {
        guard (0...999).contains(individualNumber),
              century(individualNumber: individualNumber, yearOfCentury: birthDate.year % 100)
                == birthDate.year - birthDate.year % 100 else { return nil }
        let stem = twoDigits(birthDate.day) + twoDigits(birthDate.month + 80) + twoDigits(birthDate.year % 100)
            + String(individualNumber + 1000).dropFirst()
        var values = IdentifierText.values(stem)
        let firstControl = Mod11.checkValue(for: values, weights: firstControlWeights)
        values.append(firstControl)
        let secondControl = Mod11.checkValue(for: values)
        guard firstControl < 10, secondControl < 10 else { return nil }
        return try? NorwegianPersonalNumber(validating: stem + String(firstControl) + String(secondControl))
    }

    /// Whether this is a synthetic test number that cannot belong to a real person.
    public var isSynthetic: Bool { kind == .synthetic }

    /// The date part and five stars, e.g. "150190 *****": safe for screens and logs.
    public var masked: String { String(normalized.prefix(6)) + " *****" }

    /// Date part and personnummer apart, e.g. "151086 95088".
    public var formatted: String { IdentifierText.grouped(normalized, sizes: [6, 5]) }

    /// Masked, so that printing a debtor never leaks the full number; use `normalized` where it is needed.
    public var description: String { masked }

    /// Weights of the first control digit (K1); the second (K2) uses the standard MOD11 weights.
    public static let firstControlWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2]

    private enum ControlRule {
        /// K1 leaves remainder 0: every number issued so far, and some issued from 2032.
        case since1964
        /// K1 leaves remainder 1, 2 or 3: only numbers issued from 1 January 2032.
        case from2032
    }

    /// Skatteetaten's numbers from 2032 allow K1 remainders 0–3 instead of only 0, while K2 is unchanged.
    /// Source: skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/, as
    /// implemented by NAV's fnrvalidator; NORDIC-RULES 7.2 and 17.10 had this as unconfirmed.
    private static func controlRule(of values: [Int]) -> ControlRule? {
        let firstRemainder = Mod11.weightedSum(Array(values[0...9]), weights: firstControlWeights + [1]) % 11
        let secondRemainder = Mod11.weightedSum(values, weights: Mod11.standardWeights(count: 10) + [1]) % 11
        guard secondRemainder == 0 else { return nil }
        switch firstRemainder {
        case 0: return .since1964
        case 1...3: return .from2032
        default: return nil
        }
    }

    /// The first year of the birth century, from the individnummer series (NORDIC-RULES 7.1).
    private static func century(individualNumber: Int, yearOfCentury: Int) -> Int? {
        switch (individualNumber, yearOfCentury) {
        case (0...499, _): 1900
        case (500...749, 54...99): 1800
        case (500...999, 0...39): 2000
        case (900...999, 40...99): 1900
        default: nil
        }
    }

    private static func impossibleDate(_ text: String, _ day: Int, _ month: Int, _ year: Int?) -> IdentifierError {
        let when = year.map { "\(twoDigits(day)).\(twoDigits(month)).\($0)" } ?? "\(twoDigits(day)).\(twoDigits(month))"
        return IdentifierError(kind: kind, value: text, reason: "birth date \(when) does not exist")
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
