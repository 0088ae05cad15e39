import Foundation
import Testing
@testable import BetaltCore

@Suite("Identifier coding")
struct IdentifierCodingTests {
    static func roundTrip<T: ValidatedIdentifier>(_ value: T) throws -> (json: String, decoded: T) {
        let data = try JSONEncoder().encode([value])
        return (String(decoding: data, as: UTF8.self), try JSONDecoder().decode([T].self, from: data)[0])
    }

    @Test("identifiers travel as their normalized text and come back equal")
    func roundTrips() throws {
        let organisation = try NorwegianOrganisationNumber(validating: "988 077 917")
        #expect(try Self.roundTrip(organisation).json == "[\"988077917\"]")
        #expect(try Self.roundTrip(organisation).decoded == organisation)

        let person = try NorwegianPersonalNumber(validating: "43022014103")
        #expect(try Self.roundTrip(person).json == "[\"43022014103\"]")
        #expect(try Self.roundTrip(person).decoded == person)

        let swede = try SwedishPersonalNumber(validating: "121212+1212", referenceDate: try CivilDate(2025, 1, 1))
        #expect(try Self.roundTrip(swede).json == "[\"191212121212\"]")
        #expect(try Self.roundTrip(swede).decoded == swede)

        let kid = try KID(validating: "036536-")
        #expect(try Self.roundTrip(kid).json == "[\"036536-\"]")
        #expect(try Self.roundTrip(kid).decoded == kid)

        let vat = try NorwegianVATNumber(validating: "NO 987 008 644 MVA")
        #expect(try Self.roundTrip(vat).json == "[\"NO987008644MVA\"]")
        #expect(try Self.roundTrip(vat).decoded == vat)

        let iban = try IBAN(validating: "SE45 5000 0000 0583 9825 7466")
        #expect(try Self.roundTrip(iban).decoded == iban)
        let ocr = try OCRReference(validating: "1234574")
        #expect(try Self.roundTrip(ocr).decoded == ocr)
    }

    @Test("decoding refuses an invalid number and says why")
    func decodingValidates() {
        let data = Data("[\"123456789\"]".utf8)
        #expect {
            _ = try JSONDecoder().decode([NorwegianOrganisationNumber].self, from: data)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("check digit is wrong")
        }
    }
}
