import BetaltCore
import Foundation
import Testing
@testable import BetaltFormats

@Suite("Nets OCR giro: generated transmissions, round trip and damage")
struct PaymentNetsOCRGiroGeneratedTests {
    typealias Transaction = NetsOCRGiroWriter.Transaction

    /// Three assignments covering every transaction type 10–21, with terminal reversals and a negative sign.
    static let writer = NetsOCRGiroWriter(assignments: [
        .init(number: 1, account: "12345678903", transactions: (10...17).map { type in
            Transaction(type: type, øre: Int64(type) * 10_000, kid: "\(type)00000\(type)", bankDate: "150326",
                        debitAccount: "98765432109", archiveReference: "0000000\(type)")
        }),
        .init(number: 2, account: "12345678903", transactions: [
            Transaction(type: 18, øre: 2_500, kid: "1234567"),
            Transaction(type: 19, øre: 99_999_999, kid: "7654321"),
            Transaction(type: 20, øre: 1, kid: "", text: "Retur kasse 4"),
            Transaction(type: 21, øre: 12_345, kid: "", text: "Kjøp terminal 7"),
        ]),
        .init(number: 3, account: "11112222333", agreement: "000000777", transactions: [
            Transaction(type: 10, øre: 50_000, kid: "0000000000000000000000018", isNegative: true),
        ]),
    ])

    static func parse(_ data: Data) throws(FormatError) -> PaymentFile {
        try NetsOCRGiroParser.parse(data, fileName: "generated.ocr")
    }

    @Test func roundTripsEveryTransactionType() throws {
        let file = try Self.parse(Self.writer.data())
        #expect(file.batches.map(\.id) == ["0000001", "0000002", "0000003"])
        #expect(file.batches.map(\.count) == [8, 4, 1])
        #expect(file.batches[2].agreement == "000000777")
        #expect(file.payments.map(\.transactionType) == (10...21).map { String($0) } + ["10"])
        #expect(file.batches[0].total.minorUnits == (10...17).reduce(0) { $0 + Int64($1) * 10_000 })
        #expect(file.payments[0].structuredReferences == ["100000010"])
        #expect(file.payments[0].payer.account == "98765432109")
        #expect(file.payments[0].paidDate == (try CivilDate(2026, 3, 15)))
        #expect(file.payments[0].bookingDate == (try CivilDate(2026, 3, 16)))
        #expect(file.payments[0].bankReference == "000000010")
        #expect(file.createdOn == (try CivilDate(2026, 3, 16)))
    }

    @Test func reversalsAreMarkedAndKeepTheirPositiveAmount() throws {
        let payments = try Self.parse(Self.writer.data()).payments
        #expect(payments.filter(\.isReversal).map(\.transactionType) == ["18", "20", "10"])
        #expect(payments.allSatisfy { $0.amount.minorUnits > 0 })
        #expect(payments[8].amount.minorUnits == 2_500)
        #expect(payments[12].amount.minorUnits == 50_000)
        #expect(payments[12].structuredReferences == ["0000000000000000000000018"])
    }

    /// Reversals still add to the end records' totals (the spec: "added to the sum, not deducted").
    @Test func reversalsCountInTheAssignmentTotal() throws {
        let second = try Self.parse(Self.writer.data()).batches[1]
        #expect(second.total.minorUnits == 2_500 + 99_999_999 + 1 + 12_345)
    }

    @Test func freeTextOfTerminalTypesComesFromAmountItem3() throws {
        let payments = try Self.parse(Self.writer.data()).payments
        #expect(payments[10].unstructuredText == ["Retur kasse 4"])
        #expect(payments[10].structuredReferences.isEmpty)
        #expect(payments[11].unstructuredText == ["Kjøp terminal 7"])
        #expect(payments[11].source == .line(28))
    }

    @Test func truncatedFileNamesTheMissingRecord() throws {
        let lines = Self.writer.lines().dropLast()
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(Array(lines))) }
        #expect(error.location == .line(lines.count + 1))
        #expect(error.message.contains("truncated"))
        #expect(error.message.contains("end of transmission (type 89)"))
    }

    @Test func unknownRecordType() throws {
        let lines = DamagedFile.overwriting(Self.writer.lines(), line: 3, at: 7, with: "77")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(3))
        #expect(error.field == "record type")
        #expect(error.message == "unknown record type '77'")
    }

    @Test func assignmentSumNotMatching() throws {
        let lines = Self.writer.lines()
        let endOfFirst = try #require(lines.firstIndex { $0.dropFirst(6).hasPrefix("88") }) + 1
        let damaged = DamagedFile.overwriting(lines, line: endOfFirst, at: 41, with: "1")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(damaged)) }
        #expect(error.location == .line(endOfFirst))
        #expect(error.field == "total amount")
        #expect(error.message == "the end record states 1080001 øre but the records add up to 1080000")
    }

    @Test func transmissionCountNotMatching() throws {
        let lines = Self.writer.lines()
        let damaged = DamagedFile.overwriting(lines, line: lines.count, at: 9, with: "00000099")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(damaged)) }
        #expect(error.location == .line(lines.count))
        #expect(error.field == "number of transactions")
        #expect(error.message.contains("states 99 transactions"))
    }

    @Test func impossibleNetsDate() throws {
        let lines = DamagedFile.overwriting(Self.writer.lines(), line: 3, at: 16, with: "300226")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(3))
        #expect(error.field == "Nets date")
        #expect(error.message == "'300226' is not a date (DDMMYY)")
    }

    @Test func amountWithLetters() throws {
        let lines = DamagedFile.overwriting(Self.writer.lines(), line: 5, at: 40, with: "1O")
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(5))
        #expect(error.field == "amount")
    }

    @Test func lineOfTheWrongLength() throws {
        var lines = Self.writer.lines()
        lines[3].removeLast()
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(4))
        #expect(error.message == "the line is 79 characters; OCR giro records are 80")
    }

    @Test func utf8TextIsRefused() throws {
        let error = try #require(throws: FormatError.self) {
            try Self.parse(Data((Self.writer.lines().joined(separator: "\n") + "\n").utf8))
        }
        #expect(error.location == .line(30))
        #expect(error.message == "the file is UTF-8; it must be ISO-8859-1 text")
    }

    @Test func recordAfterTheEndOfTransmission() throws {
        let lines = Self.writer.lines()
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines + [lines[1]])) }
        #expect(error.location == .line(lines.count + 1))
        #expect(error.message == "a record after the end of the transmission")
    }

    @Test func amountItem2OutOfPlace() throws {
        var lines = Self.writer.lines()
        lines.swapAt(2, 3)
        let error = try #require(throws: FormatError.self) { try Self.parse(DamagedFile.latin1(lines)) }
        #expect(error.location == .line(3))
        #expect(error.message == "found amount item 2 (type 31) where end of assignment (type 88) is expected")
    }
}

@Suite("Nets OCR giro: totals too large to count")
struct PaymentNetsOCRGiroOverflowTests {
    /// A hundred maximal 17-digit amounts pass Int64; the parser must refuse the file, not crash.
    /// (The end records are left as written for one transaction: the parser stops before reaching them.)
    @Test func overflowingTotalIsRefused() throws {
        let huge = NetsOCRGiroWriter.Transaction(type: 10, øre: 99_999_999_999_999_999, kid: "18")
        let lines = NetsOCRGiroWriter(assignments: [.init(number: 1, account: "12345678903", transactions: [huge])]).lines()
        let repeated = Array(lines[0..<2]) + Array(repeating: lines[2...3], count: 100).flatMap { $0 } + Array(lines[4...])
        let error = try #require(throws: FormatError.self) { try NetsOCRGiroParser.parse(DamagedFile.latin1(repeated), fileName: "huge.ocr") }
        #expect(error.message == "the amounts add up to more than can be counted")
        #expect(error.field == "amount")
    }
}
