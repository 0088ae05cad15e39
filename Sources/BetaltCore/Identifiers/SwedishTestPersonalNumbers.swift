extension SwedishPersonalNumber {
    /// The birth dates for which `testNumber(birthDate:serial:)` has a number: a slice of Skatteverket's list.
    public static let testNumberBirthDates = try! CivilDate(1995, 4, 1)...CivilDate(1996, 7, 31)

    /// A personnummer that Skatteverket has reserved for testing and will never give to a real person,
    /// for demo data and tests; nil when this slice of the list has none for `birthDate` and `serial`.
    ///
    /// Skatteverket publishes no rule for generating such numbers. It publishes a list, "Testpersonnummer"
    /// (skatteverket.se, "API:er och öppna data"; also on dataportal.se), whose numbers "är formellt
    /// korrekta men kommer inte att tilldelas någon verklig person" (SPAR, kundtestmiljö). Numbers
    /// merely computed with a valid check digit may belong to someone, so this returns only numbers from
    /// that list. It covers `testNumberBirthDates`, where the list (as copied into ActiveLogin.Identity's
    /// test data) has one number per date: birth number 238 on 1995-04-01, then 239 and 238 on alternating
    /// days. Every date of the slice was checked against that copy; elsewhere the list uses other birth
    /// numbers and the alternation breaks, so the pattern is not extended. `serial` picks among a date's
    /// listed numbers, of which the slice has one: only 0 gives a number.
    public static func testNumber(birthDate: CivilDate, serial: Int) -> SwedishPersonalNumber? {
        guard serial == 0, testNumberBirthDates.contains(birthDate) else { return nil }
        let birthNumber = 238 + testNumberBirthDates.lowerBound.days(until: birthDate) % 2
        let stem = String(birthDate.iso.filter(\.isASCIIDigitCharacter).dropFirst(2)) + String(birthNumber)
        guard let check = Luhn.checkDigit(for: stem) else { return nil }
        return try? SwedishPersonalNumber(
            validating: String(birthDate.year / 100) + stem + String(check), referenceDate: birthDate)
    }

    /// Every number of the slice, in date order.
    public static var testNumbers: [SwedishPersonalNumber] {
        let first = testNumberBirthDates.lowerBound
        return (0...first.days(until: testNumberBirthDates.upperBound)).compactMap {
            testNumber(birthDate: first.adding(days: $0), serial: 0)
        }
    }
}
