import BetaltCore
import Foundation
import Testing
@testable import BetaltFormats

@Suite("Nets OCR giro: the published sample")
struct PaymentNetsOCRGiroTests {
    let file: PaymentFile

    init() throws {
        file = try NetsOCRGiroParser.parse(
            Fixtures.data("nets-ocr-giro/ocr_giro_transactions.txt"), fileName: "ocr_giro_transactions.txt"
        )
    }

    @Test func transmissionHeader() throws {
        #expect(file.format == .netsOCRGiro)
        #expect(file.fileId == "0170031")
        #expect(file.recipient == "00010200")
        #expect(file.createdOn == (try CivilDate(1992, 1, 20)))
        #expect(!file.isTest)
    }

    @Test func oneAssignmentWithItsTotals() throws {
        #expect(file.batches.count == 1)
        let assignment = try #require(file.batches.first)
        #expect(assignment.id == "0000002")
        #expect(assignment.account == "99991042764")
        #expect(assignment.agreement == "001008566")
        #expect(assignment.date == (try CivilDate(1992, 1, 20)))
        #expect(assignment.count == 20)
        #expect(assignment.total == Money(minorUnits: 5_144_900, currency: .nok))
        #expect(file.payments.reduce(0) { $0 + $1.amount.minorUnits } == 5_144_900)
    }

    @Test func terminalPurchaseWithFreeText() throws {
        let first = try #require(file.payments.first)
        #expect(first.transactionType == "21")
        #expect(first.amount == Money(minorUnits: 102_000, currency: .nok))
        #expect(first.structuredReferences == ["0000531"])
        #expect(first.unstructuredText == ["Foo bar baz"])
        #expect(first.bankReference == "099038562")
        #expect(first.payer.account == "99990512341")
        #expect(first.bookingDate == (try CivilDate(1992, 1, 20)))
        #expect(first.paidDate == (try CivilDate(1992, 1, 16)))
        #expect(!first.isReversal)
        #expect(first.source == .line(3))
    }

    @Test func giroPaymentsKeepTheirKIDWithoutPadding() throws {
        let payments = file.payments
        #expect(payments.map(\.transactionType) == ["21"] + Array(repeating: "10", count: 6)
            + ["11", "12", "13", "11", "12", "13", "13", "13", "13", "10", "10", "10", "10"])
        #expect(payments[1].structuredReferences == ["0036633"])
        #expect(payments[1].source == .line(6))
        #expect(payments[10].structuredReferences == ["000149012"])
        #expect(payments[10].amount.minorUnits == 194_300)
        #expect(payments[19].structuredReferences == ["02311291133188"])
        #expect(payments[19].amount.minorUnits == 54_000)
        #expect(payments[19].source == .line(42))
        #expect(payments.allSatisfy { $0.unstructuredText.isEmpty || $0.transactionType == "21" })
        #expect(payments.allSatisfy { !$0.isReversal && $0.amount.currency == .nok })
    }

    @Test func missingBankDateIsNil() throws {
        let directRemittance = file.payments[8]
        #expect(directRemittance.transactionType == "12")
        #expect(directRemittance.paidDate == nil)
        #expect(directRemittance.bankReference == "001020169")
    }
}
