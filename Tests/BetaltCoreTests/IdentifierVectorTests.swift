import Foundation
import Testing
@testable import BetaltCore

/// One row of shared/fixtures/identifiers/check-digit-vectors.csv.
struct IdentifierVector: Sendable, CustomTestStringConvertible {
    let line: Int
    let kind: String
    let value: String
    let valid: Bool

    var testDescription: String { "line \(line): \(kind) '\(value)' should be \(valid ? "valid" : "invalid")" }

    /// Every row, or none when the file cannot be found: the row-count test then fails.
    static let all: [IdentifierVector] = {
        guard let text = try? String(contentsOf: fixtureURL, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").enumerated().dropFirst().compactMap { index, row in
            guard let first = row.firstIndex(of: ","), let last = row.lastIndex(of: ","), first < last else {
                return nil
            }
            return IdentifierVector(
                line: index + 1, kind: String(row[..<first]),
                value: String(row[row.index(after: first)..<last]), valid: row[row.index(after: last)...] == "true")
        }
    }()

    /// The repository root is three levels above this file, and shared/ sits beside the repository.
    /// A scratch package that links this file in can point BETALT_FIXTURES at shared/fixtures instead.
    static var fixtureURL: URL {
        let relative = "identifiers/check-digit-vectors.csv"
        let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let beside = repositoryRoot.appendingPathComponent("../shared/fixtures/" + relative).standardizedFileURL
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        if let fixtures = ProcessInfo.processInfo.environment["BETALT_FIXTURES"] {
            return URL(fileURLWithPath: fixtures).appendingPathComponent(relative)
        }
        return beside
    }

    /// Whether Betalt accepts the value as the vector's kind; nil for a kind this test does not know.
    var isAccepted: Bool? {
        switch kind {
        case "luhn_mod10": Luhn.isValid(value)
        case "no_fodselsnummer": (try? NorwegianPersonalNumber(validating: value)) != nil
        case "no_orgnr": (try? NorwegianOrganisationNumber(validating: value)) != nil
        case "no_mva": (try? NorwegianVATNumber(validating: value)) != nil
        case "no_kontonr": (try? NorwegianBankAccount(validating: value)) != nil
        case "no_iban": (try? IBAN(validating: value)) != nil
        case "no_kid": (try? KID(validating: value, algorithm: nil)) != nil
        case "no_kid_mod10": (try? KID(validating: value, algorithm: .mod10)) != nil
        case "no_kid_mod11": (try? KID(validating: value, algorithm: .mod11)) != nil
        case "se_personnummer": (try? SwedishPersonalNumber(validating: value)) != nil
        case "se_orgnr": (try? SwedishOrganisationNumber(validating: value)) != nil
        case "se_vat": (try? SwedishVATNumber(validating: value)) != nil
        case "se_ocr_mod10": (try? OCRReference(validating: value, requireLengthDigit: false)) != nil
        case "se_ocr_length_digit": (try? OCRReference(validating: value, requireLengthDigit: true)) != nil
        case "se_bankgiro": (try? Bankgiro(validating: value)) != nil
        case "se_plusgiro": (try? Plusgiro(validating: value)) != nil
        default: nil
        }
    }
}

@Suite("Identifier check-digit vectors")
struct IdentifierVectorTests {
    @Test("the vector file is read in full")
    func everyRowIsRead() {
        #expect(IdentifierVector.all.count == 122, "read from \(IdentifierVector.fixtureURL.path)")
        #expect(IdentifierVector.all.filter(\.valid).count == 87)
    }

    @Test("every vector kind is one Betalt validates")
    func everyKindIsKnown() {
        let kinds = Set(IdentifierVector.all.map(\.kind))
        #expect(kinds.count == 16)
        #expect(kinds.allSatisfy { IdentifierVector(line: 0, kind: $0, value: "", valid: false).isAccepted != nil })
    }

    @Test("each vector is accepted or refused as the fixture says", arguments: IdentifierVector.all)
    func vector(_ vector: IdentifierVector) {
        #expect(vector.isAccepted == vector.valid)
    }
}
