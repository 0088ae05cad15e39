import Testing
@testable import BetaltCore

@Suite("Identifier error messages")
struct IdentifierErrorTests {
    /// The identifier error `make` throws, or nil when it throws none (or something else).
    static func error(_ make: () throws -> Void) -> IdentifierError? {
        do {
            try make()
            return nil
        } catch let error as IdentifierError {
            return error
        } catch {
            return nil
        }
    }

    @Test("the description names the identifier, quotes the input and says what is wrong")
    func descriptionShape() {
        let error = Self.error { _ = try NorwegianOrganisationNumber(validating: "12345678") }
        #expect(error?.description == "organisasjonsnummer '12345678': must have 9 digits, not 8")
        #expect(error?.kind == "organisasjonsnummer")
        #expect(error?.value == "12345678")
    }

    @Test("each kind of mistake is named", arguments: [
        (IdentifierErrorTests.error { _ = try NorwegianOrganisationNumber(validating: "") }, "is empty"),
        (IdentifierErrorTests.error { _ = try NorwegianOrganisationNumber(validating: "12345678O") },
         "'O', which is not a digit"),
        (IdentifierErrorTests.error { _ = try NorwegianOrganisationNumber(validating: "123456789") },
         "check digit is wrong"),
        (IdentifierErrorTests.error { _ = try NorwegianBankAccount(validating: "8601 11 17949") },
         "check digit is wrong"),
        (IdentifierErrorTests.error { _ = try NorwegianPersonalNumber(validating: "1510869507") },
         "must have 11 digits, not 10"),
        (IdentifierErrorTests.error { _ = try NorwegianPersonalNumber(validating: "15108695077") },
         "check digit is wrong"),
        (IdentifierErrorTests.error { _ = try NorwegianPersonalNumber(validating: "82938389280") },
         "day 82 is impossible"),
        (IdentifierErrorTests.error { _ = try NorwegianPersonalNumber(validating: "19575770838") },
         "month 57 is impossible"),
        (IdentifierErrorTests.error { _ = try NorwegianPersonalNumber(validating: "30028810039") },
         "birth date 30.02.1988 does not exist"),
        (IdentifierErrorTests.error { _ = try NorwegianVATNumber(validating: "NO991 825 827MVA") },
         "NO 123 456 785 MVA"),
        (IdentifierErrorTests.error { _ = try NorwegianVATNumber(validating: "NO 123 456 785") }, "must end with MVA"),
        (IdentifierErrorTests.error { _ = try KID(validating: "1") }, "2 to 25 digits"),
        (IdentifierErrorTests.error { _ = try KID(validating: "12345", algorithm: .mod10) },
         "check digit is wrong for MOD10"),
        (IdentifierErrorTests.error { _ = try KID(validating: "036536-", algorithm: .mod10) }, "only a MOD11 KID"),
        (IdentifierErrorTests.error { _ = try SwedishPersonalNumber(validating: "8899200425") },
         "month 99 is not a month"),
        (IdentifierErrorTests.error { _ = try SwedishPersonalNumber(validating: "aaaaaaaaaa") },
         "'a', which is not a digit"),
        (IdentifierErrorTests.error { _ = try SwedishPersonalNumber(validating: "19880230-0016") },
         "day 30 does not exist in 1988-02"),
        (IdentifierErrorTests.error { _ = try SwedishPersonalNumber(validating: "880320-0017") },
         "check digit is wrong"),
        (IdentifierErrorTests.error { _ = try SwedishOrganisationNumber(validating: "1201005489") },
         "third digit must be 2 or more"),
        (IdentifierErrorTests.error { _ = try SwedishOrganisationNumber(validating: "20210054891") },
         "must have 10 (or 12 with the prefix 16) digits, not 11"),
        (IdentifierErrorTests.error { _ = try SwedishOrganisationNumber(validating: "172021005489") },
         "must start with 16"),
        (IdentifierErrorTests.error { _ = try OCRReference(validating: "12369", requireLengthDigit: true) },
         "length digit should be 5"),
        (IdentifierErrorTests.error { _ = try Bankgiro(validating: "5402-96810") }, "must have 7 or 8 digits, not 9"),
        (IdentifierErrorTests.error { _ = try Plusgiro(validating: "410 54 68-6") }, "check digit is wrong"),
        (IdentifierErrorTests.error { _ = try IBAN(validating: "NO93 8601 1117 94") },
         "a NO IBAN has 15 characters, this has 14"),
        (IdentifierErrorTests.error { _ = try IBAN(validating: "NO94 8601 1117 947") }, "check digits are wrong"),
        (IdentifierErrorTests.error { _ = try IBAN(validating: "NO23 8601 1117 946") },
         "not a valid Norwegian kontonummer"),
        (IdentifierErrorTests.error { _ = try SwedishVATNumber(validating: "SE202100548902") }, "must end with 01"),
    ])
    func reason(_ error: IdentifierError?, _ expected: String) throws {
        let error = try #require(error)
        #expect(error.reason.contains(expected), "\(error)")
    }
}
