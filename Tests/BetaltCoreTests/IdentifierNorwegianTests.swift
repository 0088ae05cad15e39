import Testing
@testable import BetaltCore

@Suite("Norwegian identifiers")
struct IdentifierNorwegianTests {
    @Test("a fødselsnummer gives its kind, birth date and masked form")
    func fodselsnummer() throws {
        let number = try NorwegianPersonalNumber(validating: "151086-95088")
        #expect(number.normalized == "15108695088")
        #expect(number.kind == .fodselsnummer)
        #expect(number.birthDate == (try CivilDate(1986, 10, 15)))
        #expect(number.masked == "151086 *****")
        #expect(number.formatted == "151086 95088")
        #expect("\(number)" == "151086 *****")
        #expect(!number.isSynthetic)
    }

    @Test("the individnummer gives the century", arguments: [
        ("23114048690", 1940), ("231140-38547", 1940), ("26111593816", 2015), ("29100207042", 1902),
    ])
    func century(_ text: String, _ year: Int) throws {
        #expect(try NorwegianPersonalNumber(validating: text).birthDate?.year == year)
    }

    @Test("D-, H- and synthetic numbers are told apart by the shifted digits")
    func kinds() throws {
        let dNumber = try NorwegianPersonalNumber(validating: "43022014103")
        #expect(dNumber.kind == .dNumber)
        #expect(dNumber.isDNumber)
        #expect(dNumber.birthDate == (try CivilDate(1920, 2, 3)))

        let hNumber = try NorwegianPersonalNumber(validating: "13527248013")
        #expect(hNumber.kind == .hNumber)
        #expect(hNumber.birthDate == (try CivilDate(1972, 12, 13)))

        let tenor = try NorwegianPersonalNumber(validating: "10915596784")
        #expect(tenor.kind == .synthetic)
        #expect(tenor.isSynthetic)
        #expect(tenor.birthDate == (try CivilDate(1955, 11, 10)))
    }

    @Test("a synthetic number built for a date is Tenor-style, month + 80")
    func syntheticBuilder() throws {
        let birthDate = try CivilDate(1990, 1, 15)
        let number = try #require(NorwegianPersonalNumber.synthetic(birthDate: birthDate, individualNumber: 123))
        #expect(number.normalized.hasPrefix("158190123"))
        #expect(number.isSynthetic)
        #expect(number.masked == "158190 *****")
    }

    @Test("numbers issued under the 2032 control rule are accepted, without a birth century")
    func rule2032() throws {
        let old = try NorwegianPersonalNumber(validating: "15013345608")
        #expect(old.birthDate == (try CivilDate(1933, 1, 15)))
        for text in ["15013345616", "15013345624", "15013345632"] {
            let number = try NorwegianPersonalNumber(validating: text)
            #expect(number.birthDate == nil)
            #expect(number.kind == .fodselsnummer)
        }
        #expect(throws: IdentifierError.self) { try NorwegianPersonalNumber(validating: "15013345640") }
    }

    @Test("FH-numbers and impossible dates are refused", arguments: [
        "82938389280", "19575770838", "56403643756", "70624830529", "29020112345",
    ])
    func refused(_ text: String) {
        #expect(throws: IdentifierError.self) { try NorwegianPersonalNumber(validating: text) }
    }

    /// Every number with these nine digits whose control digits pass.
    static func validNumbers(stem: String) -> [NorwegianPersonalNumber] {
        (0...99).compactMap { try? NorwegianPersonalNumber(validating: stem + (($0 < 10) ? "0" : "") + String($0)) }
    }

    @Test("29 February needs a leap year in the century the individnummer gives")
    func leapDay() throws {
        // Numbers under the 2032 control rule carry no century, so only the pre-2032 one has a date.
        #expect(Self.validNumbers(stem: "290200123").compactMap(\.birthDate).isEmpty)
        #expect(Self.validNumbers(stem: "290200523").compactMap(\.birthDate) == [try CivilDate(2000, 2, 29)])
    }

    @Test("organisasjonsnummer: validation, completion and formatting")
    func organisationNumber() throws {
        let number = try NorwegianOrganisationNumber(validating: "988 077 917")
        #expect(number.normalized == "988077917")
        #expect(number.formatted == "988 077 917")
        #expect(NorwegianOrganisationNumber.completing("12345678")?.normalized == "123456785")
        #expect(NorwegianOrganisationNumber.completing("1234567") == nil)
        #expect(NorwegianOrganisationNumber.completing("12345670") == nil)
    }

    @Test("MVA numbers in compact and spelled-out form")
    func vatNumber() throws {
        let compact = try NorwegianVATNumber(validating: "NO123456785MVA")
        let spelled = try NorwegianVATNumber(validating: "NO 123 456 785 MVA")
        let bare = try NorwegianVATNumber(validating: "123 456 785 MVA")
        #expect(compact == spelled)
        #expect(spelled == bare)
        #expect(compact.normalized == "NO123456785MVA")
        #expect(compact.formatted == "NO 123 456 785 MVA")
        #expect(compact.organisationNumber.normalized == "123456785")
        #expect(NorwegianVATNumber(organisationNumber: compact.organisationNumber) == compact)
        #expect(throws: IdentifierError.self) { try NorwegianVATNumber(validating: "NO 123 456 785") }
    }

    @Test("kontonummer formatting and IBAN")
    func bankAccount() throws {
        let account = try NorwegianBankAccount(validating: "86011117947")
        #expect(account.formatted == "8601 11 17947")
        #expect(account.iban.normalized == "NO9386011117947")
        #expect(account.iban.formatted == "NO93 8601 1117 947")
    }

    @Test("KIDs: either algorithm, the '-' check, and the length limits")
    func kid() throws {
        #expect(try KID(validating: "036536-").algorithm == .mod11)
        #expect(try KID(validating: "12345678903", algorithm: .mod11).algorithm == .mod11)
        #expect(try KID(validating: "2345676").algorithm == .mod10)
        #expect(try KID(validating: "036536-").normalized == "036536-")
        #expect(try KID(validating: "0365 36-", algorithm: .mod11).normalized == "036536-")
        #expect(try KID.generate(base: "1234", algorithm: .mod10).normalized == "12344")
        #expect(try KID.generate(base: "1234567890", algorithm: .mod11).normalized == "12345678903")
        #expect(throws: IdentifierError.self) {
            try KID.generate(base: String(repeating: "1", count: 25), algorithm: .mod10)
        }
        #expect(throws: IdentifierError.self) { try KID(validating: "1") }
        #expect(throws: IdentifierError.self) { try KID(validating: "12-3") }
    }

    @Test("a KID is the same reference whichever algorithm it was read with")
    func kidEquality() throws {
        let text = try #require((10...99).lazy.map(String.init).compactMap { stem -> String? in
            guard let kid = try? KID.generate(base: stem, algorithm: .mod10),
                  (try? KID(validating: kid.normalized, algorithm: .mod11)) != nil else { return nil }
            return kid.normalized
        }.first)
        let asMod10 = try KID(validating: text, algorithm: .mod10)
        let asMod11 = try KID(validating: text, algorithm: .mod11)
        #expect(asMod10.algorithm != asMod11.algorithm)
        #expect(asMod10 == asMod11)
        #expect(Set([asMod10, asMod11]).count == 1)
    }
}
