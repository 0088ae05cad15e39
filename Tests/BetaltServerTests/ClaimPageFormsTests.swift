import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

/// DESIGN.md §10: a refused form comes back as its page, open, with what was typed and the error next to
/// the field, never as an error page that loses the input.
@Suite("The claim page's forms show their errors next to the field")
struct ClaimPageFormsTests {
    /// A Norwegian claim with an open amount whose customer has no open dispute, so every form is offered.
    private func openClaim(_ test: TestApp) async throws -> ClaimRecord {
        let creditor = try #require(try await CreditorRecord.query(on: test.app.db).filter(\.$country == "NO").first())
        let disputed = Set(try await DisputeRecord.query(on: test.app.db).filter(\.$status == "open").all().map(\.customerID))
        let open = try await ClaimRecord.query(on: test.app.db).filter(\.$creditorID == creditor.id!).filter(\.$openMinor > 0)
            .sort(\.$invoiceNumber).all()
        return try #require(open.first { !disputed.contains($0.customerID) })
    }

    /// The error paragraph with `id`, and its text.
    @Test("a promise with a wrong amount or no reason comes back with the values and the error at its field; nothing is recorded",
          arguments: TestEngine.allCases)
    func promiseRefused(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let claim = try await openClaim(test)
            let cookie = try await test.logIn()
            let path = "/creditors/\(claim.creditorID)/claims/\(claim.id!)"
            let csrf = try await test.csrfToken(from: path, headers: cookie)
            var (status, page) = try await test.postForm("\(path)/promises", [
                "csrf": csrf, "payBy": "2026-12-10", "amount": "1 23", "reason": "Lønn den 10.",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("<details class=\"record-promise\" open>"))
            #expect(fieldError("promise-amount-error", in: page) == "«1 23» er ikke et beløp (skriv for eksempel 1 234,50).")
            #expect(page.contains("id=\"promise-amount\" name=\"amount\" size=\"12\" placeholder=\"hele kravet\" value=\"1 23\" aria-invalid=\"true\""))
            #expect(page.contains("value=\"2026-12-10\"") && page.contains("value=\"Lønn den 10.\""))
            #expect(fieldError("promise-date-error", in: page) == nil)

            // The whole amount deferred without a reason: the error is at the reason.
            (status, page) = try await test.postForm("\(path)/promises", ["csrf": csrf, "payBy": "2026-12-10"], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("promise-reason-error", in: page)?.contains("krever en begrunnelse") == true)
            #expect(try await PromiseRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).count() == 0)
            // In the language the user chose.
            _ = try await test.get("/language/sv?back=/", headers: cookie)
            (_, page) = try await test.postForm("\(path)/promises", ["csrf": csrf, "payBy": "2026-13-40"], headers: cookie)
            #expect(fieldError("promise-date-error", in: page) == "”2026-13-40” är inget datum (ÅÅÅÅ-MM-DD).")
            _ = try await test.get("/language/nb?back=/", headers: cookie)

            (status, _) = try await test.postForm("\(path)/promises", [
                "csrf": csrf, "payBy": "2026-12-10", "amount": "1 000,00", "reason": "Lønn den 10.",
            ], headers: cookie)
            #expect(status == .seeOther)
            let promise = try #require(try await PromiseRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).first())
            #expect(promise.amountMinor == 100_000)
            // Once accepted, the page shows the form empty and closed again.
            let (_, shown) = try await test.get(path, headers: cookie)
            #expect(!shown.contains("aria-invalid") && !shown.contains("class=\"field-error\""))
        }
    }

    @Test("a promise may cover the customer's other overdue invoices: one promise, one confirmation naming them all, shown on each claim",
          arguments: TestEngine.allCases)
    func promiseForSeveralInvoices(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            var found: (ClaimRecord, [ClaimRecord])?
            for claim in try await ClaimRecord.query(on: test.app.db).filter(\.$openMinor > 0).filter(\.$stage !~ ["closed", "withAgency"])
                .sort(\.$invoiceNumber).all() {
                let others = try await Promises.alsoCoverable(with: claim, today: TestApp.today, on: test.app.db)
                if !others.isEmpty { found = (claim, others); break }
            }
            let (claim, others) = try #require(found, "the demo ledger has a customer with two overdue claims")
            let cookie = try await test.logIn()
            let path = "/creditors/\(claim.creditorID)/claims/\(claim.id!)"
            let (_, form) = try await test.get(path, headers: cookie)
            #expect(form.contains("name=\"alsoOverdue\"") && form.contains(others.map(\.invoiceNumber).joined(separator: ", ")))
            let csrf = try await test.csrfToken(from: path, headers: cookie)
            let (status, _) = try await test.postForm("\(path)/promises", [
                "csrf": csrf, "payBy": TestApp.today.adding(days: 10).iso, "amount": "500,00", "reason": "", "alsoOverdue": "on",
            ], headers: cookie)
            #expect(status == .seeOther)
            let rows = try await PromiseRecord.query(on: test.app.db).filter(\.$customerID == claim.customerID).filter(\.$status == "open").all()
            #expect(Set(rows.map(\.claimID)) == Set([claim.id!] + others.map { $0.id! }))
            let agreement = try #require(rows.first { $0.claimID == claim.id }?.id)
            #expect(rows.allSatisfy { $0.agreementID == agreement && $0.amountMinor == 50_000 })
            let confirmation = try #require(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey == "promise/\(agreement.uuidString)").first())
            let covered = try await NoticeClaimRecord.query(on: test.app.db).filter(\.$noticeID == confirmation.id!).all().map(\.claimID)
            #expect(Set(covered) == Set(rows.map(\.claimID)), "one letter confirms the promise for every invoice")
            #expect(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey ~~ rows.map { "promise/\($0.id!.uuidString)" }).count() == 1)

            // The letter asks for the amount with a reference of its own, and a payment with it counts for the promise.
            let reference = try #require(confirmation.paymentReference)
            #expect(!([claim] + others).contains { $0.paymentReference == reference })
            // The letter itself, printed or attached to the e-mail.
            let sent = try #require(try await ArchivedDocumentRecord.query(on: test.app.db).filter(\.$noticeID == confirmation.id!)
                .filter(\.$role == "letter").first())
            let text = try pdfText([UInt8](sent.content))
            #expect(text.contains("med KID \(reference)"), "the letter sent asks for the promise's own reference")
            let slip = text.components(separatedBy: "Betalingsinformasjon")
            #expect(slip.count == 2 && slip[1].contains(reference), "and so does its payment slip")
            let booked = try await test.app.db.transaction { tx in
                try await PaymentBooking.book(
                    [NewPayment(
                        amount: Money(minorUnits: 50_000, currency: try Currency.named(claim.currency)), paidOn: TestApp.today.adding(days: 3),
                        bookingDate: TestApp.today.adding(days: 3), references: [reference], referredDocuments: [], mentionedNumbers: [],
                        freeText: "", payerName: nil, bankReference: "B-promise", isReversal: false, source: "test"
                    )],
                    fileID: nil, creditorID: claim.creditorID, on: tx
                )
            }
            #expect(booked.count == 1)
            #expect(try await Promises.review(creditorID: claim.creditorID, today: TestApp.today.adding(days: 11), on: test.app.db) == (kept: 1, broken: 0))
            let (_, other) = try await test.get("/creditors/\(claim.creditorID)/claims/\(others[0].id!)", headers: cookie)
            #expect(other.contains("Gjelder også") && other.contains(claim.invoiceNumber))
        }
    }

    @Test("a dispute over more than is open, or with a file that is not a document, comes back with the text typed; a rejection needs its explanation",
          arguments: TestEngine.allCases)
    func disputeRefused(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let claim = try await openClaim(test)
            let cookie = try await test.logIn()
            let path = "/creditors/\(claim.creditorID)/claims/\(claim.id!)"
            let csrf = try await test.csrfToken(from: path, headers: cookie)
            var (status, page) = try await test.postMultipart("\(path)/disputes", fields: [
                ("csrf", csrf), ("reason", "quality"), ("amount", "99999999"), ("text", "Varen kom i stykker"),
            ], files: [], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("<details class=\"raise-dispute\" open>"))
            #expect(fieldError("dispute-amount-error", in: page)?.hasPrefix("Det bestridte beløpet må være over null og høyst det som er åpent, ") == true)
            #expect(page.contains(">Varen kom i stykker</textarea>") && page.contains("<option value=\"quality\" selected>"))

            (status, page) = try await test.postMultipart("\(path)/disputes", fields: [
                ("csrf", csrf), ("reason", "quality"), ("text", "Varen kom i stykker"),
            ], files: [("files[]", "bilde.exe", Data("MZ\u{90}".utf8))], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("dispute-files-error", in: page) == "Filen «bilde.exe» er ikke en PDF, JPEG eller PNG.")
            #expect(try await DisputeRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).count() == 0)

            (status, _) = try await test.postMultipart("\(path)/disputes", fields: [
                ("csrf", csrf), ("reason", "quality"), ("text", "Varen kom i stykker"),
            ], files: [], headers: cookie)
            #expect(status == .seeOther)
            let dispute = try #require(try await DisputeRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).first())
            let decide = "/creditors/\(claim.creditorID)/disputes/\(dispute.id!)/decide"
            (status, page) = try await test.postForm(decide, ["csrf": csrf, "decision": "reject", "explanation": " "], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("<p class=\"field-error\" role=\"alert\">En avvist innsigelse trenger en forklaring til kunden.</p>"))
            #expect(try await DisputeRecord.find(dispute.id, on: test.app.db)?.status == "open")
        }
    }

    @Test("a plan offer with a wrong down payment or outside the terms comes back with the claims and values chosen",
          arguments: TestEngine.allCases)
    func planRefused(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let claim = try await openClaim(test)
            let cookie = try await test.logIn()
            let path = "/creditors/\(claim.creditorID)/claims/\(claim.id!)"
            let csrf = try await test.csrfToken(from: path, headers: cookie)
            var (status, page) = try await test.postForm("\(path)/plans", [
                "csrf": csrf, "downPayment": "12,3,4", "downPaymentDate": "2026-11-30", "instalments": "4", "firstDate": "2026-12-22",
                "note": "avtalt i telefon",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("<details class=\"offer-plan\" open>"))
            #expect(fieldError("plan-down-error", in: page) == "«12,3,4» er ikke et beløp (skriv for eksempel 1 234,50).")
            #expect(page.contains("value=\"12,3,4\"") && page.contains("value=\"avtalt i telefon\""))
            #expect(page.contains("name=\"instalments\" type=\"number\" min=\"1\" max=\"36\" value=\"4\""))
            #expect(page.contains("name=\"firstDate\" type=\"date\" value=\"2026-12-22\""))

            (status, page) = try await test.postForm("\(path)/plans", [
                "csrf": csrf, "instalments": "0", "firstDate": "2026-12-22",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("plan-count-error", in: page) == "Antall avdrag må være fra 1 til 36.")
            #expect(page.contains("value=\"0\" required aria-invalid=\"true\""))
            // Words where the count goes are named at the field, not answered with a bare 400.
            (status, page) = try await test.postForm("\(path)/plans", [
                "csrf": csrf, "instalments": "tre", "firstDate": "2026-12-22",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("plan-count-error", in: page) == "«tre» er ikke et helt tall.")
            #expect(page.contains("value=\"tre\" required aria-invalid=\"true\""))
            // In Swedish, and at the first instalment's date.
            _ = try await test.get("/language/sv?back=/", headers: cookie)
            (status, page) = try await test.postForm("\(path)/plans", ["csrf": csrf, "instalments": "3", "firstDate": "2026-11-01"], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("plan-first-error", in: page) == "Den första avbetalningen måste infalla efter i dag.")
            #expect(try await PaymentPlanRecord.query(on: test.app.db).filter(\.$customerID == claim.customerID).count() == 0)
        }
    }
}
