import Testing
@testable import BetaltCore

@Suite("Swedish identifiers")
struct IdentifierSwedishTests {
    static let reference = try! CivilDate(2025, 6, 1)

    @Test("the usual spellings of a personnummer read to the same 12 digits", arguments: [
        "880320-0016", "8803200016", "198803200016", "19880320-0016", "8803-20-0016", " 880320 0016 ",
    ])
    func spellings(_ text: String) throws {
        let number = try SwedishPersonalNumber(validating: text, referenceDate: Self.reference)
        #expect(number.normalized == "198803200016")
        #expect(number.birthDate == (try CivilDate(1988, 3, 20)))
        #expect(number.masked == "19880320-****")
        #expect("\(number)" == "19880320-****")
        #expect(number.formatted == "19880320-0016")
    }

    @Test("'+' marks a person of 100 or more, and the 10-digit form follows the reference year")
    func centenarian() throws {
        let old = try SwedishPersonalNumber(validating: "121212+1212", referenceDate: Self.reference)
        #expect(old.normalized == "191212121212")
        #expect(old.tenDigitForm(on: Self.reference) == "121212+1212")
        #expect(old.tenDigitForm(on: try CivilDate(2011, 12, 31)) == "121212-1212")
        let young = try SwedishPersonalNumber(validating: "121212-1212", referenceDate: Self.reference)
        #expect(young.normalized == "201212121212")
        #expect(throws: IdentifierError.self) {
            try SwedishPersonalNumber(validating: "19121212+1212", referenceDate: Self.reference)
        }
        #expect(throws: IdentifierError.self) {
            try SwedishPersonalNumber(validating: "1212+121212", referenceDate: Self.reference)
        }
    }

    @Test("a samordningsnummer has 60 added to the day")
    func coordinationNumber() throws {
        let number = try SwedishPersonalNumber(validating: "701063-2391", referenceDate: Self.reference)
        #expect(number.isCoordinationNumber)
        #expect(number.birthDate == (try CivilDate(1970, 10, 3)))
        let ordinary = try SwedishPersonalNumber(validating: "880320-0016", referenceDate: Self.reference)
        #expect(!ordinary.isCoordinationNumber)
    }

    @Test("test numbers come from Skatteverket's list", arguments: [
        ((1995, 4, 1), "199504012387"), ((1995, 4, 2), "199504022394"), ((1995, 12, 31), "199512312381"),
        ((1996, 2, 29), "199602292386"), ((1996, 7, 31), "199607312395"),
    ])
    func testNumber(_ date: (Int, Int, Int), _ expected: String) throws {
        let birthDate = try CivilDate(date.0, date.1, date.2)
        let number = try #require(SwedishPersonalNumber.testNumber(birthDate: birthDate, serial: 0))
        #expect(number.normalized == expected)
        #expect(number.birthDate == birthDate)
    }

    @Test("no test number is made up outside the verified slice of the list")
    func testNumberBounds() throws {
        #expect(SwedishPersonalNumber.testNumber(birthDate: try CivilDate(1995, 3, 31), serial: 0) == nil)
        #expect(SwedishPersonalNumber.testNumber(birthDate: try CivilDate(1996, 8, 1), serial: 0) == nil)
        #expect(SwedishPersonalNumber.testNumber(birthDate: try CivilDate(1995, 6, 1), serial: 1) == nil)
        let all = SwedishPersonalNumber.testNumbers
        #expect(all.count == 488)
        #expect(Set(all).count == 488)
    }

    @Test("organisationsnummer: 10 and 12 digits, third digit, completion")
    func organisationNumber() throws {
        let number = try SwedishOrganisationNumber(validating: "16202100-5489")
        #expect(number.normalized == "2021005489")
        #expect(number.formatted == "202100-5489")
        #expect(number.twelveDigitForm == "162021005489")
        #expect(SwedishOrganisationNumber.completing("202100548")?.normalized == "2021005489")
        #expect(SwedishOrganisationNumber.completing("880320001") == nil)
        #expect(throws: IdentifierError.self) { try SwedishOrganisationNumber(validating: "8803200016") }
    }

    @Test("VAT numbers wrap an organisationsnummer, or a sole trader's personnummer")
    func vatNumber() throws {
        let company = try SwedishVATNumber(validating: "SE 202100-5489 01")
        #expect(company.normalized == "SE202100548901")
        #expect(company.organisationNumber?.normalized == "2021005489")
        #expect(SwedishVATNumber(organisationNumber: try #require(company.organisationNumber)) == company)
        let soleTrader = try SwedishVATNumber(validating: "SE880320001601")
        #expect(soleTrader.organisationNumber == nil)
        #expect(throws: IdentifierError.self) { try SwedishVATNumber(validating: "SE202100548902") }
    }

    @Test("OCR references: length digit, generation and limits")
    func ocr() throws {
        #expect(try OCRReference.generate(base: "12345", withLengthDigit: true).normalized == "1234574")
        #expect(try OCRReference(validating: "1234574").hasValidLengthDigit)
        #expect(!(try OCRReference(validating: "1230")).hasValidLengthDigit)
        #expect(throws: IdentifierError.self) {
            try OCRReference.generate(base: String(repeating: "1", count: 24), withLengthDigit: true)
        }
        let longest = try OCRReference.generate(base: String(repeating: "1", count: 23), withLengthDigit: true)
        #expect(longest.normalized.count == 25)
    }

    @Test("bankgiro and plusgiro are printed the way their owners print them")
    func giroFormatting() throws {
        #expect(try Bankgiro(validating: "54029681").formatted == "5402-9681")
        #expect(try Bankgiro(validating: "6405070").formatted == "640-5070")
        #expect(try Plusgiro(validating: "2865434").formatted == "28 65 43-4")
        #expect(try Plusgiro(validating: "41054685").formatted == "410 54 68-5")
        #expect(try Plusgiro(validating: "902003-3").formatted == "90 20 03-3")
    }

    @Test("IBANs of the countries Betalt meets", arguments: [
        "SE45 5000 0000 0583 9825 7466", "GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00",
        "DK50 0040 0440 1162 43", "FI21 1234 5600 0007 85", "no93 8601 1117 947",
    ])
    func iban(_ text: String) throws {
        let iban = try IBAN(validating: text)
        #expect(iban.formatted == text.uppercased())
        #expect(iban.normalized == text.uppercased().filter { $0 != " " })
    }
}
