import BetaltCore
import Foundation
import Testing
@testable import BetaltFormats

/// CSV invoices as accounting systems and spreadsheets write them.
@Suite("CSV invoices")
struct InvoiceCSVTests {
    private let header = "invoice_number,issue_date,due_date,currency,amount,customer_name"

    private func parse(_ text: String, file: String = "invoices.csv") throws(FormatError) -> [InvoiceRow] {
        try CSVInvoiceParser.parse(Data(text.utf8), fileName: file)
    }

    private func refusal(_ text: String) -> FormatError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("a comma-separated file with every column")
    func fullComma() throws {
        let text = """
            invoice_number,issue_date,due_date,currency,amount,customer_number,customer_name,customer_kind,\
            organisation_number,national_identity_number,email,address_line,postal_code,city,country,payment_reference
            1001,2026-01-05,2026-01-19,NOK,1250.50,K-7,Fjord Bygg AS,business,987654325,,post@fjord.no,\
            Storgata 1,0155,Oslo,NO,12345678903

            """
        let rows = try parse(text)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.line == 2)
        #expect(row.invoiceNumber == "1001")
        #expect(row.issueDate == (try CivilDate(iso: "2026-01-05")))
        #expect(row.dueDate == (try CivilDate(iso: "2026-01-19")))
        #expect(row.amount == Money(minorUnits: 125_050, currency: .nok))
        #expect(row.customerNumber == "K-7")
        #expect(row.customerName == "Fjord Bygg AS")
        #expect(row.customerKind == .business)
        #expect(row.organisationNumber == .norwegian(try NorwegianOrganisationNumber(validating: "987654325")))
        #expect(row.nationalIdentityNumber == nil)
        #expect(row.email == "post@fjord.no")
        #expect(row.address == PostalAddress(lines: ["Storgata 1"], postalCode: "0155", city: "Oslo", countryCode: "NO"))
        #expect(row.paymentReference?.value == "12345678903")
        #expect(row.paymentReference?.passesCheckDigits == true)
    }

    @Test("a spreadsheet export: semicolons, decimal comma with grouping space, Nordic dates, BOM and CRLF")
    func spreadsheetExport() throws {
        let text = "\u{FEFF}invoice_number;issue_date;due_date;currency;amount;customer_name\r\n"
            + "2001;05.01.2026;19.01.2026;SEK;1 234,50;Kund AB\r\n"
            + "2002;2026-01-06;2026-01-20;SEK;99;\"Semi; colon AB\"\r\n"
        let rows = try parse(text)
        #expect(rows.map(\.invoiceNumber) == ["2001", "2002"])
        #expect(rows.map(\.amount.minorUnits) == [123_450, 9_900])
        #expect(rows[0].issueDate == (try CivilDate(iso: "2026-01-05")))
        #expect(rows[1].customerName == "Semi; colon AB")
        #expect(rows.map(\.line) == [2, 3])
    }

    @Test("quoted fields keep separators, doubled quotes and line breaks; lines after them are still counted")
    func quoting() throws {
        let text = """
            \(header)
            1,2026-01-05,2026-01-19,NOK,"1250,50","Hansen, ""Ola"" og
            sønner"
            2,2026-01-05,2026-01-19,NOK,10,Kari
            """
        let rows = try parse(text)
        #expect(rows[0].customerName == "Hansen, \"Ola\" og\nsønner")
        #expect(rows[0].amount.minorUnits == 125_050)
        #expect(rows[1].line == 4)
    }

    @Test("a failing payment reference is kept and flagged")
    func failingReference() throws {
        let rows = try parse("\(header),payment_reference\n1,2026-01-05,2026-01-19,NOK,10,Kari,12345678901\n")
        #expect(rows[0].paymentReference?.value == "12345678901")
        #expect(rows[0].paymentReference?.passesCheckDigits == false)
    }

    @Test("a bad line names its line, column and field; nothing is returned")
    func badAmount() throws {
        let error = try #require(refusal("""
            \(header)
            1,2026-01-05,2026-01-19,NOK,10,Kari
            2,2026-01-05,2026-01-19,NOK,10.005,Ola
            """))
        #expect(error.location == .line(3, column: 5))
        #expect(error.field == "amount")
        #expect(error.description.hasPrefix("invoices.csv, line 3, column 5 (amount): '10.005' is not an amount"))
    }

    @Test("several bad lines are listed together, in order")
    func severalProblems() throws {
        let error = try #require(refusal("""
            \(header)
            1,2026-02-30,2026-03-01,NOK,10,Kari
            2,2026-01-05,2026-01-19,XYZ,10,Ola
            3,2026-01-05,2026-01-19,NOK,10,
            1,2026-01-05,2026-01-19,NOK,10,Per
            """))
        #expect(error.all.map(\.location) == [
            .line(2, column: 2), .line(3, column: 4), .line(4, column: 6), .line(5, column: 1),
        ])
        #expect(error.all.map(\.field) == ["issue_date", "currency", "customer_name", "invoice_number"])
        #expect(error.all.last?.message == "invoice number '1' already appears on line 2")
    }

    @Test("no more than the limit of problems is listed")
    func problemLimit() throws {
        let lines = (1...30).map { "\($0),2026-01-05,2026-01-19,NOK,x,Kari" }
        let error = try #require(refusal(([header] + lines).joined(separator: "\n")))
        #expect(error.all.count == CSVInvoiceParser.reportedProblemLimit)
    }

    @Test("a line with the wrong number of fields is refused")
    func fieldCount() throws {
        let error = try #require(refusal("\(header)\n1,2026-01-05,2026-01-19,NOK,1250,50,Kari\n"))
        #expect(error.location == .line(2))
        #expect(error.message.contains("7 fields but the header has 6"))
    }

    @Test("an unclosed quote is refused at the line it opens")
    func unclosedQuote() throws {
        let error = try #require(refusal("\(header)\n1,2026-01-05,2026-01-19,NOK,10,\"Kari\n2,x\n"))
        #expect(error.location == .line(2, column: 6))
        #expect(error.message.contains("never closed"))
    }

    @Test("an unknown or missing header column is refused at line 1")
    func headerColumns() throws {
        let unknown = try #require(refusal("invoice_nummer,issue_date\n"))
        #expect(unknown.location == .line(1, column: 1))
        let missing = try #require(refusal("invoice_number,issue_date\n"))
        #expect(missing.message.contains("due_date, currency, amount, customer_name"))
    }

    @Test("text that is not UTF-8 is refused with advice")
    func latin1() throws {
        var data = Data("\(header)\n1,2026-01-05,2026-01-19,NOK,10,S".utf8)
        data.append(0xF8)  // "ø" in Latin-1
        data.append(contentsOf: Array("ren\n".utf8))
        do {
            _ = try CSVInvoiceParser.parse(data, fileName: "latin1.csv")
            Issue.record("Latin-1 was accepted")
        } catch {
            #expect(error.location == .file)
            #expect(error.message.contains("not UTF-8"))
        }
    }

    @Test("a Swedish organisation number is checked when the country is SE; a valid one is kept")
    func swedishOrganisationNumber() throws {
        let error = try #require(refusal(
            "\(header),organisation_number,country\n1,2026-01-05,2026-01-19,SEK,10,Kund AB,123456-7898,SE\n"))
        #expect(error.field == "organisation_number")
        let rows = try parse(
            "\(header),organisation_number,country\n1,2026-01-05,2026-01-19,SEK,10,Kund AB,123456-7897,SE\n")
        #expect(rows[0].organisationNumber == .swedish(try SwedishOrganisationNumber(validating: "1234567897")))
    }

    @Test("a Swedish sole trader's personnummer in the organisation number column is read as such")
    func swedishSoleTrader() throws {
        let rows = try parse(
            "\(header),organisation_number,country\n1,2026-01-05,2026-01-19,SEK,10,Kund Firma,640823-3234,SE\n")
        #expect(rows[0].organisationNumber == .swedishSoleTrader(try SwedishPersonalNumber(validating: "196408233234")))
        let error = try #require(refusal(
            "\(header),organisation_number,country\n1,2026-01-05,2026-01-19,SEK,10,Kund Firma,640823-3235,SE\n"))
        #expect(error.field == "organisation_number")
    }

    @Test("a country code is read in upper case, and so checks a lower-case se's numbers; one that is not two letters names its column")
    func countryCode() throws {
        let rows = try parse(
            "\(header),organisation_number,country\n1,2026-01-05,2026-01-19,SEK,10,Kund AB,123456-7897,se\n")
        #expect(rows[0].address?.countryCode == "SE")
        #expect(rows[0].organisationNumber == .swedish(try SwedishOrganisationNumber(validating: "1234567897")))
        let error = try #require(refusal("\(header),country\n1,2026-01-05,2026-01-19,SEK,10,Kund AB,Sverige\n"))
        #expect(error.field == "country")
        #expect(error.location == .line(2, column: 7))
        #expect(error.message == "'Sverige' is not a country code (two letters, ISO 3166-1, such as NO or SE)")
        let empty = try parse("\(header),country,city\n1,2026-01-05,2026-01-19,SEK,10,Kund AB,,Malmö\n")
        #expect(empty[0].address?.countryCode == nil && empty[0].address?.city == "Malmö", "an empty column is no code: the creditor's country")
    }
}
