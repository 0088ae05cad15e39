import BetaltCore
import Foundation
import Testing
@testable import BetaltFormats

/// Broken or hostile UBL input is refused with a FormatError that says where and why.
@Suite("UBL invoices: malformed input")
struct InvoiceUBLMalformedTests {
    /// The base example with `original` replaced by `replacement` (which must occur in it).
    private func variant(_ original: String, _ replacement: String) throws -> Data {
        let text = String(decoding: try Fixtures.data("peppol/base-example.xml"), as: UTF8.self)
        #expect(text.contains(original), "the base example no longer contains \(original)")
        return Data(text.replacingOccurrences(of: original, with: replacement).utf8)
    }

    private func refusal(_ data: Data, file: String = "invoice.xml") -> FormatError? {
        do {
            _ = try UBLInvoiceParser.parse(data, fileName: file)
            return nil
        } catch {
            return error
        }
    }

    @Test("an impossible date names the XPath and the value")
    func badDate() throws {
        let error = try #require(refusal(try variant("<cbc:DueDate>2017-12-01", "<cbc:DueDate>2026-02-30")))
        #expect(error.location == .path("/Invoice/cbc:DueDate"))
        #expect(error.description == "invoice.xml, /Invoice/cbc:DueDate: '2026-02-30' is not a date (expected YYYY-MM-DD)")
    }

    @Test("an amount with more decimals than the currency is refused, not rounded")
    func tooManyDecimals() throws {
        let error = try #require(refusal(try variant(">1656.25</cbc:PayableAmount>", ">1656.255</cbc:PayableAmount>")))
        #expect(error.location == .path("/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount"))
        #expect(error.message.contains("more than 2 decimals"))
    }

    @Test("an amount with a decimal comma is not an xs:decimal")
    func decimalComma() throws {
        let error = try #require(refusal(try variant(">1656.25</cbc:PayableAmount>", ">1656,25</cbc:PayableAmount>")))
        #expect(error.message == "'1656,25' is not an amount (expected e.g. 1234.50)")
    }

    @Test("an unknown currency is refused at DocumentCurrencyCode")
    func unknownCurrency() throws {
        let error = try #require(refusal(try variant(
            "<cbc:DocumentCurrencyCode>EUR", "<cbc:DocumentCurrencyCode>XYZ")))
        #expect(error.location == .path("/Invoice/cbc:DocumentCurrencyCode"))
        #expect(error.message.contains("'XYZ'"))
    }

    @Test("a payable amount in another currency than the document's is refused")
    func currencyMismatch() throws {
        let error = try #require(refusal(try variant(
            "<cbc:PayableAmount currencyID=\"EUR\">", "<cbc:PayableAmount currencyID=\"NOK\">")))
        #expect(error.message == "the amount is in NOK, but the document currency is EUR")
    }

    @Test("a missing invoice number names where it should be")
    func missingNumber() throws {
        let error = try #require(refusal(try variant("<cbc:ID>Snippet1</cbc:ID>", "")))
        #expect(error.location == .path("/Invoice/cbc:ID"))
        #expect(error.field == "ID")
    }

    @Test("a buyer without any name is refused")
    func buyerWithoutName() throws {
        var data = try variant("<cbc:Name>BuyerTradingName AS</cbc:Name>", "")
        data = Data(String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<cbc:RegistrationName>Buyer Official Name</cbc:RegistrationName>", with: "").utf8)
        let error = try #require(refusal(data))
        #expect(error.location == .path("/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name"))
    }

    @Test("an organisation number under scheme 0192 must pass its check digit")
    func badNorwegianOrganisationNumber() throws {
        let error = try #require(refusal(try variant(
            "<cbc:EndpointID schemeID=\"0002\">FR23342", "<cbc:EndpointID schemeID=\"0192\">987654321")))
        #expect(error.location == .path("/Invoice/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID"))
        #expect(error.message.contains("987654321"))
    }

    @Test("under scheme 0007 a Swedish sole trader's personnummer is read as such; one with a wrong check digit is refused")
    func swedishSoleTrader() throws {
        let invoice = try UBLInvoiceParser.parse(try variant(
            "<cbc:EndpointID schemeID=\"0002\">FR23342", "<cbc:EndpointID schemeID=\"0007\">640823-3234"), fileName: "invoice.xml")
        #expect(invoice.buyer.organisationNumber == .swedishSoleTrader(try SwedishPersonalNumber(validating: "196408233234")))
        let error = try #require(refusal(try variant(
            "<cbc:EndpointID schemeID=\"0002\">FR23342", "<cbc:EndpointID schemeID=\"0007\">640823-3235")))
        #expect(error.location == .path("/Invoice/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID"))
        #expect(error.message.contains("personnummer '640823-3235'") && error.message.contains("check digit"), "\(error.message)")
    }

    @Test("a buyer's country code is read in upper case; one that is not two letters is refused at its XPath")
    func countryCode() throws {
        let buyerCountry = "<cbc:PostalZone>456 34</cbc:PostalZone>\n                <cac:Country>\n                    <cbc:IdentificationCode>SE<"
        let lowercase = try UBLInvoiceParser.parse(try variant(buyerCountry, buyerCountry.replacingOccurrences(of: ">SE<", with: "> se <")), fileName: "invoice.xml")
        #expect(lowercase.buyer.address?.countryCode == "SE")
        let error = try #require(refusal(try variant(buyerCountry, buyerCountry.replacingOccurrences(of: ">SE<", with: ">Sverige<"))))
        #expect(error.location == .path("/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode"))
        #expect(error.message == "'Sverige' is not a country code (two letters, ISO 3166-1, such as NO or SE)")
        #expect(refusal(try variant(buyerCountry, buyerCountry.replacingOccurrences(of: ">SE<", with: ">ß<"))) != nil, "not SS")
        let empty = try UBLInvoiceParser.parse(try variant(buyerCountry, buyerCountry.replacingOccurrences(of: ">SE<", with: "><")), fileName: "invoice.xml")
        #expect(empty.buyer.address != nil && empty.buyer.address?.countryCode == nil, "an empty code is none, as before")
    }

    @Test("the seller's country code, which Betalt never uses, is left out rather than refused when it is not one")
    func sellerCountryCode() throws {
        let invoice = try UBLInvoiceParser.parse(try variant(
            "<cbc:IdentificationCode>GB</cbc:IdentificationCode>", "<cbc:IdentificationCode>Norge</cbc:IdentificationCode>"), fileName: "invoice.xml")
        #expect(invoice.seller.address != nil && invoice.seller.address?.countryCode == nil)
        #expect(invoice.buyer.address?.countryCode == "SE")
    }

    @Test("a truncated document is refused with a line number")
    func truncated() throws {
        let whole = try Fixtures.data("peppol/base-example.xml")
        let error = try #require(refusal(whole.prefix(whole.count / 2)))
        guard case .line(let line, _) = error.location else {
            Issue.record("expected a line, got \(error.location)")
            return
        }
        #expect(line > 50)
        #expect(error.message.contains("not well-formed"))
    }

    @Test("text that is not XML is refused")
    func notXML() throws {
        let error = try #require(refusal(Data("invoice_number,amount\n1,100\n".utf8), file: "invoices.csv"))
        #expect(error.file == "invoices.csv")
        #expect(error.message.contains("not well-formed"))
    }

    @Test("another XML document is refused naming its root")
    func wrongRoot() throws {
        let data = Data("<?xml version=\"1.0\"?><Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>".utf8)
        let error = try #require(refusal(data))
        #expect(error.location == .path("/Order"))
        #expect(error.message.contains("found <Order>"))
    }

    @Test("an Invoice element outside the UBL namespace is refused")
    func wrongNamespace() throws {
        let error = try #require(refusal(Data("<Invoice><ID>1</ID></Invoice>".utf8)))
        #expect(error.location == .path("/Invoice"))
        #expect(error.message.contains("namespace 'none'"))
    }
}
