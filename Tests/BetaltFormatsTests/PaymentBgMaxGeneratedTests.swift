import BetaltCore
import Foundation
import Testing
@testable import BetaltFormats

@Suite("BgMax: generated files, round trip and damage")
struct PaymentBgMaxGeneratedTests {
    typealias Payment = BgMaxWriter.Payment

    /// A test-marked file: a SEK deposit with a deduction, extra references, messages and payer records; a EUR deposit.
    static let writer = BgMaxWriter(isTest: true, deposits: [
        .init(serialNumber: 1, payments: [
            Payment(reference: "1234567890", öre: 250_000, serialNumber: "000000000001",
                    extraReferences: ["2234567891", "3234567892"], messages: ["Fakturor 1 till 3"],
                    name: "Åsa Öberg AB", street: "Kungsgatan 1", postcode: "11143", town: "Stockholm",
                    organisationNumber: "5560360793"),
            Payment(isDeduction: true, reference: "kreditnota 44", referenceCode: "3", öre: 40_000, serialNumber: "000000000002"),
            Payment(senderBankgiro: "0000000000", reference: "", referenceCode: "1", öre: 1, serialNumber: "000000000003"),
        ]),
        .init(currency: "EUR", serialNumber: 2, date: "20260317", payments: [
            Payment(reference: "99", öre: 123_456_789, serialNumber: "000000000004"),
        ]),
    ])

    static func parse(_ data: Data) throws(FormatError) -> PaymentFile {
        try BgMaxParser.parse(data, fileName: "generated.bgmax")
    }

    @Test func roundTripsDepositsAndTotals() throws {
        let file = try Self.parse(Self.writer.data())
        #expect(file.isTest)
        #expect(file.fileId == "20260316063000123456")
        #expect(file.batches.map(\.id) == ["00001", "00002"])
        #expect(file.batches.map(\.total) == [Money(minorUnits: 210_001, currency: .sek), Money(minorUnits: 123_456_789, currency: .eur)])
        #expect(file.batches.map(\.date) == [try CivilDate(2026, 3, 16), try CivilDate(2026, 3, 17)])
        #expect(file.payments.map(\.bankReference) == ["000000000001", "000000000002", "000000000003", "000000000004"])
    }

    @Test func referencesMessagesAndPayer() throws {
        let first = try Self.parse(Self.writer.data()).payments[0]
        #expect(first.structuredReferences == ["1234567890", "2234567891", "3234567892"])
        #expect(first.unstructuredText == ["Fakturor 1 till 3"])
        #expect(first.payer == Payer(
            name: "Åsa Öberg AB", organisationNumber: "5560360793",
            address: ["Kungsgatan 1", "11143 Stockholm"], account: "3783511"
        ))
    }

    @Test func deductionAndAnonymousPayment() throws {
        let payments = try Self.parse(Self.writer.data()).payments
        #expect(payments[1].isReversal)
        #expect(payments[1].amount.minorUnits == 40_000)
        #expect(payments[1].unstructuredText == ["kreditnota 44"])
        #expect(payments[2].payer == Payer())
        #expect(payments[2].structuredReferences.isEmpty)
    }

    @Test func truncatedWithoutTK70() throws {
        let lines = Array(Self.writer.lines().dropLast())
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(lines.count + 1))
        #expect(error.message == "the file ends without an end record (TK70); it is truncated")
    }

    @Test func unknownTransactionCode() throws {
        let lines = DamagedFile.overwriting(Self.writer.lines(), line: 4, at: 1, with: "24")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(4))
        #expect(error.message == "unknown transaction code '24'")
    }

    @Test func depositSumNotMatching() throws {
        let lines = Self.writer.lines()
        let tk15 = try #require(lines.firstIndex { $0.hasPrefix("15") }) + 1
        let damaged = DamagedFile.overwriting(lines, line: tk15, at: 51, with: "1")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(damaged)) }
        #expect(error.location == .line(tk15))
        #expect(error.field == "deposit amount")
        #expect(error.message == "TK15 states 100000000000210001 öre but the payments less deductions add up to 210001")
    }

    @Test func endRecordCountNotMatching() throws {
        let lines = Self.writer.lines()
        let damaged = DamagedFile.overwriting(lines, line: lines.count, at: 19, with: "00000003")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(damaged)) }
        #expect(error.location == .line(lines.count))
        #expect(error.field == "number of extra reference records")
        #expect(error.message == "the end record states 3 TK22/TK23 records but the records add up to 2")
    }

    @Test func impossibleDepositDate() throws {
        let lines = Self.writer.lines()
        let tk15 = try #require(lines.firstIndex { $0.hasPrefix("15") }) + 1
        let damaged = DamagedFile.overwriting(lines, line: tk15, at: 38, with: "20260230")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(damaged)) }
        #expect(error.location == .line(tk15))
        #expect(error.field == "payment date")
        #expect(error.message == "'20260230' is not a date (YYYYMMDD)")
    }

    @Test func lineLongerThan80() throws {
        var lines = Self.writer.lines()
        lines[2] += "X"
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(3))
        #expect(error.message == "the line is 81 characters; BgMax records are at most 80")
    }

    /// A short line is tolerated only as far as its missing tail was blank: a cut amount is refused.
    @Test func shortLineCuttingIntoAField() throws {
        var lines = Self.writer.lines()
        lines[2] = String(lines[2].prefix(45))
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(3))
        #expect(error.field == "amount")
    }

    @Test func utf8IsRefused() throws {
        let error = try #require(throws: FormatError.self) {
            try Self.parse(Data((Self.writer.lines().joined(separator: "\n") + "\n").utf8))
        }
        #expect(error.location == .line(7))
        #expect(error.message == "the file is UTF-8; it must be ISO-8859-1 text")
    }

    @Test func currencyDifferingFromTheOpeningRecord() throws {
        let lines = Self.writer.lines()
        let tk15 = try #require(lines.firstIndex { $0.hasPrefix("15") }) + 1
        let damaged = DamagedFile.overwriting(lines, line: tk15, at: 69, with: "NOK")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(damaged)) }
        #expect(error.location == .line(tk15))
        #expect(error.message == "'NOK' differs from the section's 'SEK' in its TK05")
    }

    @Test func payerRecordBeforeAnyPayment() throws {
        var lines = Self.writer.lines()
        lines.insert(FixedWidthField.text("26Ingen", 80), at: 2)
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(3))
        #expect(error.message == "TK26 before any payment (TK20 or TK21) of its deposit")
    }
}
