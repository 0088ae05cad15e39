import BetaltCore
import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("The imports page")
struct ImportsPageTests {
    static let invoicesCSV = Data("""
        invoice_number;issue_date;due_date;currency;amount;customer_number;customer_name;payment_reference
        WEB-1;2026-10-01;2026-10-15;NOK;1020,00;C-1;Kari Nordmann;0000531
        WEB-2;2026-10-01;2026-10-15;NOK;2000,00;C-1;Kari Nordmann;0036633

        """.utf8)

    @Test("a CSV of invoices uploaded through the form becomes claims, with the summary on the page and the file in the list", arguments: TestEngine.allCases)
    func uploadInvoices(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let norway = test.ledger.creditors[0].id
            let page = "/creditors/\(norway)/imports"
            let csrf = try await test.csrfToken(from: page, headers: cookie)
            let (status, body) = try await test.upload(page + "/invoices", fileName: "faktura.csv", data: Self.invoicesCSV, csrf: csrf, headers: cookie)
            #expect(status == .ok)
            #expect(body.contains("id=\"invoices-result\""))
            #expect(body.contains("Filen er importert"))
            #expect(body.contains("<tr data-count=\"invoicesCreated\"><th scope=\"row\">Nye krav</th><td class=\"num\">2</td></tr>"))
            #expect(body.contains("<td>faktura.csv</td>"))
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber ~~ ["WEB-1", "WEB-2"]).count() == 2)
            #expect(try await AuditRecord.query(on: test.app.db).filter(\.$action == "import.invoices").count() == 1)

            let (againStatus, again) = try await test.upload(page + "/invoices", fileName: "igjen.csv", data: Self.invoicesCSV, csrf: csrf, headers: cookie)
            #expect(againStatus == .unprocessableEntity)
            #expect(again.contains("already imported"))
            #expect(again.contains("Ingenting er endret"))

            // A later file whose invoice gives the customer another e-mail address: counted and said on the page; the
            // audit entry is the uploading user's.
            let moved = Data("""
                invoice_number;issue_date;due_date;currency;amount;customer_number;customer_name;email
                WEB-3;2026-10-01;2026-10-15;NOK;100,00;C-1;Kari Nordmann;kari@example.no
                WEB-4;2026-10-01;2026-10-15;NOK;100,00;C-1;Kari Nordmann;kari@example.com

                """.utf8)
            let (movedStatus, movedBody) = try await test.upload(page + "/invoices", fileName: "epost.csv", data: moved, csrf: csrf, headers: cookie)
            #expect(movedStatus == .ok)
            #expect(movedBody.contains(
                "<tr data-count=\"customerDifferences\"><th scope=\"row\">Kundeopplysninger som avviker (ikke brukt)</th><td class=\"num\">1</td></tr>"))
            #expect(movedBody.contains("customer C-1: the e-mail address on invoice WEB-4 (kari@example.com) is not the one kept: kept as it was"))
            let audit = try #require(try await AuditRecord.query(on: test.app.db).filter(\.$action == "customer.detailsCompleted").first())
            #expect(audit.userID != nil && audit.detail == "email from invoice WEB-3 (epost.csv)")
        }
    }

    @Test("a payment file uploaded through the form is matched and summarised", arguments: TestEngine.allCases)
    func uploadPayments(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let norway = test.ledger.creditors[0].id
            _ = try await InvoiceImport.run(fileName: "invoices.csv", data: Self.invoicesCSV, creditorID: norway, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
            let page = "/creditors/\(norway)/imports"
            let csrf = try await test.csrfToken(from: page, headers: cookie)
            let giro = try ImportTests.fixture("nets-ocr-giro/ocr_giro_transactions.txt")
            let (status, body) = try await test.upload(page + "/payments", fileName: "ocr.txt", data: giro, csrf: csrf, headers: cookie)
            #expect(status == .ok)
            #expect(body.contains("id=\"payments-result\""))
            #expect(body.contains("<th scope=\"row\">Koblet til krav</th><td class=\"num\">2</td>"))
            #expect(body.contains("<th scope=\"row\">Ikke koblet (til arbeidskøen)</th><td class=\"num\">18</td>"))
            #expect(try await PaymentRecord.query(on: test.app.db).filter(\.$status == "unmatched").count() == 18)
        }
    }

    @Test("a ZIP of files is imported file by file through the form: the good ones in, the bad one named and left out", arguments: TestEngine.allCases)
    func uploadArchive(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let norway = test.ledger.creditors[0].id
            let page = "/creditors/\(norway)/imports"
            let csrf = try await test.csrfToken(from: page, headers: cookie)
            let bad = Data("invoice_number,issue_date,due_date,currency,amount,customer_name\nZ-9,2026-11-01,2026-02-30,NOK,100.00,Ola\n".utf8)
            let zip = try ImportArchiveTests.archive([("export/a-good.csv", Self.invoicesCSV), ("export/b-bad.csv", bad)])
            let (status, body) = try await test.upload(page + "/invoices", fileName: "export.zip", data: zip, csrf: csrf, headers: cookie)
            #expect(status == .ok)
            #expect(body.contains("export.zip/export/a-good.csv"))
            #expect(body.contains("<tr data-count=\"invoicesCreated\"><th scope=\"row\">Nye krav</th><td class=\"num\">2</td></tr>"))
            #expect(body.contains("export.zip/export/b-bad.csv"))
            #expect(body.contains("<code>due_date</code>"))
            #expect(body.contains("Noen filer i arkivet ble ikke importert"))
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber ~~ ["WEB-1", "WEB-2"]).count() == 2)
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "Z-9").count() == 0)
        }
    }

    @Test("a malformed file is refused next to its form, naming the line and field, and nothing is imported", arguments: TestEngine.allCases)
    func malformed(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let norway = test.ledger.creditors[0].id
            let page = "/creditors/\(norway)/imports"
            let csrf = try await test.csrfToken(from: page, headers: cookie)
            let csv = Data("invoice_number,issue_date,due_date,currency,amount,customer_name\nB-1,2026-11-01,2026-11-15,NOK,100.00,Kari\nB-2,2026-11-01,2026-02-30,NOK,100.00,Ola\n".utf8)
            let (status, body) = try await test.upload(page + "/invoices", fileName: "bad.csv", data: csv, csrf: csrf, headers: cookie)
            #expect(status == .unprocessableEntity)
            let error = try #require(body.firstRange(of: "id=\"invoices-error\"").map { String(body[$0.lowerBound...].prefix(1200)) })
            #expect(error.contains("Filen ble ikke importert"))
            #expect(error.contains("bad.csv"))
            #expect(error.contains("Sted: line 3"))
            #expect(error.contains("<code>due_date</code>"))
            #expect(!body.contains("id=\"payments-error\""))
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "B-1").count() == 0)
            #expect(try await ImportedFileRecord.query(on: test.app.db).count() == 0)
        }
    }

    @Test("an upload without the form's CSRF token, or with a wrong one, is refused and changes nothing", arguments: TestEngine.allCases)
    func csrf(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let norway = test.ledger.creditors[0].id
            let path = "/creditors/\(norway)/imports/invoices"
            _ = try await test.csrfToken(from: "/creditors/\(norway)/imports", headers: cookie)
            let (missing, _) = try await test.upload(path, fileName: "a.csv", data: Self.invoicesCSV, csrf: nil, headers: cookie)
            #expect(missing == .forbidden)
            let (wrong, _) = try await test.upload(path, fileName: "a.csv", data: Self.invoicesCSV, csrf: "forged", headers: cookie)
            #expect(wrong == .forbidden)
            #expect(try await ImportedFileRecord.query(on: test.app.db).count() == 0)
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "WEB-1").count() == 0)
        }
    }

    @Test("the page is in the session's language and an empty upload asks for a file", arguments: [TestEngine.sqlite])
    func languageAndEmpty(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let sweden = test.ledger.creditors[1].id
            _ = try await test.get("/language/sv?back=/", headers: cookie)
            let page = "/creditors/\(sweden)/imports"
            let csrf = try await test.csrfToken(from: page, headers: cookie)
            let (status, body) = try await test.upload(page + "/payments", fileName: "", data: Data(), csrf: csrf, headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(body.contains("Importera inbetalningar"))
            #expect(body.contains("Välj en fil att ladda upp."))
            #expect(body.contains("aria-current=\"page\">Importer</a>"))
        }
    }
}
