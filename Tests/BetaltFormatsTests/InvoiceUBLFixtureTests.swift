import BetaltCore
import Foundation
import Testing
@testable import BetaltFormats

/// Every published Peppol sample parses, with its values read off the XML by hand.
@Suite("UBL invoices: the published Peppol samples")
struct InvoiceUBLFixtureTests {
    /// What one sample says, as a person reads it.
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var kind: InvoiceDocument.Kind = .invoice
        var number = "Snippet1"
        var issue = "2017-11-13"
        var due: String? = "2017-12-01"
        var currency = Currency.eur
        var payable: Int64
        var buyerName = "BuyerTradingName AS"
        var buyerOrganisation: OrganisationNumber? = .other(scheme: "0183", value: "39937423947")
        var buyerVAT: String? = "SE4598375937"
        var reference: String? = "Snippet1"
        var referencePasses = false
        var payee: String? = "IBAN32423940"
        var credited: [String] = []

        var description: String { file }
    }

    static let samples: [Expected] = [
        Expected(file: "Allowance-example.xml", payable: 612_500),
        Expected(file: "Snippet-cn.xml", kind: .creditNote, due: nil, payable: 400_000,
                 buyerVAT: "SE459837593701", credited: ["123", "124"]),
        Expected(file: "Vat-category-S.xml", payable: 855_000),
        Expected(file: "base-creditnote-correction.xml", kind: .creditNote, due: nil, payable: 165_625,
                 credited: ["Snippet1"]),
        Expected(file: "base-example.xml", payable: 165_625),
        Expected(file: "base-negative-inv-correction.xml", number: "Correction1", payable: -165_625,
                 credited: ["Snippet1"]),
        Expected(file: "direct-debit.xml", payable: 376_250, reference: "payref2", payee: nil),
        Expected(file: "giro.xml", payable: 376_250, reference: "PgPaymRef-345", payee: "98765432"),
        Expected(file: "payment1.xml", payable: 376_250, reference: "9387439", referencePasses: true, payee: nil),
        Expected(file: "vat-category-E.xml", number: "Vat-Z", issue: "2018-08-30", due: nil, currency: .gbp,
                 payable: 120_000, buyerName: "The Buyercompany", buyerOrganisation: nil, buyerVAT: nil,
                 reference: nil, payee: "SE1212341234123412"),
        Expected(file: "vat-category-O.xml", number: "Vat-O", issue: "2018-08-30", due: nil, currency: .sek,
                 payable: 320_000, buyerName: "The Buyercompany",
                 buyerOrganisation: .norwegian(try! NorwegianOrganisationNumber(validating: "987654325")),
                 buyerVAT: nil, reference: nil, payee: "SE1212341234123412"),
        Expected(file: "vat-category-Z.xml", number: "Vat-Z", issue: "2018-08-30", due: nil, currency: .gbp,
                 payable: 120_000, buyerName: "The Buyercompany", buyerOrganisation: nil, buyerVAT: nil,
                 reference: nil, payee: "SE1212341234123412"),
        Expected(file: "Norwegian-example-1.xml", number: "TOSL108", issue: "2013-06-30", due: "2013-07-20",
                 currency: .nok, payable: 80_200, buyerName: "The Buyercompany",
                 buyerOrganisation: .norwegian(try! NorwegianOrganisationNumber(validating: "987654325")),
                 buyerVAT: "NO987654325MVA", reference: "0003434323213231", payee: "NO9386011117947"),
    ]

    @Test("each sample's values", arguments: samples)
    func sample(_ expected: Expected) throws {
        let document = try UBLInvoiceParser.parse(
            Fixtures.data("peppol/\(expected.file)"), fileName: expected.file)
        #expect(document.kind == expected.kind)
        #expect(document.number == expected.number)
        #expect(document.issueDate == (try CivilDate(iso: expected.issue)))
        #expect(document.dueDate == (try expected.due.map { try CivilDate(iso: $0) }))
        #expect(document.currency == expected.currency)
        #expect(document.payableAmount == Money(minorUnits: expected.payable, currency: expected.currency))
        #expect(document.buyer.name == expected.buyerName)
        #expect(document.buyer.organisationNumber == expected.buyerOrganisation)
        #expect(document.buyer.vatNumber == expected.buyerVAT)
        #expect(document.paymentReference?.value == expected.reference)
        #expect(document.paymentReference.map(\.passesCheckDigits) == expected.reference.map { _ in expected.referencePasses })
        #expect(document.payeeAccount == expected.payee)
        #expect(document.creditedInvoiceNumbers == expected.credited)
    }

    @Test("every file in the folder has an expectation, so a new sample cannot go untested")
    func everySampleCovered() throws {
        let folder = Fixtures.url("peppol")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }
        #expect(Set(files) == Set(Self.samples.map(\.file)))
    }

    @Test("the Norwegian national example: full buyer and seller, and a KID that fails its check digit is kept")
    func norwegianExample() throws {
        let document = try UBLInvoiceParser.parse(
            Fixtures.data("peppol/Norwegian-example-1.xml"), fileName: "Norwegian-example-1.xml")
        let buyer = document.buyer
        #expect(buyer.legalName == "Buyercompany ASA")
        #expect(buyer.address == PostalAddress(
            lines: ["Anystreet 8", "Back door"], postalCode: "101", city: "Anytown", countryCode: "NO"))
        #expect(buyer.email == "john@buyercompany.no")
        #expect(buyer.phone == "5121230")
        #expect(document.seller.name == "Salescompany ltd.")
        #expect(document.seller.organisationNumber
            == .norwegian(try NorwegianOrganisationNumber(validating: "123456785")))
        guard case .fails(let reason) = document.paymentReference?.check else {
            Issue.record("the published KID 0003434323213231 fails both MOD10 and MOD11")
            return
        }
        #expect(reason.contains("check digit"))
    }

    @Test("a credit note without PaymentDueDate has no due date; the first billing reference is the credited invoice")
    func creditNote() throws {
        let document = try UBLInvoiceParser.parse(Fixtures.data("peppol/Snippet-cn.xml"), fileName: "Snippet-cn.xml")
        #expect(document.dueDate == nil)
        #expect(document.creditedInvoiceNumber == "123")
        #expect(document.seller.name == "SupplierTradingName Ltd.")
    }

    @Test("a reference passing MOD11 only is recognised as MOD11")
    func mod11Reference() {
        #expect(PaymentReference(checking: "9387439").check == .mod11)
        #expect(PaymentReference(checking: "1234567897").check == .mod10)
    }
}
