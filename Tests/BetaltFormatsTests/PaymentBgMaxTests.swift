import BetaltCore
import Foundation
import Testing
@testable import BetaltFormats

@Suite("BgMax: Bankgirot's published example and the record-type sampler")
struct PaymentBgMaxTests {
    let file: PaymentFile

    init() throws {
        file = try BgMaxParser.parse(
            Fixtures.data("bgmax/bgmax-example-ocr-length-digit.txt"), fileName: "bgmax-example-ocr-length-digit.txt"
        )
    }

    @Test func startRecord() throws {
        #expect(file.format == .bgMax)
        #expect(file.fileId == "20040525173035010331")
        #expect(file.createdOn == (try CivilDate(2004, 5, 25)))
        #expect(!file.isTest)
    }

    @Test func threeDepositsOneInEuro() throws {
        #expect(file.batches.map(\.id) == ["00074", "00075", "00076"])
        #expect(file.batches.map(\.account) == ["9912346", "9912346", "9912346"])
        #expect(file.batches.map(\.agreement) == Array(repeating: "5841000001009823", count: 3))
        #expect(file.batches.map(\.total) == [
            Money(minorUnits: 190_000, currency: .sek),
            Money(minorUnits: 800_000, currency: .sek),
            Money(minorUnits: 400_000, currency: .eur),
        ])
        #expect(file.batches.map(\.count) == [3, 4, 2])
        #expect(file.payments.allSatisfy { $0.bookingDate == (try? CivilDate(2004, 5, 25)) })
        #expect(file.batches[2].payments.allSatisfy { $0.amount.currency == .eur })
    }

    @Test func paymentWithCheckedOCRAndPayerRecords() throws {
        let payment = file.payments[0]
        #expect(payment.transactionType == "20")
        #expect(payment.amount == Money(minorUnits: 100_000, currency: .sek))
        #expect(payment.structuredReferences == ["655969"])
        #expect(payment.unstructuredText.isEmpty)
        #expect(payment.bankReference == "000000000010")
        #expect(payment.payer == Payer(
            name: "Kalles Plåt AB", organisationNumber: "5500001234",
            address: ["Storgatan 2", "12345 Storåker"], account: "3783511"
        ))
        #expect(payment.source == .line(3))
        #expect(!payment.isReversal)
    }

    @Test func deductionIsMarkedNotNegated() throws {
        let deduction = file.payments[1]
        #expect(deduction.transactionType == "21")
        #expect(deduction.isReversal)
        #expect(deduction.amount == Money(minorUnits: 50_000, currency: .sek))
        #expect(deduction.unstructuredText == ["89853"])
        #expect(deduction.structuredReferences.isEmpty)
        #expect(deduction.source == .line(8))
    }

    /// Lines 16 and 17 are short, and 17 has TAB characters where its reference field's spaces belong.
    @Test func extraReferencesIncludingTheShortAndTabbedLines() throws {
        let payment = file.payments[2]
        #expect(payment.amount.minorUnits == 140_000)
        #expect(payment.structuredReferences == ["657866", "658765", "657767", "657965"])
        #expect(payment.unstructuredText == ["657866 658765 657767", "Betalning med extra refnr 657965"])
        #expect(payment.source == .line(13))
    }

    @Test func secondAndThirdDeposits() throws {
        let second = file.batches[1].payments
        #expect(second.map(\.amount.minorUnits) == [110_000, 120_000, 70_000, 500_000])
        #expect(second[0].payer.name == "Olles färg AB")
        #expect(second[1].structuredReferences.isEmpty && second[1].unstructuredText.isEmpty)
        #expect(second[3].structuredReferences == ["658260", "658369", "658468"])
        #expect(second[3].unstructuredText == ["Faktura 658369", "Faktura 658468"])
        let third = file.batches[2].payments
        #expect(third[0].structuredReferences == ["801266", "801365", "801464"])
        #expect(third[0].unstructuredText == ["801266,801365,801464", "Faktura801465"])
        #expect(third[1].payer.organisationNumber == "5500002222")
    }

    /// The sampler starts with a UTF-8 byte order mark, which an ISO-8859-1 BgMax file cannot have.
    @Test func recordTypeSamplerIsRefusedForItsByteOrderMark() throws {
        let data = try Fixtures.data("bgmax/all-record-types.txt")
        let error = try #require(throws: FormatError.self) { try BgMaxParser.parse(data, fileName: "all-record-types.txt") }
        #expect(error.location == .line(1))
        #expect(error.message.contains("byte order mark"))
    }

    /// Every sampler line carries a TK01 body, so past the mark the TK05 fails on its bankgiro field.
    @Test func recordTypeSamplerWithoutTheMarkFailsAtItsTK05() throws {
        let data = try Fixtures.data("bgmax/all-record-types.txt").dropFirst(3)
        let error = try #require(throws: FormatError.self) { try BgMaxParser.parse(Data(data), fileName: "all-record-types.txt") }
        #expect(error.location == .line(2))
        #expect(error.field == "receiving bankgiro")
        #expect(error.file == "all-record-types.txt")
    }
}
