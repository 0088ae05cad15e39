import BetaltCore
import PropertyBased
import Testing

private let nbsp = "\u{00A0}"
private let minus = "\u{2212}"

private func nok(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .nok) }

@Suite struct MoneyFormattingTests {
    @Test func norwegianGroupsWithNoBreakSpacesAndSaysKr() {
        #expect(nok(123_450).formatted(.nb) == "1\(nbsp)234,50\(nbsp)kr")
        #expect(nok(123_456_789_01).formatted(.nb) == "123\(nbsp)456\(nbsp)789,01\(nbsp)kr")
    }

    @Test func smallAmountsKeepTheirLeadingZeros() {
        #expect(nok(5).formatted(.nb) == "0,05\(nbsp)kr")
        #expect(nok(0).formatted(.nb) == "0,00\(nbsp)kr")
        #expect(nok(100_000).formatted(.nb) == "1\(nbsp)000,00\(nbsp)kr")
        #expect(nok(99_999).formatted(.nb) == "999,99\(nbsp)kr")
    }

    @Test func swedishSaysKrForKronor() {
        let sek = Money(minorUnits: 123_450, currency: .sek)
        #expect(sek.formatted(.sv) == "1\(nbsp)234,50\(nbsp)kr")
    }

    @Test func aForeignCurrencyShowsItsCode() {
        #expect(Money(minorUnits: 123_450, currency: .eur).formatted(.nb) == "1\(nbsp)234,50\(nbsp)EUR")
        #expect(nok(123_450).formatted(.sv) == "1\(nbsp)234,50\(nbsp)NOK")
        #expect(Money(minorUnits: 123_450, currency: .sek).formatted(.nb) == "1\(nbsp)234,50\(nbsp)SEK")
    }

    @Test func englishPutsTheCodeFirstWithCommaGroups() {
        #expect(nok(123_450).formatted(.en) == "NOK\(nbsp)1,234.50")
        #expect(Money(minorUnits: 100_000_000, currency: .sek).formatted(.en) == "SEK\(nbsp)1,000,000.00")
    }

    @Test func negativesUseTheTrueMinusSign() {
        #expect(nok(-123_450).formatted(.nb) == "\(minus)1\(nbsp)234,50\(nbsp)kr")
        #expect(nok(-123_450).formatted(.en) == "\(minus)NOK\(nbsp)1,234.50")
        #expect(!nok(-1).formatted(.sv).contains("-"))
    }

    @Test func aCurrencyWithoutMinorUnitsHasNoDecimals() {
        let yen = Money(minorUnits: 1_234_567, currency: Currency(code: "JPY", minorUnitDigits: 0))
        #expect(yen.formatted(.en) == "JPY\(nbsp)1,234,567")
        #expect(yen.decimalString == "1234567")
    }

    @Test func decimalStringIsPlainWithADot() {
        #expect(nok(123_450).decimalString == "1234.50")
        #expect(nok(-5).decimalString == "-0.05")
        #expect(nok(7).description == "0.07 NOK")
    }

    @Test func neverWrapsInsideAnAmount() async {
        let amounts = Gen.int64(in: -10_000_000_000...10_000_000_000)
        await propertyCheck(input: amounts, Gen<Language>.case) { units, language in
            #expect(!nok(units).formatted(language).contains(" "))
        }
    }
}

@Suite struct MoneyParsingTests {
    @Test(arguments: [
        ("1234.50", Int64(123_450)),
        ("1 234,50", 123_450),
        ("1\u{00A0}234,50", 123_450),
        ("1\u{202F}234,50", 123_450),
        ("-12,5", -1250),
        ("\u{2212}12,5", -1250),
        ("+7", 700),
        ("1234", 123_400),
        ("12 345 678,90", 1_234_567_890),
        ("123 456", 12_345_600),
        ("- 1 234,50", -123_450),
        ("  0,01 ", 1),
        ("0", 0),
    ])
    func parsesAmountsAsWritten(text: String, minorUnits: Int64) throws {
        #expect(try Money.parse(text, currency: .nok) == nok(minorUnits))
    }

    @Test(arguments: [
        "1.234.5", "12,345", "12.345", "", " ", "abc", "1,2,3", "1.", ",5", "-", "1e3", "12,3a", "1,234.50",
        "1 23", "12 34,50", "1234 567", "1  234", "1 234,5 0", "1 2345", "1 234 ,50", "- 1 23",
    ])
    func refusesWhatIsNotAnAmount(text: String) {
        #expect(throws: MoneyError.notAnAmount(text)) { try Money.parse(text, currency: .nok) }
    }

    @Test func refusesMoreDecimalsThanTheCurrencyHas() throws {
        let yen = Currency(code: "JPY", minorUnitDigits: 0)
        #expect(throws: MoneyError.notAnAmount("12,5")) { try Money.parse("12,5", currency: yen) }
        #expect(try Money.parse("125", currency: yen).minorUnits == 125)
    }

    @Test func refusesAnAmountOutOfRange() throws {
        #expect(throws: MoneyError.overflow) { try Money.parse("92233720368547758.08", currency: .nok) }
        #expect(throws: MoneyError.overflow) { try Money.parse("99999999999999999999", currency: .nok) }
        #expect(try Money.parse("92233720368547758.07", currency: .nok) == nok(.max))
    }

    @Test func decimalStringParsesBackToTheSameAmount() async {
        await propertyCheck(input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000)) { units in
            let parsed = try Money.parse(nok(units).decimalString, currency: .nok)
            #expect(parsed == nok(units))
        }
    }

    @Test func norwegianFormattingWithoutTheUnitParsesBack() async {
        await propertyCheck(input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000)) { units in
            let text = nok(units).formatted(.nb).replacingKr()
            let parsed = try Money.parse(text, currency: .nok)
            #expect(parsed == nok(units))
        }
    }
}

@Suite struct MoneyArithmeticTests {
    @Test func addsAndSubtractsInOneCurrency() throws {
        #expect(try nok(150).adding(nok(250)) == nok(400))
        #expect(try nok(150).subtracting(nok(250)) == nok(-100))
        #expect(try nok(150).multiplied(by: 3) == nok(450))
    }

    @Test func refusesToMixCurrencies() {
        let sek = Money(minorUnits: 100, currency: .sek)
        #expect(throws: MoneyError.currencyMismatch(.nok, .sek)) { try nok(100).adding(sek) }
        #expect(throws: MoneyError.currencyMismatch(.nok, .sek)) { try nok(100).subtracting(sek) }
        #expect(throws: MoneyError.currencyMismatch(.nok, .sek)) { try nok(100).isLess(than: sek) }
        #expect(throws: MoneyError.currencyMismatch(.nok, .sek)) { try Money.sum([nok(1), sek], in: .nok) }
    }

    @Test func overflowThrowsInsteadOfWrapping() {
        #expect(throws: MoneyError.overflow) { try nok(.max).adding(nok(1)) }
        #expect(throws: MoneyError.overflow) { try nok(-.max).subtracting(nok(2)) }
        #expect(throws: MoneyError.overflow) { try nok(.max / 2 + 1).multiplied(by: 2) }
        #expect(throws: MoneyError.overflow) { try Money.sum([nok(.max), nok(1)], in: .nok) }
    }

    @Test func subtractingTheMostNegativeAmountThrowsInsteadOfCrashing() {
        #expect(throws: MoneyError.overflow) { try Money.zero(.nok).subtracting(nok(.min)) }
    }

    /// Int64.min has no positive counterpart, so arithmetic refuses to produce it; one built directly
    /// can still be written out.
    @Test func theMostNegativeAmountIsOutOfRangeButCanBeWritten() {
        #expect(throws: MoneyError.overflow) { try nok(-.max).adding(nok(-1)) }
        #expect(nok(.min).description == "-92233720368547758.08 NOK")
        #expect(nok(.min).formatted(.en) == "\u{2212}NOK\u{00A0}92,233,720,368,547,758.08")
    }

    @Test func sumsAListAndAnEmptyListIsZero() throws {
        #expect(try Money.sum([nok(100), nok(250), nok(-50)], in: .nok) == nok(300))
        #expect(try Money.sum([], in: .sek) == .zero(.sek))
    }

    @Test func sumMatchesIntegerArithmetic() async {
        await propertyCheck(input: Gen.int64(in: -1_000_000_000...1_000_000_000).array(of: 0...20)) { units in
            let total = try Money.sum(units.map(nok), in: .nok)
            #expect(total.minorUnits == units.reduce(0, +))
        }
    }

    @Test func minPicksTheSmallerAmount() throws {
        #expect(try nok(5).min(nok(3)) == nok(3))
        #expect(try nok(-5).min(nok(3)) == nok(-5))
        #expect(try nok(3).isLess(than: nok(4)))
        #expect(try !nok(4).isLess(than: nok(4)))
    }

    @Test func majorUnitsScaleByTheCurrencyDigits() {
        #expect(Money.major(35, .nok) == nok(3500))
        #expect(Money.major(35, Currency(code: "JPY", minorUnitDigits: 0)).minorUnits == 35)
    }

    @Test func signAndMagnitude() {
        #expect(nok(-250).magnitude == nok(250))
        #expect(nok(250).negated == nok(-250))
        #expect(nok(0).isZero && !nok(0).isPositive && !nok(0).isNegative)
        #expect(nok(1).isPositive && nok(-1).isNegative)
    }

    @Test func knownCurrenciesByCodeAndUnknownRefused() throws {
        #expect(try Currency.named("nok") == .nok)
        #expect(try Currency.named("SEK") == .sek)
        #expect(throws: MoneyError.unknownCurrency("XYZ")) { try Currency.named("XYZ") }
    }
}

private extension String {
    func replacingKr() -> String {
        guard hasSuffix("\u{00A0}kr") else { return self }
        return String(dropLast(3))
    }
}
