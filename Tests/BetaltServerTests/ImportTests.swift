import BetaltCore
import BetaltFormats
import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import SQLKit
import Testing

@Suite("Importing invoices and payments")
struct ImportTests {
    static let fixtures = URL(fileURLWithPath: TestApp.repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared/fixtures")

    static func fixture(_ path: String) throws -> Data { try Data(contentsOf: fixtures.appendingPathComponent(path)) }

    @Test("a Peppol invoice becomes a claim with its original kept; the same file again is refused", arguments: TestEngine.allCases)
    func peppolInvoice(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let data = try Self.fixture("peppol/Norwegian-example-1.xml")
            let summary = try await InvoiceImport.run(fileName: "Norwegian-example-1.xml", data: data, creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            #expect(summary.invoicesCreated == 1)
            #expect(summary.flaggedReferences.count == 1)
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "TOSL108").first())
            #expect(claim.paymentReference == "0003434323213231")
            #expect(claim.paymentReferenceChecked == false)
            #expect(claim.openMinor == claim.principalMinor && claim.principalMinor > 0)
            #expect(claim.nextActionDate == (try CivilDate(iso: claim.dueDate)).adding(days: 1).iso)
            let original = try #require(try await InvoiceDocumentRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).first())
            #expect(original.content == String(decoding: data, as: UTF8.self))
            let entries = try await LedgerEntryRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).all()
            #expect(entries.map(\.kind) == ["principal"])

            let error = await #expect(throws: ImportRefused.self) {
                try await InvoiceImport.run(fileName: "again.xml", data: data, creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            }
            #expect(error?.description.contains("already imported") == true)
            #expect(try await ImportedFileRecord.query(on: test.app.db).count() == 1)
        }
    }

    @Test("a credit note reduces the claim of the invoice it credits; one for an unknown invoice changes nothing", arguments: TestEngine.allCases)
    func creditNote(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let refused = await #expect(throws: ImportRefused.self) {
                try await InvoiceImport.run(fileName: "cn.xml", data: try Self.fixture("peppol/base-creditnote-correction.xml"), creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            }
            #expect(refused?.description.contains("does not have") == true)
            #expect(try await ImportedFileRecord.query(on: test.app.db).count() == 0)

            _ = try await InvoiceImport.run(fileName: "base-example.xml", data: try Self.fixture("peppol/base-example.xml"), creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            let before = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "Snippet1").first())
            let summary = try await InvoiceImport.run(fileName: "cn.xml", data: try Self.fixture("peppol/base-creditnote-correction.xml"), creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            #expect(summary.creditNotesApplied == 1)
            let after = try #require(try await ClaimRecord.find(before.id, on: test.app.db))
            #expect(after.openMinor < before.openMinor)
            let credit = try await LedgerEntryRecord.query(on: test.app.db).filter(\.$claimID == before.id!).filter(\.$kind == "creditNote").all()
            #expect(credit.count == 1)
            #expect(credit.first?.amountMinor == before.openMinor - after.openMinor)
        }
    }

    @Test("a Peppol buyer's country code written in lower case makes a Swedish customer who reads Swedish", arguments: TestEngine.allCases)
    func lowerCaseCountry(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let buyerCountry = "<cbc:PostalZone>456 34</cbc:PostalZone>\n                <cac:Country>\n                    <cbc:IdentificationCode>SE<"
            let original = String(decoding: try Self.fixture("peppol/base-example.xml"), as: UTF8.self)
            #expect(original.contains(buyerCountry))
            let lowerCase = Data(original.replacingOccurrences(of: buyerCountry, with: buyerCountry.replacingOccurrences(of: ">SE<", with: ">se<")).utf8)
            let norway = test.ledger.creditors[0].id
            _ = try await InvoiceImport.run(fileName: "lower.xml", data: lowerCase, creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "Snippet1").first())
            let customer = try #require(try await CustomerRecord.find(claim.customerID, on: test.app.db))
            #expect(customer.country == "SE")
            #expect(customer.language == "sv")
        }
    }

    @Test("an invoice for a customer already kept fills in what the customer lacks, and reports what differs without applying it",
          arguments: TestEngine.allCases)
    func customerCompleted(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let header = "invoice_number,issue_date,due_date,currency,amount,customer_number,customer_name,customer_kind,national_identity_number,"
                + "email,address_line,postal_code,city,country\n"
            func run(_ name: String, _ lines: String...) async throws -> ImportSummary {
                try await InvoiceImport.run(
                    fileName: name, data: Data((header + lines.joined(separator: "\n") + "\n").utf8), creditorID: norway, today: TestApp.today,
                    by: "ola@example.no", userID: nil, on: test.app.db)
            }
            _ = try await run("first.csv", "CC-1,2026-10-01,2026-10-15,NOK,100.00,CC,Kari Nordmann,consumer,,,,,Oslo,")
            let first = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "CC-1").first())
            func revision() async throws -> Int? {
                try await (test.app.db as! any SQLDatabase).raw("SELECT revision FROM claims WHERE id = \(bind: first.id!)").first()?
                    .decode(column: "revision", as: Int.self)
            }
            let before = try #require(try await revision())

            // Half an address, no e-mail, no fødselsnummer: the next invoice's are taken, with a timeline line.
            let second = try await run(
                "second.csv", "CC-2,2026-10-05,2026-10-19,NOK,200.00,CC,Kari Nordmann,consumer,291002 07042,kari@example.no,Storgata 1,0155,Oslo,NO")
            #expect(second.invoicesCreated == 1 && second.customerDifferences == nil)
            var customer = try #require(try await CustomerRecord.find(first.customerID, on: test.app.db))
            #expect([customer.addressLine, customer.postalCode, customer.city, customer.email] == ["Storgata 1", "0155", "Oslo", "kari@example.no"])
            #expect(customer.nationalIdentityNumber == "29100207042", "in its normal form")
            let note = try #require(try await ConversationNoteRecord.query(on: test.app.db).filter(\.$customerID == first.customerID)
                .filter(\.$kind == "detailsChanged").first())
            #expect(note.author == "second.csv, invoice CC-2")
            #expect(note.text == "address: Oslo → Storgata 1, 0155 Oslo\nemail: — → kari@example.no\nnationalIdentityNumber: — → 291002 *****")
            #expect(note.notedOn == TestApp.today.iso)
            #expect(try await revision() == before + 1, "the run looks at the customer's claims again")
            let audit = try #require(try await AuditRecord.query(on: test.app.db).filter(\.$action == "customer.detailsCompleted").first())
            #expect(audit.actor == "ola@example.no")
            #expect(audit.detail == "address, email, nationalIdentityNumber from invoice CC-2 (second.csv)")

            // Details kept are never written over: those that differ are reported once for all their invoices, and those
            // written otherwise are the same; an invoice of another kind takes nothing.
            let third = try await run(
                "third.csv",
                "CC-3,2026-10-06,2026-10-20,NOK,300.00,CC,Kari Nordmann,consumer,,Kari@Example.no,storgata  1,0155,OSLO,NO",
                "CC-4,2026-10-07,2026-10-21,NOK,400.00,CC,Kari Nordmann,consumer,,kari@example.com,Kirkeveien 5,0368,Oslo,NO",
                "CC-5,2026-10-08,2026-10-22,NOK,500.00,CC,Kari Nordmann,consumer,,kari@example.com,Kirkeveien 5,0368,Oslo,NO",
                "CC-6,2026-10-09,2026-10-23,NOK,600.00,CC,Kari Nordmann,business,,,Kirkeveien 5,0368,Oslo,NO")
            #expect(third.invoicesCreated == 4)
            #expect(third.customerDifferences == [
                "customer CC: the address on invoices CC-4, CC-5 (Kirkeveien 5, 0368 Oslo) is not the one kept: kept as it was;"
                    + " if the customer has moved, correct it on the customer page",
                "customer CC: the e-mail address on invoices CC-4, CC-5 (kari@example.com) is not the one kept: kept as it was",
                "customer CC: the customer kind on invoice CC-6 (business) is not the kind of the customer kept under this number:"
                    + " nothing taken from the invoice",
            ])
            #expect(third.text.contains("customer details differ, not applied: customer CC: the address on invoices CC-4, CC-5"))
            customer = try #require(try await CustomerRecord.find(first.customerID, on: test.app.db))
            #expect([customer.addressLine, customer.email, customer.kind] == ["Storgata 1", "kari@example.no", "consumer"])
            #expect(try await ConversationNoteRecord.query(on: test.app.db).filter(\.$customerID == first.customerID)
                .filter(\.$kind == "detailsChanged").count() == 1)
        }
    }

    @Test("a business made by one row of a file is completed by the next: checked as a person's correction is, its country and language with its address",
          arguments: TestEngine.allCases)
    func businessCompletedInOneFile(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let csv = Data("""
                invoice_number,issue_date,due_date,currency,amount,customer_number,customer_name,customer_kind,organisation_number,email,address_line,postal_code,city,country
                BZ-1,2026-10-01,2026-10-15,NOK,100.00,BZ,Bazar AB,business,,,,,,
                BZ-2,2026-10-05,2026-10-19,NOK,200.00,BZ,Bazar AB,business,1234567897,not an address,Storgatan 1,21122,Malmö,SE
                SV-1,2026-10-05,2026-10-19,NOK,300.00,SV,Sven Svensson,consumer,,,,,,SE
                SV-2,2026-10-05,2026-10-19,NOK,300.00,SV,Sven Svensson,consumer,,,Lilla torg 2,21134,Malmö,

                """.utf8)
            let summary = try await InvoiceImport.run(
                fileName: "bazar.csv", data: csv, creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            #expect(summary.invoicesCreated == 4)
            #expect(summary.customerDifferences == ["customer BZ: the e-mail address on invoice BZ-2 (not an address) is not one e-mail address: not taken"])
            let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$customerNumber == "BZ").first())
            #expect([customer.addressLine, customer.postalCode, customer.city, customer.country] == ["Storgatan 1", "211 22", "Malmö", "SE"])
            #expect(customer.language == "sv", "the language came with the creditor's country, and goes with it")
            #expect(customer.organisationNumber == (try SwedishOrganisationNumber(validating: "1234567897")).normalized)
            #expect(customer.email == nil)
            // An address without a country is in the country kept, not the creditor's that stood in for it.
            let sven = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$customerNumber == "SV").first())
            #expect([sven.addressLine, sven.postalCode, sven.country, sven.language] == ["Lilla torg 2", "211 34", "SE", "sv"])
        }
    }

    @Test("a malformed file is refused with its place named, and nothing of it is imported", arguments: [TestEngine.sqlite])
    func malformed(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let whole = try Self.fixture("peppol/Norwegian-example-1.xml")
            let error = await #expect(throws: FormatError.self) {
                try await InvoiceImport.run(fileName: "cut.xml", data: whole.prefix(whole.count / 2), creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            }
            #expect(error?.file == "cut.xml")
            let csv = Data("invoice_number,issue_date,due_date,currency,amount,customer_name\nA-1,2026-11-01,2026-11-15,NOK,100.00,Kari\nA-2,2026-11-01,2026-02-30,NOK,100.00,Ola\n".utf8)
            let csvError = await #expect(throws: FormatError.self) {
                try await InvoiceImport.run(fileName: "bad.csv", data: csv, creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            }
            #expect(csvError?.description.contains("line 3") == true, "\(String(describing: csvError))")
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "A-1").count() == 0)
            #expect(try await ImportedFileRecord.query(on: test.app.db).count() == 0)
        }
    }

    @Test("a Swedish sole trader's personnummer is kept as personal data: not as organisation or customer number, masked on the claim page",
          arguments: TestEngine.allCases)
    func swedishSoleTrader(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let sweden = test.ledger.creditors[1].id
            let csv = Data("""
                invoice_number,issue_date,due_date,currency,amount,customer_name,organisation_number,address_line,postal_code,city,country
                ST-1,2026-10-01,2026-10-15,SEK,1500.00,Åsas Måleri,640823-3234,Storgatan 1,111 22,Stockholm,SE

                """.utf8)
            let summary = try await InvoiceImport.run(fileName: "invoices.csv", data: csv, creditorID: sweden, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            #expect(summary.invoicesCreated == 1)
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "ST-1").first())
            let customer = try #require(try await CustomerRecord.find(claim.customerID, on: test.app.db))
            #expect(customer.kind == CustomerKind.business.rawValue)
            #expect(customer.organisationNumber == nil)
            #expect(customer.nationalIdentityNumber == "196408233234")
            #expect(customer.customerNumber == "Åsas Måleri")

            let cookie = try await test.logIn()
            let (status, page) = try await test.get("/creditors/\(sweden)/claims/\(claim.id!)", headers: cookie)
            #expect(status == .ok)
            #expect(page.contains("19640823-****"))
            #expect(!page.contains("408233234") && !page.contains("0823-3234"), "the personnummer is shown masked only")
            let (_, customerPage) = try await test.get("/creditors/\(sweden)/customers/\(customer.id!)", headers: cookie)
            #expect(customerPage.contains("<dd id=\"customer-identity\">19640823-****</dd>"))
            #expect(!customerPage.contains("408233234") && !customerPage.contains("0823-3234"))

            // Without a country column the Swedish creditor's customer is Swedish: the same sole trader, found by the
            // personnummer, not made again under a name spelt otherwise.
            let again = Data("""
                invoice_number,issue_date,due_date,currency,amount,customer_name,organisation_number
                ST-2,2026-10-05,2026-10-19,SEK,700.00,Åsas Måleri AB,196408233234

                """.utf8)
            _ = try await InvoiceImport.run(fileName: "again.csv", data: again, creditorID: sweden, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            let second = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "ST-2").first())
            #expect(second.customerID == customer.id)

            // The same personnummer written otherwise is the same person; the same person buying privately is another
            // customer, of another kind.
            let others = Data("""
                invoice_number,issue_date,due_date,currency,amount,customer_name,customer_kind,national_identity_number,customer_number,country
                ST-4,2026-10-05,2026-10-19,SEK,300.00,Åsas Måleri,business,19640823-3234,,SE
                ST-5,2026-10-05,2026-10-19,SEK,400.00,Åsa Svensson,consumer,196408233234,P-1,SE

                """.utf8)
            _ = try await InvoiceImport.run(fileName: "others.csv", data: others, creditorID: sweden, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            let fourth = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "ST-4").first())
            #expect(fourth.customerID == customer.id)
            let fifth = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "ST-5").first())
            #expect(fifth.customerID != customer.id)
            #expect(try await CustomerRecord.find(fifth.customerID, on: test.app.db)?.kind == "consumer")

            // Another person of the same name is not put on this one's account: the file is refused, saying why.
            let namesake = Data("""
                invoice_number,issue_date,due_date,currency,amount,customer_name,organisation_number,country
                ST-3,2026-10-05,2026-10-19,SEK,900.00,Åsas Måleri,811218-9876,SE

                """.utf8)
            let refused = await #expect(throws: ImportRefused.self) {
                try await InvoiceImport.run(fileName: "namesake.csv", data: namesake, creditorID: sweden, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            }
            #expect(refused?.description.contains("another national identity number") == true, "\(String(describing: refused))")
            #expect(refused?.description.contains("9876") == false)
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "ST-3").count() == 0)

            // Two numbers for one sole trader: neither is kept silently, and neither is repeated in the refusal.
            let twoNumbers = Data("""
                invoice_number,issue_date,due_date,currency,amount,customer_name,organisation_number,national_identity_number,country
                ST-6,2026-10-05,2026-10-19,SEK,900.00,Åsas Måleri,19640823-3234,196408233234,SE
                ST-7,2026-10-05,2026-10-19,SEK,900.00,Åsas Måleri,640823-3234,811218-9876,SE

                """.utf8)
            let conflict = await #expect(throws: ImportRefused.self) {
                try await InvoiceImport.run(fileName: "two.csv", data: twoNumbers, creditorID: sweden, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            }
            #expect(
                conflict?.description == "two.csv: line 3, national_identity_number: is not the personnummer given as organisation number"
                    + " (a Swedish sole trader's): give the same number in both, or leave it out — nothing was imported")
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "ST-6").count() == 0)
        }
    }

    @Test("an OCR giro file pays the claims its KIDs name, closes the paid one and leaves the rest for a person", arguments: TestEngine.allCases)
    func ocrGiroPayments(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let csv = Data("""
                invoice_number;issue_date;due_date;currency;amount;customer_number;customer_name;payment_reference
                KID-A;2026-10-01;2026-10-15;NOK;1020,00;C-1;Kari Nordmann;0000531
                KID-B;2026-10-01;2026-10-15;NOK;2000,00;C-1;Kari Nordmann;0036633

                """.utf8)
            _ = try await InvoiceImport.run(fileName: "invoices.csv", data: csv, creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            let giro = try Self.fixture("nets-ocr-giro/ocr_giro_transactions.txt")
            let summary = try await PaymentImport.run(fileName: "ocr.txt", data: giro, creditorID: norway, today: TestApp.today, on: test.app.db)
            #expect(summary.paymentsMatched == 2)
            #expect(summary.paymentsUnmatched.count == 18)
            let paid = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "KID-A").first())
            #expect(paid.openMinor == 0)
            #expect(paid.stage == "closed")
            let partly = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "KID-B").first())
            #expect(partly.openMinor == 98_000)
            #expect(partly.stage == "open")
            let payments = try await PaymentRecord.query(on: test.app.db).all()
            #expect(payments.count == 20)
            #expect(payments.filter { $0.status == "matched" }.allSatisfy { $0.matchMethod == "reference" })
            #expect(payments.filter { $0.status == "unmatched" }.allSatisfy { !$0.note.isEmpty })
            await #expect(throws: ImportRefused.self) {
                try await PaymentImport.run(fileName: "ocr-again.txt", data: giro, creditorID: norway, today: TestApp.today, on: test.app.db)
            }
            #expect(try await PaymentRecord.query(on: test.app.db).count() == 20)
        }
    }
}

@Suite("Importing camt payments")
struct CamtImportTests {
    @Test("a file longer than a booking chunk: later payments see what earlier chunks booked, repeats included", arguments: TestEngine.allCases)
    func acrossChunks(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let csv = Data("""
                invoice_number;issue_date;due_date;currency;amount;customer_number;customer_name;payment_reference
                KID-B;2026-10-01;2026-10-15;NOK;2000,00;C-1;Kari Nordmann;0036633

                """.utf8)
            _ = try await InvoiceImport.run(fileName: "invoices.csv", data: csv, creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            func entry(_ bankReference: String, _ amount: String, reference: String?) -> String {
                let remittance = reference.map { "<RmtInf><Strd><CdtrRefInf><Ref>\($0)</Ref></CdtrRefInf></Strd></RmtInf>" } ?? ""
                return """
                    <Ntry><Amt Ccy="NOK">\(amount)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                    <BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>\(bankReference)</AcctSvcrRef>\
                    <NtryDtls><TxDtls><Amt Ccy="NOK">\(amount)</Amt><CdtDbtInd>CRDT</CdtDbtInd>\(remittance)</TxDtls></NtryDtls></Ntry>
                    """
            }
            // One payment to KID-B opens the first chunk and one the second; the last repeats the first.
            let filler = (2...PaymentBooking.chunkSize).map { entry("F-\($0)", "1.00", reference: nil) }
            let entries = [entry("R-1", "100.00", reference: "0036633")] + filler
                + [entry("R-2", "100.00", reference: "0036633"), entry("R-1", "100.00", reference: "0036633")]
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>CHUNKS</MsgId><CreDtTm>2026-11-21T06:00:00+01:00</CreDtTm></GrpHdr>
                <Ntfctn><Id>CHUNKS-1</Id><Acct><Id><Othr><Id>86011117947</Id></Othr></Id></Acct>
                \(entries.joined(separator: "\n"))
                </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
                """
            // Cut short, the file is refused at its end, after its first chunk was booked: nothing stays.
            await #expect(throws: FormatError.self) {
                try await PaymentImport.run(
                    fileName: "cut.xml", data: Data(xml.utf8.dropLast(40)), creditorID: norway, today: TestApp.today, on: test.app.db)
            }
            #expect(try await PaymentRecord.query(on: test.app.db).count() == 0)
            #expect(try await ImportedFileRecord.query(on: test.app.db).filter(\.$kind == "payments").count() == 0)
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "KID-B").first()?.openMinor == 200_000)

            let summary = try await PaymentImport.run(
                fileName: "chunks.xml", data: Data(xml.utf8), creditorID: norway, today: TestApp.today, on: test.app.db)
            #expect(summary.format == "camt.054")
            #expect(try await ImportedFileRecord.query(on: test.app.db).filter(\.$fileName == "chunks.xml").first()?.format == "camt.054")
            // Booked while the file was read, each payment still has its final place in the file.
            let sources = try await PaymentRecord.query(on: test.app.db).all().map(\.source)
            let notification = "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn"
            #expect(Set(sources) == Set((1...PaymentBooking.chunkSize + 1).map { "\(notification)/Ntry[\($0)]/NtryDtls/TxDtls" }))
            #expect(summary.paymentsMatched == 2)
            #expect(summary.paymentsAlreadyBooked == 1)
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "KID-B").first())
            #expect(claim.openMinor == 180_000)
            let sequences = try await LedgerEntryRecord.query(on: test.app.db).filter(\.$claimID == claim.requireID()).all().map(\.sequence)
            #expect(sequences.sorted() == [1, 2, 3])
            #expect(try await PaymentRecord.query(on: test.app.db).count() == PaymentBooking.chunkSize + 1)
        }
    }

    @Test("a camt.054 file is read and its foreign-currency payments are kept for a person, not forced onto claims", arguments: [TestEngine.sqlite])
    func camt(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let sweden = test.ledger.creditors[1].id
            let data = try ImportTests.fixture("camt/camt054.v8.xml")
            let summary = try await PaymentImport.run(fileName: "camt054.v8.xml", data: data, creditorID: sweden, today: TestApp.today, on: test.app.db)
            #expect(summary.format == "camt.054")
            #expect(summary.paymentsMatched == 0)
            #expect(summary.paymentsUnmatched.count == 3)
            let payments = try await PaymentRecord.query(on: test.app.db).all()
            #expect(payments.map(\.currency) == ["CHF", "CHF", "CHF"])
            #expect(payments.allSatisfy { $0.status == "unmatched" })

            // The bank sends the notification again under another message id (a copy or duplicate, CpyDplctInd):
            // the file is new, its payments are not, and none is booked twice.
            let text = String(decoding: data, as: UTF8.self)
            let messageID = try #require(text.range(of: "<MsgId>")).upperBound
            let copy = Data(text.replacingCharacters(in: messageID..<messageID, with: "COPY-").utf8)
            let withReference = payments.filter { $0.bankReference != nil }.count
            #expect(withReference > 0)
            let again = try await PaymentImport.run(fileName: "camt054-copy.xml", data: copy, creditorID: sweden, today: TestApp.today, on: test.app.db)
            #expect(again.paymentsAlreadyBooked == withReference)
            #expect(again.text.contains("already booked"))
            #expect(try await PaymentRecord.query(on: test.app.db).count() == 3 + (3 - withReference))
        }
    }
}
