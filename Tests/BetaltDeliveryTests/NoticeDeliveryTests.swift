import BetaltCore
import BetaltDelivery
import BetaltDocuments
import BetaltStore
import BetaltTestSupport
import Crypto
import FluentKit
import Foundation
import SQLKit
import Testing

/// From the daily run's acts to archived notices and delivered e-mails, on both engines, against a real
/// SMTP server.
@Suite("Notice delivery", .serialized)
struct NoticeDeliveryTests {
    static let today = try! CivilDate(2026, 11, 22)
    /// A Monday: the planner acts on business days only.
    static let runDate = try! CivilDate(2026, 11, 23)

    /// A small demo ledger, run for the Monday: its acts wait for their notices.
    func ranLedger(_ store: StandaloneDatabase) async throws {
        let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 12, invoicesPerCreditor: 90)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
        _ = try await DailyRun(date: Self.runDate).run(on: store.database)
    }

    func settings(smtp: SMTPTestServer? = nil) -> DeliverySettings {
        DeliverySettings(
            publicBaseURL: "https://betalt.example", mailFrom: "varsel@betalt.example",
            smtp: smtp.map {
                SMTPSettings(url: $0.url, startTLS: .none, username: nil, password: nil, envelopeSender: "bounces@betalt.example", caFile: nil, timeoutSeconds: 10)
            }
        )
    }

    func count(_ sql: String, _ store: StandaloneDatabase) async throws -> Int {
        let row = try await (store.database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: sql)").first()
        return try row!.decode(column: "n", as: Int.self)
    }

    @Test("every group of acts becomes one archived notice, and composing again writes nothing", arguments: TestEngine.allCases)
    func actsBecomeArchivedNotices(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let groups = try await count(
                "(SELECT DISTINCT group_key FROM collection_acts WHERE kind IN ('friendlyReminder', 'reminder', 'collectionNotice')) g", store)
            #expect(groups > 5)
            let composer = NoticeComposer(settings: settings())
            let report = try await composer.composePending(date: Self.runDate, on: store.database)
            #expect(report.failures == [])
            #expect(report.composed == groups)
            #expect(try await count("notices", store) == groups)
            #expect(try await count("collection_acts WHERE delivery_status = 'pending' AND kind <> 'handover'", store) == 0)
            #expect(try await count("debtor_links", store) == groups)

            let documents = try await ArchivedDocumentRecord.query(on: store.database).all()
            #expect(documents.filter { $0.role == "letter" }.count == groups)
            for document in documents {
                let bytes = [UInt8](document.content)
                #expect(document.sha256 == sha256(bytes))
                #expect(document.byteCount == Int64(bytes.count))
            }
            let notices = try await NoticeRecord.query(on: store.database).all()
            let emails = notices.filter { $0.channel == "email" }
            #expect(!emails.isEmpty)
            #expect(try await count("outbox_messages WHERE status = 'pending'", store) == emails.count)
            #expect(notices.allSatisfy { $0.status == (($0.channel == "email") ? "queued" : "toPrint") })

            // A letter reads back with its debtor, its invoices and a payment reference that covers them all.
            let several = try #require(try await firstNoticeWithSeveralClaims(store))
            let letter = try #require(documents.first { $0.noticeID == several.id && $0.role == "letter" })
            let text = try pdfText([UInt8](letter.content))
            let customer = try #require(try await CustomerRecord.find(several.customerID, on: store.database))
            #expect(text.contains(customer.name))
            let reference = try #require(several.paymentReference)
            #expect(text.contains(reference))
            #expect((try? KID(validating: reference)) != nil || (try? OCRReference(validating: reference)) != nil)
            for claim in try await claims(of: several, store) { #expect(text.contains(claim.invoiceNumber)) }

            // Letters are posted by a person; only the creditor's own letters waiting to be printed change.
            let letters = notices.filter { $0.status == "toPrint" && $0.creditorID == several.creditorID }.prefix(2).compactMap(\.id)
            #expect(!letters.isEmpty)
            #expect(try await NoticeActions.markPosted(letters, creditorID: UUID(), by: "x@example", userID: nil, on: store.database) == 0)
            #expect(try await NoticeActions.markPosted(
                letters + emails.compactMap(\.id), creditorID: several.creditorID, by: "kari@example", userID: nil, on: store.database
            ) == letters.count)
            #expect(try await count("delivery_events WHERE outcome = 'posted'", store) == letters.count)
            #expect(try await count("notices WHERE status = 'printed'", store) == letters.count)

            let again = try await composer.composePending(date: Self.runDate, on: store.database)
            #expect(again.composed == 0)
            #expect(try await count("notices", store) == groups)
            #expect(try await count("archived_documents", store) == documents.count)
        }
    }

    @Test("a payment with a notice's own reference pays every claim of that notice", arguments: TestEngine.allCases)
    func noticeReferencePaysItsClaims(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            _ = try await NoticeComposer(settings: settings()).composePending(date: Self.runDate, on: store.database)
            let notice = try #require(try await firstNoticeWithSeveralClaims(store))
            let claims = try await claims(of: notice, store)
            let total = claims.reduce(Int64(0)) { $0 + $1.openMinor }
            let booked = try await pay(total, claims[0].currency, reference: notice.paymentReference!, creditorID: notice.creditorID, store)
            guard case .matched(let method, _) = try #require(booked.first).match else {
                Issue.record("not matched: \(booked)")
                return
            }
            #expect(method == .reference)
            for claim in try await self.claims(of: notice, store) { #expect(claim.openMinor == 0) }
        }
    }

    @Test("e-mails go out once, byte for byte as archived, with the letter attached", arguments: TestEngine.allCases)
    func emailsAreDeliveredOnce(engine: TestEngine) async throws {
        let server = try SMTPTestServer()
        defer { server.stop(); server.removeFiles() }
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let round = DeliveryRound(settings: settings(smtp: server))
            let first = try await round.run(date: Self.runDate, on: store.database)
            let emails = try await NoticeRecord.query(on: store.database).filter(\.$channel == "email").all()
            #expect(first.delivered?.sent == emails.count)
            let received = try server.delivered()
            #expect(received.count == emails.count)
            let archived = try await ArchivedDocumentRecord.query(on: store.database).filter(\.$role == "email").all()
            // Compared by SHA-256: the messages are large.
            #expect(Set(received.map { sha256($0.raw) }) == Set(archived.map(\.sha256)))
            for message in received {
                #expect(message.sidecar.mailFrom == "bounces@betalt.example")
                #expect(message.sidecar.parsed.defects == [])
                let types = message.sidecar.parsed.parts.map(\.contentType)
                #expect(types.contains("text/plain") && types.contains("text/html") && types.contains("application/pdf"))
                #expect(message.sidecar.parsed.replyTo.first?.address.hasSuffix(".example") == true)
                // The e-mail says what the letter says: the amount to pay, in both parts, and the letter itself.
                let parts = message.sidecar.parsed.parts
                let text = try #require(parts.first { $0.contentType == "text/plain" }?.text)
                let html = try #require(parts.first { $0.contentType == "text/html" }?.text)
                let total = try #require(text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Å betale") || $0.hasPrefix("Att betala") })
                let amount = total.split(separator: " ", maxSplits: 1).last.map { $0.drop { !$0.isNumber } } ?? ""
                #expect(!amount.isEmpty && html.contains(String(amount)))
                let pdf = try #require(parts.first { $0.contentType == "application/pdf" })
                #expect(pdf.filename?.hasSuffix(".pdf") == true && pdf.disposition == "attachment")
                #expect(Data(base64Encoded: pdf.base64 ?? "", options: .ignoreUnknownCharacters)?.starts(with: Array("%PDF-".utf8)) == true)
                #expect(message.sidecar.parsed.subject.contains("Nordlys Verksted AS") || message.sidecar.parsed.subject.contains("Svea Trädgård AB"))
            }
            #expect(try await count("notices WHERE channel = 'email' AND status = 'sent'", store) == emails.count)
            #expect(try await count("delivery_events WHERE outcome = 'delivered'", store) == emails.count)

            let second = try await round.run(date: Self.runDate, on: store.database)
            #expect(second.delivered?.sent == 0)
            #expect(try server.delivered().count == emails.count)
        }
    }

    @Test("a refused address fails with the server's answer and a letter with a full deadline goes instead", arguments: TestEngine.allCases)
    func permanentFailureFallsBackToALetter(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            let message = try #require(try await pendingMessageWithDeadline(store))
            try await onlyWaiting([message], store)
            message.recipient = "permanent-bounce@example.no"
            try await message.save(on: store.database)
            let noticed = try await acts(ofNotice: message.noticeID, store)
            let actIDs = noticed.compactMap(\.id)
            var daysGiven: [UUID: Int] = [:]
            for act in noticed {
                daysGiven[act.id!] = Self.runDate.days(until: try CivilDate(iso: act.deadline!))
            }
            // The customer's address is the refused one, so the e-mail written again fails too.
            let customer = try #require(try await CustomerRecord.find(noticed[0].customerID, on: store.database))
            customer.email = "permanent-bounce@example.no"
            try await customer.save(on: store.database)
            // Still waiting three days after its date, the e-mail is written again dated that day before it is sent.
            let later = Self.runDate.adding(days: 3)
            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let report = try await worker.drain(today: later, on: store.database)
            #expect(report.rewritten == 1 && report.failed == 1 && report.lettersInstead == 1, "\(report)")
            #expect(try await NoticeRecord.find(message.noticeID, on: store.database)?.status == "withdrawn")
            let failed = try #require(try await NoticeRecord.query(on: store.database).filter(\.$channel == "email")
                .filter(\.$status == "failed").filter(\.$customerID == customer.id!).first())
            #expect(failed.noticeDate == later.iso)
            #expect(failed.statusDetail?.contains("550") == true)
            let failedMessage = try await OutboxMessageRecord.query(on: store.database).filter(\.$noticeID == failed.id!).first()
            #expect(failedMessage?.status == "failed" && failedMessage?.leaseUntil != nil,
                    "its failure keeps a lease, after which a later drain writes the letter if this one did not")
            let letter = try #require(
                try await NoticeRecord.query(on: store.database).filter(\.$groupKey == failed.groupKey).filter(\.$channel == "letter").first()
            )
            #expect(letter.status == "toPrint")
            #expect(letter.noticeDate == later.iso)
            let acts = try await self.acts(ofNotice: letter.id!, store)
            #expect(Set(acts.compactMap(\.id)) == Set(actIDs))
            #expect(acts.allSatisfy { $0.deliveryStatus == "composed" }, "the letter went instead, so the acts count")
            for act in acts {
                // The step's full deadline counts from the day the letter is written.
                #expect(act.deadline == later.adding(days: try #require(daysGiven[act.id!])).iso)
            }
            #expect(try server.delivered().isEmpty)
        }
    }

    @Test("an e-mail whose claims were all settled after it was composed is not sent; one with a claim still open goes",
          arguments: TestEngine.allCases)
    func settledClaimsWithdrawTheirEmail(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            let messages = try await OutboxMessageRecord.query(on: store.database).filter(\.$status == "pending").sort(\.$id).all()
            try #require(messages.count >= 2)
            let (settled, open) = (messages[0], messages[1])
            try await onlyWaiting([settled, open], store)
            // The first message's claims are written off after composing (the same holds for a payment).
            for claim in try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID == settled.noticeID).all() {
                if let record = try await ClaimRecord.find(claim.claimID, on: store.database), record.openMinor > 0 {
                    try await WriteOffs.writeOff(claimID: record.id!, creditorID: record.creditorID, reason: "test", by: "kari@example",
                                                 userID: nil, on: Self.runDate, database: store.database)
                }
            }
            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let report = try await worker.drain(today: Self.runDate, on: store.database)
            #expect(report.withdrawn == 1 && report.sent == 1)
            #expect(try server.delivered().count == 1)
            let withdrawn = try #require(try await NoticeRecord.find(settled.noticeID, on: store.database))
            #expect(withdrawn.status == "withdrawn" && withdrawn.statusDetail?.contains("settled") == true)
            #expect(try await OutboxMessageRecord.find(settled.id, on: store.database)?.status == "withdrawn")
            #expect(try await NoticeRecord.find(open.noticeID, on: store.database)?.status == "sent")
            #expect(try await count("delivery_events WHERE outcome = 'withdrawn'", store) == 1)
            // Its acts never went; their claims were settled, so there is nothing to take back.
            let withdrawnActs = try await acts(ofNotice: settled.noticeID, store)
            #expect(withdrawnActs.map(\.deliveryStatus) == Array(repeating: UnsentActs.status, count: withdrawnActs.count))
            #expect(try await count("ledger_entries WHERE kind = 'waiver'", store) == 0)
            #expect(try await worker.drain(today: Self.runDate, on: store.database).isEmpty, "a withdrawn message stays withdrawn")
        }
    }

    @Test("a letter whose claims were all settled after it was written is not offered for printing, and withdrawn",
          arguments: TestEngine.allCases)
    func settledClaimsWithdrawTheirLetter(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let round = DeliveryRound(settings: settings())
            _ = try await round.run(date: Self.runDate, on: store.database)
            let letter = try #require(try await NoticeRecord.query(on: store.database).filter(\.$status == "toPrint").sort(\.$groupKey).first())
            let before = try await NoticeQueue.load(creditorID: letter.creditorID, today: Self.runDate, on: store.database)
            #expect(before.toPrint.contains { $0.notice.id == letter.id } && before.held.isEmpty)
            for link in try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID == letter.id!).all() {
                if let claim = try await ClaimRecord.find(link.claimID, on: store.database), claim.openMinor > 0 {
                    try await WriteOffs.writeOff(claimID: claim.id!, creditorID: claim.creditorID, reason: "test", by: "kari@example",
                                                 userID: nil, on: Self.runDate, database: store.database)
                }
            }
            let after = try await NoticeQueue.load(creditorID: letter.creditorID, today: Self.runDate, on: store.database)
            #expect(!after.toPrint.contains { $0.notice.id == letter.id } && after.held.map(\.notice.id) == [letter.id])
            #expect(after.toPrint.count == before.toPrint.count - 1)
            let report = try await round.run(date: Self.runDate, on: store.database)
            #expect(report.lettersWithdrawn == 1 && report.text.contains("letters withdrawn (nothing left to ask for): 1"))
            let withdrawn = try #require(try await NoticeRecord.find(letter.id, on: store.database))
            #expect(withdrawn.status == "withdrawn" && withdrawn.statusDetail?.contains("settled") == true)
            #expect(try await count("delivery_events WHERE outcome = 'withdrawn'", store) == 1)
            #expect(try await round.run(date: Self.runDate, on: store.database).lettersWithdrawn == 0)
        }
    }

    @Test("an e-mail whose claims could not be looked at again (a database error) is not sent and waits as it was, not 'uncertain'",
          arguments: TestEngine.allCases)
    func standingErrorReleasesTheMessage(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            let message = try #require(try await OutboxMessageRecord.query(on: store.database).first())
            try await onlyWaiting([message], store)
            let sql = try #require(store.database as? any SQLDatabase)
            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            try await sql.raw("ALTER TABLE disputes RENAME TO disputes_away").run()
            await #expect(throws: (any Error).self) { _ = try await worker.drain(today: Self.runDate, on: store.database) }
            try await sql.raw("ALTER TABLE disputes_away RENAME TO disputes").run()
            let waiting = try #require(try await OutboxMessageRecord.find(message.id, on: store.database))
            #expect(waiting.status == "pending" && waiting.attempts == message.attempts, "no attempt used, nothing sent")
            #expect(try server.delivered().isEmpty)
            // Far past the lease nothing is "interrupted": the next drain sends it.
            let report = try await worker.drain(now: Date().addingTimeInterval(3_600), today: Self.runDate, on: store.database)
            #expect(report.sent == 1 && report.interrupted == 0)
        }
    }

    @Test("an e-mail whose failure was recorded but whose letter was never written (the process stopped) gets its letter in the next drain",
          arguments: TestEngine.allCases)
    func missedFallbackLetterIsWritten(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            let message = try #require(try await pendingMessageWithDeadline(store))
            try await onlyWaiting([message], store)
            let actIDs = try await acts(ofNotice: message.noticeID, store).compactMap(\.id)
            // What the failed send's own transaction leaves when the process stops before the letter is written.
            let failedAt = Date()
            message.status = "failed"
            message.leaseUntil = failedAt.addingTimeInterval(600).ISO8601Format()
            message.lastResult = "550 mailbox unavailable"
            try await message.save(on: store.database)
            let notice = try #require(try await NoticeRecord.find(message.noticeID, on: store.database))
            notice.status = "failed"
            notice.statusDetail = "550 mailbox unavailable"
            try await notice.save(on: store.database)

            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            // Within the lease the worker that recorded the failure may still be writing the letter: it is left to it.
            #expect(try await worker.drain(now: failedAt.addingTimeInterval(60), today: Self.runDate, on: store.database).lettersInstead == 0)
            let report = try await worker.drain(now: failedAt.addingTimeInterval(3_600), today: Self.runDate, on: store.database)
            #expect(report.lettersInstead == 1)
            let letter = try #require(try await NoticeRecord.query(on: store.database).filter(\.$groupKey == notice.groupKey)
                .filter(\.$channel == "letter").first())
            #expect(letter.status == "toPrint")
            let acts = try await self.acts(ofNotice: letter.id!, store)
            #expect(Set(acts.compactMap(\.id)) == Set(actIDs) && acts.allSatisfy { $0.deliveryStatus == "composed" })
            #expect(try await worker.drain(now: failedAt.addingTimeInterval(7_200), today: Self.runDate, on: store.database).lettersInstead == 0,
                    "one letter, once")
        }
    }

    @Test("a letter still to print after the day it is dated is written again dated the round's day, with the step's full deadline",
          arguments: TestEngine.allCases)
    func lettersLeftUnprintedAreDatedAgain(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let round = DeliveryRound(settings: settings())
            _ = try await round.run(date: Self.runDate, on: store.database)
            var found: (NoticeRecord, [CollectionActRecord])?, undated: NoticeRecord?
            for letter in try await NoticeRecord.query(on: store.database).filter(\.$status == "toPrint").sort(\.$groupKey).all() {
                let acts = try await acts(ofNotice: letter.id!, store)
                if found == nil, !acts.isEmpty, acts.allSatisfy({ $0.deadline != nil }) { found = (letter, acts) }
                if undated == nil, !acts.isEmpty, acts.allSatisfy({ $0.deadline == nil }) { undated = letter }
            }
            let (letter, noticed) = try #require(found, "a letter that gives a deadline")
            let reminder = try #require(undated, "a letter that gives none")
            var daysGiven: [UUID: Int] = [:]
            for act in noticed { daysGiven[act.id!] = Self.runDate.days(until: try CivilDate(iso: act.deadline!)) }

            // Nobody printed it that day: the next morning it is no longer offered as it is.
            let nextDay = Self.runDate.adding(days: 1)
            let queue = try await NoticeQueue.load(creditorID: letter.creditorID, today: nextDay, on: store.database)
            #expect(queue.held.contains { $0.notice.id == letter.id } && !queue.toPrint.contains { $0.notice.id == letter.id })
            let later = Self.runDate.adding(days: 2)
            let report = try await round.run(date: later, on: store.database)
            #expect(report.lettersRewritten >= 1)
            #expect(try await NoticeRecord.find(letter.id, on: store.database)?.status == "withdrawn")
            let again = try #require(try await NoticeRecord.query(on: store.database).filter(\.$customerID == letter.customerID)
                .filter(\.$channel == "letter").filter(\.$status == "toPrint").filter(\.$noticeDate == later.iso).first())
            let acts = try await self.acts(ofNotice: again.id!, store)
            #expect(Set(acts.compactMap(\.id)).isSuperset(of: noticed.compactMap(\.id)), "the same steps, still counted")
            #expect(acts.allSatisfy { $0.deliveryStatus == "composed" })
            for act in acts where daysGiven[act.id!] != nil {
                #expect(act.deadline == later.adding(days: daysGiven[act.id!]!).iso, "the full deadline from the new date")
            }
            let queue2 = try await NoticeQueue.load(creditorID: letter.creditorID, today: later, on: store.database)
            #expect(queue2.toPrint.contains { $0.notice.id == again.id })
            // A reminder that gives no deadline goes as it is, however late: it is not written again every day.
            #expect(try await NoticeRecord.find(reminder.id, on: store.database)?.status == "toPrint")
        }
    }

    @Test("an e-mail whose claims changed after it was composed goes written again for what is still owed, and only that one",
          arguments: TestEngine.allCases)
    func changedClaimsRewriteTheirEmail(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            var chosen: (OutboxMessageRecord, NoticeRecord, [ClaimRecord])?
            for message in try await OutboxMessageRecord.query(on: store.database).filter(\.$status == "pending").sort(\.$id).all() {
                let notice = try #require(try await NoticeRecord.find(message.noticeID, on: store.database))
                let claims = try await claims(of: notice, store).sorted { $0.invoiceNumber < $1.invoiceNumber }
                if claims.count >= 2 { chosen = (message, notice, claims); break }
            }
            let (message, old, claims) = try #require(chosen, "an e-mail asking for several claims")
            try await onlyWaiting([message], store)
            let (settled, paid) = (claims[0], claims[1])
            try await WriteOffs.writeOff(claimID: settled.id!, creditorID: settled.creditorID, reason: "test", by: "kari@example",
                                         userID: nil, on: Self.runDate, database: store.database)
            // A part payment on another: the notice must not ask for what was paid.
            _ = try await pay(10_000, paid.currency, reference: paid.paymentReference!, creditorID: paid.creditorID, store)
            #expect(try await NoticeStanding.of([old.id!], today: nil, on: store.database)[old.id!] != .asWritten)

            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let report = try await worker.drain(today: Self.runDate, on: store.database)
            #expect(report.rewritten == 1 && report.sent == 1 && report.withdrawn == 0)
            let retired = try #require(try await NoticeRecord.find(old.id, on: store.database))
            #expect(retired.status == "withdrawn" && retired.statusDetail?.contains("written again") == true)
            #expect(try await OutboxMessageRecord.find(message.id, on: store.database)?.status == "withdrawn")

            let rewritten = try #require(try await NoticeRecord.query(on: store.database)
                .filter(\.$groupKey == "\(old.groupKey)/\(claims.count - 1)").filter(\.$channel == "email").first())
            #expect(rewritten.status == "sent")
            let now = try await self.claims(of: rewritten, store)
            #expect(Set(now.compactMap(\.id)) == Set(claims.dropFirst().compactMap(\.id)))
            let links = try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID == rewritten.id!).all()
            #expect(links.allSatisfy { link in link.actID != nil && link.claimSequence == now.first { $0.id == link.claimID }?.lastSequence })
            // The written-off claim's act never went; the others went in the new e-mail.
            let oldActs = try await acts(ofNotice: old.id!, store)
            #expect(oldActs.filter { $0.claimID == settled.id }.map(\.deliveryStatus) == [UnsentActs.status])
            #expect(oldActs.filter { $0.claimID != settled.id }.allSatisfy { $0.deliveryStatus == "composed" })

            let received = try server.delivered()
            #expect(received.count == 1)
            let email = try #require(try await ArchivedDocumentRecord.query(on: store.database)
                .filter(\.$noticeID == rewritten.id!).filter(\.$role == "email").first())
            #expect(received.map { sha256($0.raw) } == [email.sha256])
            let letter = try #require(try await ArchivedDocumentRecord.query(on: store.database)
                .filter(\.$noticeID == rewritten.id!).filter(\.$role == "letter").first())
            let text = try pdfText([UInt8](letter.content))
            #expect(!text.contains(settled.invoiceNumber) && text.contains(paid.invoiceNumber))
            // It asks for what is owed now: the total after the part payment (written the letter's way, its
            // thousands apart), not the total it was written with.
            let currency = try Currency.named(paid.currency)
            let language = try #require(Language(rawValue: rewritten.language))
            let owed = Money(minorUnits: now.reduce(0) { $0 + $1.openMinor }, currency: currency).formatted(language)
            let before = Money(minorUnits: claims.dropFirst().reduce(0) { $0 + $1.openMinor }, currency: currency).formatted(language)
            let words = text.replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(words.contains(owed.replacingOccurrences(of: "\u{00A0}", with: " ")), "\(owed) in \(words)")
            #expect(!words.contains(before.replacingOccurrences(of: "\u{00A0}", with: " ")), "\(before) is no longer owed")
            #expect(try await count("delivery_events WHERE outcome = 'withdrawn'", store) == 1)
            #expect(try await worker.drain(today: Self.runDate, on: store.database).isEmpty, "the new one went once, the old one never")
        }
    }

    @Test("an e-mail that cannot be written again waits and is tried again; after the last attempt it is not sent but failed",
          arguments: TestEngine.allCases)
    func failedRewriteIsRetried(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            let sql = store.database as! any SQLDatabase
            // An e-mail whose act charged a fee.
            var chosen: (OutboxMessageRecord, NoticeRecord, ClaimRecord)?
            for message in try await OutboxMessageRecord.query(on: store.database).filter(\.$status == "pending").sort(\.$id).all() {
                let notice = try #require(try await NoticeRecord.find(message.noticeID, on: store.database))
                if let claim = try await claims(of: notice, store).first(where: { $0.feeOpenMinor > 1_000 }) { chosen = (message, notice, claim); break }
            }
            let (message, notice, claim) = try #require(chosen)
            try await onlyWaiting([message], store)
            _ = try await pay(1_000, claim.currency, reference: claim.paymentReference!, creditorID: claim.creditorID, store)
            // Costs first: the part payment paid part of the fee the notice's act charged.
            let feeStillOwed = try #require(try await ClaimRecord.find(claim.id, on: store.database)).feeOpenMinor
            #expect(feeStillOwed == claim.feeOpenMinor - 1_000)
            let noticeActs = try await acts(ofNotice: notice.id!, store)
            let actIDs = noticeActs.compactMap(\.id)
            let actFee = noticeActs.filter { $0.claimID == claim.id! }.reduce(0) { $0 + $1.feeMinor }
            #expect(actFee > 0)
            // Writing it again fails: the table its new private link goes into is away for a while.
            try await sql.raw("ALTER TABLE debtor_links RENAME TO debtor_links_away").run()
            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            var report = try await worker.drain(today: Self.runDate, on: store.database)
            #expect(report.retrying == 1 && report.rewritten == 0 && report.sent == 0 && report.failed == 0)
            let waiting = try #require(try await OutboxMessageRecord.find(message.id, on: store.database))
            #expect(waiting.status == "pending" && waiting.nextAttemptAt > Date().ISO8601Format())
            #expect(waiting.lastResult?.contains("writing it again failed") == true)
            #expect(try await NoticeRecord.find(notice.id, on: store.database)?.status == "queued")
            #expect(try server.delivered().isEmpty, "the e-mail asking for what was paid did not go")

            // The last attempt: not sent, and its notice put before a person.
            waiting.attempts = OutboxWorker.backoff.count
            waiting.nextAttemptAt = Date().ISO8601Format()
            try await waiting.save(on: store.database)
            report = try await worker.drain(today: Self.runDate, on: store.database)
            #expect(report.failed == 1 && report.retrying == 0)
            #expect(try await OutboxMessageRecord.find(message.id, on: store.database)?.status == "withdrawn")
            #expect(try await NoticeRecord.find(notice.id, on: store.database)?.status == "failed")
            #expect(try server.delivered().isEmpty)
            // Nothing went, so its acts do not count: the fee is taken back as far as it is still owed (what was paid
            // of it stays paid), and the claim is planned again the next day.
            let after = try #require(try await ClaimRecord.find(claim.id, on: store.database))
            let takenBack = min(actFee, feeStillOwed)
            #expect(after.feeOpenMinor == feeStillOwed - takenBack && after.nextActionDate == Self.runDate.adding(days: 1).iso)
            let waivers = try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == claim.id!).filter(\.$kind == "waiver").all()
            #expect(waivers.map(\.component) == ["fee"] && waivers.map(\.amountMinor) == [takenBack])
            // What the part payment paid of this act's fee is the customer's again.
            let credit = try await CustomerCredit.balances(customerID: claim.customerID, creditorID: claim.creditorID, on: store.database)
            #expect(credit.map(\.minorUnits) == (actFee > takenBack ? [min(actFee - takenBack, 1_000)] : []))
            #expect(try await CollectionActRecord.query(on: store.database).filter(\.$id ~~ actIDs).all()
                .allSatisfy { $0.deliveryStatus == UnsentActs.status })
            try await sql.raw("ALTER TABLE debtor_links_away RENAME TO debtor_links").run()
        }
    }

    @Test("a letter with a claim written off after it was written is held, then written again without it; one posted meanwhile stays posted",
          arguments: TestEngine.allCases)
    func changedClaimRewritesItsLetter(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let round = DeliveryRound(settings: settings())
            _ = try await round.run(date: Self.runDate, on: store.database)
            var chosen: (NoticeRecord, [ClaimRecord])?
            var other: NoticeRecord?
            for letter in try await NoticeRecord.query(on: store.database).filter(\.$status == "toPrint").sort(\.$groupKey).all() {
                let claims = try await claims(of: letter, store).sorted { $0.invoiceNumber < $1.invoiceNumber }
                if chosen == nil, claims.count >= 2 { chosen = (letter, claims) } else if other == nil { other = letter }
            }
            let (old, claims) = try #require(chosen, "a letter asking for several claims")
            let posted = try #require(other, "a second letter")
            let gone = claims[0]
            for claim in [gone] + (try await self.claims(of: posted, store)) where claim.openMinor > 0 {
                try await WriteOffs.writeOff(claimID: claim.id!, creditorID: claim.creditorID, reason: "test", by: "kari@example",
                                             userID: nil, on: Self.runDate, database: store.database)
            }
            let queue = try await NoticeQueue.load(creditorID: old.creditorID, today: Self.runDate, on: store.database)
            #expect(queue.held.contains { $0.notice.id == old.id } && !queue.toPrint.contains { $0.notice.id == old.id })
            // A person posts the second letter from a page shown before its claim was written off: it has gone.
            #expect(try await NoticeActions.markPosted([posted.id!], creditorID: posted.creditorID, by: "kari@example", userID: nil,
                                                       on: store.database) == 1)

            let report = try await round.run(date: Self.runDate, on: store.database)
            #expect(report.lettersRewritten == 1 && report.lettersWithdrawn == 0)
            #expect(report.text.contains("letters written again (claims changed meanwhile): 1"))
            #expect(try await NoticeRecord.find(old.id, on: store.database)?.status == "withdrawn")
            #expect(try await NoticeRecord.find(posted.id, on: store.database)?.status == "printed", "posted stays posted")
            let rewritten = try #require(try await NoticeRecord.query(on: store.database)
                .filter(\.$groupKey == "\(old.groupKey)/\(claims.count - 1)").filter(\.$channel == "letter").first())
            #expect(rewritten.status == "toPrint")
            let after = try await NoticeQueue.load(creditorID: old.creditorID, today: Self.runDate, on: store.database)
            #expect(after.held.isEmpty && after.toPrint.contains { $0.notice.id == rewritten.id })
            let letter = try #require(try await ArchivedDocumentRecord.query(on: store.database)
                .filter(\.$noticeID == rewritten.id!).filter(\.$role == "letter").first())
            let text = try pdfText([UInt8](letter.content))
            #expect(!text.contains(gone.invoiceNumber) && text.contains(claims[1].invoiceNumber))
            let again = try await round.run(date: Self.runDate, on: store.database)
            #expect(again.lettersRewritten == 0 && again.lettersWithdrawn == 0)
        }
    }

    @Test("a claim disputed in full or promised after its letter was written leaves it, and the fee its act charged is taken back",
          arguments: TestEngine.allCases)
    func stoppedClaimsLeaveTheirLetter(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let round = DeliveryRound(settings: settings())
            _ = try await round.run(date: Self.runDate, on: store.database)
            // Two letters with an act that charged a fee: one claim of the first is disputed, one of the second promised.
            var chosen: [(NoticeRecord, ClaimRecord, CollectionActRecord)] = []
            for letter in try await NoticeRecord.query(on: store.database).filter(\.$status == "toPrint").sort(\.$groupKey).all() {
                let acts = try await self.acts(ofNotice: letter.id!, store)
                guard let act = acts.first(where: { $0.feeMinor > 0 }),
                      let claim = try await ClaimRecord.find(act.claimID, on: store.database), claim.feeOpenMinor >= act.feeMinor
                else { continue }
                chosen.append((letter, claim, act))
                if chosen.count == 2 { break }
            }
            try #require(chosen.count == 2)
            let (disputed, promised) = (chosen[0], chosen[1])
            #expect(try await NoticeStanding.of([disputed.0.id!], today: nil, on: store.database)[disputed.0.id!] == .asWritten)
            _ = try await Disputes.raise(
                claimID: disputed.1.id!, creditorID: disputed.1.creditorID, amount: nil, reason: .notDelivered, text: "never came",
                raisedBy: "debtor", userID: nil, on: Self.runDate, database: store.database
            )
            _ = try await Promises.make(
                claimIDs: [promised.1.id!], creditorID: promised.1.creditorID, payBy: Self.runDate.adding(days: 10), amount: nil,
                reason: "salary on the 3rd", madeBy: "debtor", userID: nil, on: Self.runDate, database: store.database
            )
            for (letter, _, _) in chosen {
                #expect(try await NoticeStanding.of([letter.id!], today: nil, on: store.database)[letter.id!] != .asWritten)
            }

            _ = try await round.run(date: Self.runDate, on: store.database)
            for (letter, claim, act) in chosen {
                #expect(try await NoticeRecord.find(letter.id, on: store.database)?.status == "withdrawn")
                #expect(try await CollectionActRecord.find(act.id, on: store.database)?.deliveryStatus == UnsentActs.status)
                let now = try #require(try await ClaimRecord.find(claim.id, on: store.database))
                #expect(now.feeOpenMinor == claim.feeOpenMinor - act.feeMinor)
                // No letter written in its place asks for it.
                let replacing = try await NoticeRecord.query(on: store.database).filter(\.$groupKey =~ letter.groupKey)
                    .filter(\.$status == "toPrint").all().compactMap(\.id)
                #expect(try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID ~~ replacing)
                    .filter(\.$claimID == claim.id!).count() == 0)
            }
            // Planned again the next day, the run sends nothing for them: the dispute and the promise hold it.
            let tuesday = Self.runDate.adding(days: 1)
            _ = try await DailyRun(date: tuesday).run(on: store.database)
            #expect(try await CollectionActRecord.query(on: store.database).filter(\.$actDate == tuesday.iso)
                .filter(\.$claimID ~~ chosen.map { $0.1.id! }).count() == 0)
        }
    }

    @Test("an e-mail that keeps failing for days is written again each day it waits, yet ends after its attempts and a letter goes",
          arguments: TestEngine.allCases)
    func failingForDaysEndsInALetter(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            let message = try #require(try await pendingMessageWithDeadline(store))
            try await onlyWaiting([message], store)
            let actIDs = try await acts(ofNotice: message.noticeID, store).compactMap(\.id)
            // The mailbox answers "try again later" every time, also at the address an e-mail written again goes to.
            message.recipient = "temporary-full@example.no"
            try await message.save(on: store.database)
            let customer = try #require(try await CustomerRecord.find(try await acts(ofNotice: message.noticeID, store)[0].customerID, on: store.database))
            customer.email = "temporary-full@example.no"
            try await customer.save(on: store.database)

            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let start = Date()
            var drains = 0, rewritten = 0, letter: NoticeRecord?
            // One drain a day, as `betalt deliver` from cron gives: every retry is on a later day than the e-mail's date.
            while letter == nil && drains < 12 {
                let report = try await worker.drain(
                    now: start.addingTimeInterval(Double(drains) * 86_400), today: Self.runDate.adding(days: drains), on: store.database
                )
                rewritten += report.rewritten
                drains += 1
                letter = try await NoticeRecord.query(on: store.database).filter(\.$customerID == customer.id!)
                    .filter(\.$channel == "letter").filter(\.$status == "toPrint").filter(\.$noticeDate == Self.runDate.adding(days: drains - 1).iso).first()
            }
            #expect(drains == OutboxWorker.backoff.count + 1, "one attempt a day, then the letter")
            #expect(rewritten == drains - 1, "dated again each later day")
            let written = try #require(letter)
            #expect(Set(try await acts(ofNotice: written.id!, store).compactMap(\.id)) == Set(actIDs))
            #expect(try server.delivered().isEmpty)
        }
    }

    @Test("a temporary failure is retried later with backoff, and an interrupted send is never repeated", arguments: TestEngine.allCases)
    func temporaryFailuresAndInterruptions(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            let messages = try await OutboxMessageRecord.query(on: store.database).all()
            #expect(messages.count >= 2)
            let (retried, interrupted) = (messages[0], messages[1])
            try await onlyWaiting([retried, interrupted], store)
            let originalRecipient = retried.recipient
            retried.recipient = "temporary-greylisted@example.no"
            try await retried.save(on: store.database)
            let now = Date()
            interrupted.status = "sending"
            interrupted.leaseUntil = Date(timeIntervalSinceNow: -60).ISO8601Format()
            try await interrupted.save(on: store.database)

            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let first = try await worker.drain(now: now, today: Self.runDate, on: store.database)
            #expect(first.retrying == 1 && first.interrupted == 1 && first.sent == 0)
            let waiting = try #require(try await OutboxMessageRecord.find(retried.id, on: store.database))
            #expect(waiting.status == "pending" && waiting.attempts == 1)
            #expect(waiting.lastResult?.contains("451") == true)
            #expect(waiting.nextAttemptAt == now.addingTimeInterval(60).ISO8601Format())
            let uncertain = try #require(try await NoticeRecord.find(interrupted.noticeID, on: store.database))
            #expect(uncertain.status == "uncertain")

            // Not due yet: nothing happens; once due (and the server takes it), it goes out on the second attempt.
            #expect(try await worker.drain(now: now.addingTimeInterval(30), today: Self.runDate, on: store.database).isEmpty)
            waiting.recipient = originalRecipient
            try await waiting.save(on: store.database)
            let second = try await worker.drain(now: now.addingTimeInterval(61), today: Self.runDate, on: store.database)
            #expect(second.sent == 1)
            #expect(try await OutboxMessageRecord.find(retried.id, on: store.database)?.attempts == 2)
            #expect(try await OutboxMessageRecord.find(interrupted.id, on: store.database)?.status == "uncertain")
            #expect(try server.delivered().count == 1)

            // A person decides: sent again on purpose, it goes out on the next drain, and the choice is on record.
            let otherCreditor = UUID()
            #expect(!(try await NoticeActions.resolveUncertain(
                interrupted.noticeID, resend: true, creditorID: otherCreditor, by: "x@example", userID: nil, on: store.database)))
            #expect(try await NoticeActions.resolveUncertain(
                interrupted.noticeID, resend: true, creditorID: interrupted.creditorID, by: "kari@example", userID: nil, on: store.database))
            let third = try await worker.drain(now: now.addingTimeInterval(120), today: Self.runDate, on: store.database)
            #expect(third.sent == 1)
            #expect(try server.delivered().count == 2)
            #expect(try await NoticeRecord.find(interrupted.noticeID, on: store.database)?.status == "sent")
            #expect(try await count("delivery_events WHERE outcome = 'resend'", store) == 1)
            #expect(try await count("audit_log WHERE action = 'notice.resent'", store) == 1)
        }
    }

    @Test("refused SMTP settings keep e-mails waiting, using up no attempts and sending no letters", arguments: TestEngine.allCases)
    func configurationFailureWaits(engine: TestEngine) async throws {
        let directory = try makeSMTPTestDirectory()
        let certificate = try SMTPTestCertificate.make(in: directory)
        // The server insists on STARTTLS; these settings never upgrade, so MAIL FROM is answered 530.
        let server = try SMTPTestServer(.init(tlsCertificate: certificate, requireStartTLS: true), directory: directory)
        defer { server.stop(); server.removeFiles() }
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let composer = NoticeComposer(settings: settings(smtp: server))
            _ = try await composer.composePending(date: Self.runDate, on: store.database)
            let message = try #require(try await OutboxMessageRecord.query(on: store.database).first())
            try await onlyWaiting([message], store)
            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let now = Date()
            for round in 0..<8 {
                // Well past every backoff: each round is a new attempt, and none counts towards giving up.
                _ = try await worker.drain(now: now.addingTimeInterval(TimeInterval(round) * 86_400), today: Self.runDate, on: store.database)
            }
            let waiting = try #require(try await OutboxMessageRecord.find(message.id, on: store.database))
            #expect(waiting.status == "pending" && waiting.attempts == 0)
            #expect(waiting.lastResult?.contains("530") == true)
            let notice = try #require(try await NoticeRecord.find(message.noticeID, on: store.database))
            #expect(notice.status == "queued" && notice.statusDetail?.contains("SMTP settings") == true)
            #expect(try await NoticeRecord.query(on: store.database).filter(\.$groupKey == notice.groupKey).count() == 1)
            #expect(try await count("delivery_events WHERE outcome = 'configurationFailure'", store) == 8)
            #expect(try server.delivered().isEmpty)
        }
    }

    @Test("an e-mail whose customer withdrew consent to e-mail after it was written is not sent: it goes as a letter",
          arguments: TestEngine.allCases)
    func withdrawnConsentTurnsAnEmailIntoALetter(engine: TestEngine) async throws {
        try await withComposedNotices(engine) { store, server, composer in
            let message = try #require(try await OutboxMessageRecord.query(on: store.database).filter(\.$status == "pending").sort(\.$id).first())
            try await onlyWaiting([message], store)
            let old = try #require(try await NoticeRecord.find(message.noticeID, on: store.database))
            #expect(try await NoticeStanding.of([old.id!], today: Self.runDate, on: store.database)[old.id!] == .asWritten)
            #expect(try await NoticeConsent.record(
                customerID: old.customerID, creditorID: old.creditorID, acceptsEmail: false, basis: "asked for letters on the phone",
                on: Self.runDate, by: "kari@example", userID: nil, database: store.database
            ))

            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let report = try await worker.drain(today: Self.runDate, on: store.database)
            #expect(report.sent == 0 && report.rewritten == 1)
            #expect(try server.delivered().isEmpty, "nothing goes by e-mail")
            #expect(try await NoticeRecord.find(old.id, on: store.database)?.status == "withdrawn")
            #expect(try await OutboxMessageRecord.find(message.id, on: store.database)?.status == "withdrawn")
            let letter = try #require(try await NoticeRecord.query(on: store.database).filter(\.$customerID == old.customerID)
                .filter(\.$groupKey ~~ "\(old.groupKey)").filter(\.$id != old.id!).first())
            #expect(letter.channel == "letter" && letter.status == "toPrint")
            #expect(letter.statusDetail?.contains("has not accepted e-mail") == true)
            let letterActs = try await acts(ofNotice: letter.id!, store)
            #expect(Set(letterActs.compactMap(\.id)) == Set(try await acts(ofNotice: old.id!, store).compactMap(\.id)), "the same acts, now by letter")
            // So the handover sees a notice that went by letter, not an e-mail the debtor has not accepted.
            #expect(letterActs.allSatisfy { $0.channel == "letter" }, "the acts record the channel their notice went by")
            #expect(try await worker.drain(today: Self.runDate, on: store.database).isEmpty)
        }
    }

    @Test("acts the run planned by e-mail whose customer withdrew consent before they were composed are written as letters",
          arguments: TestEngine.allCases)
    func withdrawnConsentBeforeComposing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let act = try #require(try await CollectionActRecord.query(on: store.database).filter(\.$channel == "email")
                .filter(\.$deliveryStatus == "pending").sort(\.$id).first())
            #expect(try await NoticeConsent.record(
                customerID: act.customerID, creditorID: act.creditorID, acceptsEmail: false, basis: "", on: Self.runDate,
                by: "kari@example", userID: nil, database: store.database
            ))
            _ = try await NoticeComposer(settings: settings()).composePending(date: Self.runDate, on: store.database)
            let link = try #require(try await NoticeClaimRecord.query(on: store.database).filter(\.$actID == act.id).first())
            let notice = try #require(try await NoticeRecord.find(link.noticeID, on: store.database))
            #expect(notice.channel == "letter" && notice.status == "toPrint")
            #expect(notice.statusDetail == "the customer has not accepted e-mail for notices: sent as a letter")
            #expect(try await CollectionActRecord.find(act.id, on: store.database)?.channel == "letter")
            #expect(try await OutboxMessageRecord.query(on: store.database).filter(\.$noticeID == notice.id!).count() == 0)
            // Other customers who accept e-mail still get theirs.
            #expect(try await NoticeRecord.query(on: store.database).filter(\.$channel == "email").count() > 0)
        }
    }

    @Test("a plan's offer e-mailed to a customer who then withdrew consent is not sent: its letter goes to the print list",
          arguments: TestEngine.allCases)
    func withdrawnConsentPrintsAPlanLetter(engine: TestEngine) async throws {
        try await withPlanOfferEmailed(engine) { store, server, composer, customer, offer, message in
            #expect(try await NoticeConsent.record(
                customerID: customer.id!, creditorID: customer.creditorID, acceptsEmail: false, basis: "wants letters", on: Self.runDate,
                by: "kari@example", userID: nil, database: store.database
            ))

            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let report = try await worker.drain(today: Self.runDate, on: store.database)
            #expect(report.sent == 0 && report.lettersInstead == 1)
            #expect(try server.delivered().isEmpty)
            let now = try #require(try await NoticeRecord.find(offer.id, on: store.database))
            #expect(now.channel == "letter" && now.status == "toPrint" && now.statusDetail?.contains("withdrew consent") == true)
            #expect(now.recipient.hasPrefix(customer.name) && !now.recipient.contains("@"))
            #expect(try await OutboxMessageRecord.find(message.id, on: store.database)?.status == "withdrawn")
            let queue = try await NoticeQueue.load(creditorID: offer.creditorID, today: Self.runDate, on: store.database)
            #expect(queue.toPrint.contains { $0.notice.id == offer.id && $0.letterID != nil }, "its archived PDF is offered for printing")
            #expect(try await worker.drain(today: Self.runDate, on: store.database).isEmpty)
        }
    }

    @Test("a plan's offer whose e-mail is refused for good goes to the print list, as the run's notices get a letter",
          arguments: TestEngine.allCases)
    func refusedPlanLetterIsPrinted(engine: TestEngine) async throws {
        try await withPlanOfferEmailed(engine) { store, server, composer, customer, offer, message in
            message.recipient = "permanent-bounce@example.no"
            try await message.save(on: store.database)
            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let report = try await worker.drain(today: Self.runDate, on: store.database)
            #expect(report.failed == 1 && report.lettersInstead == 1, "\(report)")
            let now = try #require(try await NoticeRecord.find(offer.id, on: store.database))
            #expect(now.channel == "letter" && now.status == "toPrint" && now.statusDetail?.contains("550") == true)
            let queue = try await NoticeQueue.load(creditorID: offer.creditorID, today: Self.runDate, on: store.database)
            #expect(queue.toPrint.contains { $0.notice.id == offer.id && $0.letterID != nil })
            #expect(try await OutboxMessageRecord.find(message.id, on: store.database)?.status == "failed")
            #expect(try await worker.drain(today: Self.runDate, on: store.database).isEmpty, "printed once, not again")
        }
    }

    @Test("a plan's offer whose e-mail failed just before the process stopped goes to the print list in the next drain, once",
          arguments: TestEngine.allCases)
    func missedPlanLetterIsPrinted(engine: TestEngine) async throws {
        try await withPlanOfferEmailed(engine) { store, server, composer, customer, offer, message in
            let failedAt = try await failedJustBeforeAStop(message, offer, store)

            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            #expect(try await worker.drain(now: failedAt.addingTimeInterval(60), today: Self.runDate, on: store.database).lettersInstead == 0,
                    "within the lease the worker that recorded the failure may still be at it")
            let report = try await worker.drain(now: failedAt.addingTimeInterval(3_600), today: Self.runDate, on: store.database)
            #expect(report.lettersInstead == 1 && report.sent == 0)
            let now = try #require(try await NoticeRecord.find(offer.id, on: store.database))
            #expect(now.channel == "letter" && now.status == "toPrint" && now.statusDetail?.contains("550") == true)
            #expect(now.recipient.hasPrefix(customer.name))
            let queue = try await NoticeQueue.load(creditorID: offer.creditorID, today: Self.runDate, on: store.database)
            #expect(queue.toPrint.contains { $0.notice.id == offer.id && $0.letterID != nil })
            #expect(try await worker.drain(now: failedAt.addingTimeInterval(7_200), today: Self.runDate, on: store.database).isEmpty,
                    "on the print list once")
            #expect(try server.delivered().isEmpty)
        }
    }

    @Test("a plan's offer whose e-mail failed before the process stopped, and whose claims were settled since, is withdrawn, not printed",
          arguments: TestEngine.allCases)
    func missedPlanLetterAboutNothingIsWithdrawn(engine: TestEngine) async throws {
        try await withPlanOfferEmailed(engine) { store, server, composer, customer, offer, message in
            let failedAt = try await failedJustBeforeAStop(message, offer, store)
            // Paid in full meanwhile.
            for link in try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID == offer.id!).all() {
                let claim = try #require(try await ClaimRecord.find(link.claimID, on: store.database))
                claim.openMinor = 0
                claim.stage = "closed"
                try await claim.save(on: store.database)
            }
            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let report = try await worker.drain(now: failedAt.addingTimeInterval(3_600), today: Self.runDate, on: store.database)
            #expect(report.lettersInstead == 0, "\(report)")
            let now = try #require(try await NoticeRecord.find(offer.id, on: store.database))
            #expect(now.channel == "email" && now.status == "withdrawn")
            #expect(now.statusDetail?.contains("550") == true && now.statusDetail?.contains("settled") == true)
            #expect(try await OutboxMessageRecord.find(message.id, on: store.database)?.status == "withdrawn")
            #expect(try await DeliveryEventRecord.query(on: store.database).filter(\.$noticeID == offer.id!)
                .filter(\.$outcome == "withdrawn").count() == 1)
            let queue = try await NoticeQueue.load(creditorID: offer.creditorID, today: Self.runDate, on: store.database)
            #expect(!queue.toPrint.contains { $0.notice.id == offer.id })
            #expect(try await worker.drain(now: failedAt.addingTimeInterval(7_200), today: Self.runDate, on: store.database).isEmpty)
        }
    }

    @Test("the answer to a dispute accepted in full goes although nothing is owed any more", arguments: TestEngine.allCases)
    func acceptedDisputeAnswerGoes(engine: TestEngine) async throws {
        let server = try SMTPTestServer()
        defer { server.stop(); server.removeFiles() }
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            var chosen: ClaimRecord?
            for claim in try await ClaimRecord.query(on: store.database).filter(\.$openMinor > 0).sort(\.$invoiceNumber).all() {
                if try await CustomerRecord.find(claim.customerID, on: store.database)?.acceptsEmailNotices == true { chosen = claim; break }
            }
            let claim = try #require(chosen, "an open claim of a customer who accepts e-mail")
            let raised = try await Disputes.raise(
                claimID: claim.id!, creditorID: claim.creditorID, amount: nil, reason: .alreadyPaid, text: "paid in cash at the counter",
                raisedBy: "debtor", userID: nil, on: Self.runDate, database: store.database
            )
            let decided = try await Disputes.decide(
                raised.id!, creditorID: claim.creditorID, accepted: true, explanation: "found the receipt", by: "kari@example", userID: nil,
                on: Self.runDate, database: store.database
            )
            // Whatever else was open on it (a fee, interest) was let go too: nothing is owed.
            let settled = try #require(try await ClaimRecord.find(claim.id, on: store.database))
            settled.openMinor = 0
            settled.stage = "closed"
            try await settled.save(on: store.database)
            let composer = NoticeComposer(settings: settings(smtp: server))
            try await composer.composeDisputeLetter(decided, kind: .disputeDecision, date: Self.runDate, on: store.database)
            let answer = try #require(try await NoticeRecord.query(on: store.database).filter(\.$kind == "disputeDecision").first())
            #expect(answer.channel == "email")
            #expect(try await NoticeStanding.of([answer.id!], today: Self.runDate, on: store.database)[answer.id!] == .asWritten)
            let message = try #require(try await OutboxMessageRecord.query(on: store.database).filter(\.$noticeID == answer.id!).first())
            try await onlyWaiting([message], store)

            let worker = OutboxWorker(transport: SMTPTransport(settings: settings(smtp: server).smtp!), composer: composer)
            let report = try await worker.drain(today: Self.runDate, on: store.database)
            #expect(report.sent == 1 && report.withdrawn == 0, "\(report)")
            #expect(try server.delivered().count == 1)
            #expect(try await NoticeRecord.find(answer.id, on: store.database)?.status == "sent")
        }
    }

    /// What the failed send's own transaction leaves when the process stops before the letter goes to the print list:
    /// the e-mail and its notice failed, the e-mail's lease running. Returns when it failed.
    func failedJustBeforeAStop(_ message: OutboxMessageRecord, _ notice: NoticeRecord, _ store: StandaloneDatabase) async throws -> Date {
        let failedAt = Date()
        message.status = "failed"
        message.leaseUntil = failedAt.addingTimeInterval(600).ISO8601Format()
        message.lastResult = "550 mailbox unavailable"
        try await message.save(on: store.database)
        notice.status = "failed"
        notice.statusDetail = "550 mailbox unavailable"
        try await notice.save(on: store.database)
        return failedAt
    }

    /// A plan offered on an open claim of a customer who accepts e-mail, its offer e-mailed and the only message waiting.
    func withPlanOfferEmailed(
        _ engine: TestEngine,
        _ body: (StandaloneDatabase, SMTPTestServer, NoticeComposer, CustomerRecord, NoticeRecord, OutboxMessageRecord) async throws -> Void
    ) async throws {
        let server = try SMTPTestServer()
        defer { server.stop(); server.removeFiles() }
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let disputed = Set(try await DisputeRecord.query(on: store.database).all().map(\.claimID))
            var chosen: (ClaimRecord, CustomerRecord)?
            for claim in try await ClaimRecord.query(on: store.database).filter(\.$openMinor > 100_000).sort(\.$invoiceNumber).all()
            where !disputed.contains(claim.id!) {
                if let customer = try await CustomerRecord.find(claim.customerID, on: store.database), customer.acceptsEmailNotices {
                    chosen = (claim, customer)
                    break
                }
            }
            let (claim, customer) = try #require(chosen, "an open claim of a customer who accepts e-mail")
            let plan = try await PaymentPlans.make(
                PlanRequest(claimIDs: [claim.id!], downPayment: Money(minorUnits: 20_000, currency: try Currency.named(claim.currency)),
                            downPaymentDate: Self.runDate.adding(days: 5), instalmentCount: 2, firstInstalmentDate: Self.runDate.adding(days: 35)),
                creditorID: claim.creditorID, proposedBy: "kari@example", userID: nil, limits: nil, on: Self.runDate, database: store.database)
            let composer = NoticeComposer(settings: settings(smtp: server))
            try await composer.composePlanAgreement(plan, date: Self.runDate, on: store.database)
            let offer = try #require(try await NoticeRecord.query(on: store.database).filter(\.$groupKey == "plan/\(plan.id!.uuidString)/offer").first())
            #expect(offer.channel == "email" && offer.status == "queued")
            let message = try #require(try await OutboxMessageRecord.query(on: store.database).filter(\.$noticeID == offer.id!).first())
            try await onlyWaiting([message], store)
            try await body(store, server, composer, customer, offer, message)
        }
    }

    // MARK: - Helpers

    /// A real SMTP server and a database whose Monday run has been composed into notices.
    func withComposedNotices(
        _ engine: TestEngine, _ body: (StandaloneDatabase, SMTPTestServer, NoticeComposer) async throws -> Void
    ) async throws {
        let server = try SMTPTestServer()
        defer { server.stop(); server.removeFiles() }
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let composer = NoticeComposer(settings: settings(smtp: server))
            _ = try await composer.composePending(date: Self.runDate, on: store.database)
            try await body(store, server, composer)
        }
    }

    /// Leaves only `kept` waiting in the outbox, so a drain touches nothing else.
    func onlyWaiting(_ kept: [OutboxMessageRecord], _ store: StandaloneDatabase) async throws {
        for other in try await OutboxMessageRecord.query(on: store.database).filter(\.$id !~ kept.compactMap(\.id)).all() {
            other.status = "sent"
            try await other.save(on: store.database)
        }
    }

    /// Books a payment with `reference` in one transaction, as a bank file's booking does.
    func pay(
        _ minorUnits: Int64, _ currency: String, reference: String, creditorID: UUID, _ store: StandaloneDatabase
    ) async throws -> [BookedPayment] {
        try await store.database.transaction { tx in
            try await PaymentBooking.book(
                [NewPayment(
                    amount: Money(minorUnits: minorUnits, currency: try Currency.named(currency)), paidOn: Self.runDate,
                    bookingDate: Self.runDate, references: [reference], referredDocuments: [], mentionedNumbers: [],
                    freeText: "", payerName: nil, bankReference: "B-\(reference)-\(minorUnits)", isReversal: false, source: "test"
                )],
                fileID: nil, creditorID: creditorID, on: tx
            )
        }
    }

    private func sha256(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }

    private func firstNoticeWithSeveralClaims(_ store: StandaloneDatabase) async throws -> NoticeRecord? {
        for notice in try await NoticeRecord.query(on: store.database).sort(\.$groupKey).all() {
            if try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID == notice.id!).count() > 1 { return notice }
        }
        return nil
    }

    /// The run's acts a notice was written for.
    func acts(ofNotice noticeID: UUID, _ store: StandaloneDatabase) async throws -> [CollectionActRecord] {
        let ids = try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID == noticeID).all().compactMap(\.actID)
        return try await CollectionActRecord.query(on: store.database).filter(\.$id ~~ ids).all()
    }

    func claims(of notice: NoticeRecord, _ store: StandaloneDatabase) async throws -> [ClaimRecord] {
        let ids = try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID == notice.id!).all().map(\.claimID)
        return try await ClaimRecord.query(on: store.database).filter(\.$id ~~ ids).all()
    }

    private func pendingMessageWithDeadline(_ store: StandaloneDatabase) async throws -> OutboxMessageRecord? {
        for message in try await OutboxMessageRecord.query(on: store.database).all() {
            let acts = try await self.acts(ofNotice: message.noticeID, store)
            if acts.allSatisfy({ $0.deadline != nil }) { return message }
        }
        return nil
    }
}
