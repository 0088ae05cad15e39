import BetaltCore
import BetaltDelivery
import BetaltFormats
import BetaltStore
import BetaltTestSupport
import Crypto
import FluentKit
import Foundation
import Testing
import ZIPFoundation

@Suite("Claims waiting for their handover")
struct HandoverQueueTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let settings = DeliverySettings(publicBaseURL: "https://betalt.example", mailFrom: "varsel@betalt.example")

    /// A small demo ledger run weekly until old claims have had their inkassovarsel and its deadline has passed;
    /// each week's notices go as they would: e-mails to a real SMTP server, letters posted by a person.
    static func weeksOfRuns(_ store: StandaloneDatabase) async throws -> DemoLedger {
        let ledger = try DemoLedger(today: today, customersPerCreditor: 8, invoicesPerCreditor: 40)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: store.database)
        let server = try SMTPTestServer()
        defer { server.stop(); server.removeFiles() }
        var delivery = settings
        delivery.smtp = SMTPSettings(
            url: server.url, startTLS: .none, username: nil, password: nil, envelopeSender: "bounces@betalt.example", caFile: nil, timeoutSeconds: 10
        )
        let round = DeliveryRound(settings: delivery)
        var day = try CivilDate(2026, 11, 23)
        while day <= (try CivilDate(2027, 1, 4)) {
            _ = try await DailyRun(date: day).run(on: store.database)
            _ = try await round.run(date: day, on: store.database)
            for creditor in ledger.creditors {
                let letters = try await NoticeRecord.query(on: store.database).filter(\.$creditorID == creditor.id)
                    .filter(\.$status == NoticeStatus.toPrint.rawValue).all().compactMap(\.id)
                try await NoticeActions.markPosted(letters, creditorID: creditor.id, by: "post room", userID: nil, on: store.database)
            }
            day = day.adding(days: 7)
        }
        return ledger
    }

    /// After the weeks of runs, `count` claims of the first creditor whose only want on 2027-01-05 is their
    /// original invoice.
    static func waitingOnlyForOriginals(_ count: Int, _ store: StandaloneDatabase) async throws -> (creditor: UUID, claims: [HandoverQueue.Candidate]) {
        let creditor = try await weeksOfRuns(store).creditors[0].id
        let waiting = try await HandoverQueue.candidates(creditorID: creditor, today: try CivilDate(2027, 1, 5), on: store.database)
        let chosen = Array(waiting.filter { $0.blocks.map(\.code) == [.originalInvoice] }.prefix(count))
        try #require(chosen.count == count)
        return (creditor, chosen)
    }

    /// The claim's original invoice in the archive, as a UBL import would have kept it.
    static func archiveOriginal(of claim: ClaimRecord, _ store: StandaloneDatabase) async throws {
        let original = InvoiceDocumentRecord()
        original.creditorID = claim.creditorID
        original.claimID = claim.id!
        original.kind = "invoice"
        original.mediaType = "application/xml"
        original.content = "<Invoice><ID>\(claim.invoiceNumber)</ID></Invoice>"
        original.sha256 = String(repeating: "0", count: 64)
        try await original.create(on: store.database)
    }

    /// The creditor's agreement with Nordisk Inkasso AS, delivered as `delivery` says.
    static func agency(
        of creditor: UUID, delivery: String, target: String, token: String? = nil, autoSend: Bool, _ store: StandaloneDatabase
    ) async throws -> AgencyRecord {
        let agency = AgencyRecord()
        agency.creditorID = creditor
        agency.name = "Nordisk Inkasso AS"
        agency.agreementReference = "AVT-2027-1"
        agency.delivery = delivery
        agency.target = target
        agency.endpointToken = token
        agency.autoSend = autoSend
        try await agency.create(on: store.database)
        return agency
    }

    @Test("every claim the ladder hands over waits with what keeps it back; the missing original and a dispute block it",
          arguments: TestEngine.allCases)
    func readinessOfTheQueue(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try await Self.weeksOfRuns(store)
            let creditor = ledger.creditors[0].id
            let end = try CivilDate(2027, 1, 5)
            let waiting = try await HandoverQueue.candidates(creditorID: creditor, today: end, on: store.database)
            #expect(!waiting.isEmpty)
            #expect(waiting.allSatisfy { $0.act.kind == "handover" && $0.claim.creditorID == creditor })
            // Demo invoices came without an original document: none may go yet, and each says so.
            #expect(waiting.allSatisfy { $0.blocks.contains { $0.code == .originalInvoice } })
            #expect(waiting.allSatisfy { !$0.blocks.contains { $0.code == .noticeArchive } }, "every notice was archived")

            let first = try #require(waiting.first { $0.blocks.map(\.code) == [.originalInvoice] })
            try await Self.archiveOriginal(of: first.claim, store)
            // A reminder whose notice never went (so none is archived) is no notice the package lacks.
            let unsent = CollectionActRecord()
            unsent.creditorID = creditor
            unsent.claimID = first.claim.id!
            unsent.customerID = first.claim.customerID
            unsent.stepID = "unsent-reminder"
            unsent.kind = StepKind.reminder.rawValue
            unsent.actDate = "2026-11-30"
            unsent.currency = first.claim.currency
            (unsent.feeMinor, unsent.compensationMinor, unsent.interestMinor, unsent.amountDueMinor) = (0, 0, 0, first.claim.openMinor)
            unsent.groupKey = "unsent"
            unsent.reasons = "[]"
            unsent.deliveryStatus = UnsentActs.status
            try await unsent.create(on: store.database)
            let second = try #require(waiting.first { $0.claim.id != first.claim.id && $0.claim.openMinor > 0 })
            _ = try await Disputes.raise(
                claimID: second.claim.id!, creditorID: creditor, amount: nil, reason: .notDelivered, text: "", raisedBy: "debtor",
                userID: nil, on: end, database: store.database)

            let again = try await HandoverQueue.candidates(creditorID: creditor, today: end, on: store.database)
            #expect(again.first { $0.claim.id == first.claim.id }?.isReady == true)
            #expect(again.first { $0.claim.id == second.claim.id }?.blocks.contains { $0.code == .disputed } == true)
        }
    }

    @Test("a step whose notice has not surely gone (an e-mail's delivery uncertain) keeps its claim from the agency until it has",
          arguments: TestEngine.allCases)
    func unsentNoticeBlocks(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let creditor = try await Self.weeksOfRuns(store).creditors[0].id
            let end = try CivilDate(2027, 1, 5)
            let waiting = try await HandoverQueue.candidates(creditorID: creditor, today: end, on: store.database)
            #expect(waiting.allSatisfy { !$0.blocks.contains { $0.code == .noticeNotSent } }, "every notice went")
            // The inkassovarsel e-mail of one waiting claim: its send was interrupted, so it may not have arrived.
            var emailed: (candidate: HandoverQueue.Candidate, notice: NoticeRecord)?
            for candidate in waiting where emailed == nil {
                let acts = try await CollectionActRecord.query(on: store.database).filter(\.$claimID == candidate.claim.id!)
                    .filter(\.$kind == StepKind.collectionNotice.rawValue).filter(\.$channel == "email").all().compactMap(\.id)
                guard let link = try await NoticeClaimRecord.query(on: store.database).filter(\.$actID ~~ acts).first(),
                      let notice = try await NoticeRecord.find(link.noticeID, on: store.database) else { continue }
                emailed = (candidate, notice)
            }
            let (candidate, notice) = try #require(emailed)
            notice.status = NoticeStatus.uncertain.rawValue
            try await notice.update(on: store.database)
            let message = try #require(try await OutboxMessageRecord.query(on: store.database).filter(\.$noticeID == notice.id!).first())
            message.status = "uncertain"
            try await message.update(on: store.database)

            let held = try await HandoverQueue.assess([candidate.act], creditorID: creditor, today: end, on: store.database)
            let block = try #require(held.first?.blocks.first { $0.code == .noticeNotSent })
            #expect(block.reason.text.hasPrefix("not sent to the debtor yet: ") && block.reason.citation != nil, "\(block.reason.text)")
            #expect(held.first?.isReady == false)

            // A person confirms it arrived: the notice went, and nothing of it keeps the claim back any more.
            #expect(try await NoticeActions.resolveUncertain(notice.id!, resend: false, creditorID: creditor, by: "kari", userID: nil, on: store.database))
            let after = try await HandoverQueue.assess([candidate.act], creditorID: creditor, today: end, on: store.database)
            #expect(after.first?.blocks.contains { $0.code == .noticeNotSent } == false)
        }
    }

    @Test("a batch packages the ready claims: the manifest validates, the documents are the archived bytes; sent, it is written to the folder",
          arguments: TestEngine.allCases)
    func batchRoundTrip(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (creditor, chosen) = try await Self.waitingOnlyForOriginals(2, store)
            let end = try CivilDate(2027, 1, 5)
            for candidate in chosen { try await Self.archiveOriginal(of: candidate.claim, store) }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agency-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let agency = try await HandoverQueueTests.agency(of: creditor, delivery: "folder", target: "nordisk-inkasso", autoSend: false, store)

            // A promise the debtor broke covered this claim and another of theirs: the agency is told it was for both.
            let promised = chosen[0].claim
            let other = try #require(try await ClaimRecord.query(on: store.database).filter(\.$customerID == promised.customerID)
                .filter(\.$id != promised.id!).first())
            let agreement = UUID()
            for (id, claimID) in [(agreement, promised.id!), (UUID(), other.id!)] {
                let row = PromiseRecord()
                (row.id, row.agreementID, row.creditorID, row.claimID, row.customerID) = (id, agreement, creditor, claimID, promised.customerID)
                (row.payBy, row.amountMinor, row.currency, row.reason, row.madeBy) = ("2026-12-01", 50_000, promised.currency, "", "debtor")
                (row.madeOn, row.status, row.closedOn) = ("2026-11-20", "broken", "2026-12-02")
                try await row.create(on: store.database)
            }

            var settings = Self.settings
            settings.handoverDirectory = folder
            let batch = try #require(try await Handovers.prepareBatch(
                creditorID: creditor, agencyID: agency.id!, today: end, by: "kari@example", userID: nil, settings: settings, on: store.database))
            #expect(batch.status == "review" && batch.caseCount == 2)
            #expect(try await Handovers.prepareBatch(creditorID: creditor, agencyID: agency.id!, today: end, by: "x", userID: nil,
                                                     settings: settings, on: store.database) == nil, "nothing is packaged twice")

            let archive = try Archive(data: batch.content, accessMode: .read)
            func read(_ path: String) throws -> Data {
                var data = Data()
                _ = try archive.extract(try #require(archive[path]), consumer: { data.append($0) })
                return data
            }
            let json = try read("manifest.json")
            let validation = try JSONSchemas.validate(json, against: JSONSchemas.handoverManifest)
            #expect(validation.valid, "\(validation.message)")
            let manifest = try JSONDecoder().decode(HandoverManifest.self, from: json)
            #expect(Set(manifest.cases.map(\.invoiceNumber)) == Set(chosen.map(\.claim.invoiceNumber)))
            let promise = try #require(manifest.cases.first { $0.invoiceNumber == promised.invoiceNumber }?.agreements.first { $0.kind == "promise" })
            #expect(Set(promise.invoiceNumbers ?? []) == [promised.invoiceNumber, other.invoiceNumber] && promise.status == "broken")
            let archivedHashes = Set(try await ArchivedDocumentRecord.query(on: store.database).all().map(\.sha256))
            for entry in manifest.cases {
                #expect(entry.notices.contains { $0.kind == "collectionNotice" && $0.deadline != nil })
                #expect(entry.ledger.first?.kind == "principal")
                for document in entry.notices.flatMap(\.documents) {
                    #expect(archivedHashes.contains(document.sha256), "a notice's document is the archived one")
                    #expect(SHA256.hash(data: try read(document.path)).map { String(format: "%02x", $0) }.joined() == document.sha256)
                }
                let invoice = try #require(entry.originalInvoice)
                #expect(String(decoding: try read(invoice.path), as: UTF8.self).contains(entry.invoiceNumber))
                // The consent an e-mailed notice rests on travels with the debtor.
                let customer = try #require(chosen.first { $0.claim.invoiceNumber == entry.invoiceNumber }?.customer)
                #expect(entry.debtor.emailConsents?.map(\.accepted) == (customer.acceptsEmailNotices ? [true] : nil))
                #expect(entry.notices.allSatisfy { $0.channel != "email" || entry.debtor.emailConsents != nil }, "every e-mail went on a consent")
            }

            let sent = try await Handovers.send(batchID: batch.id!, creditorID: creditor, today: end, by: "kari@example", userID: nil,
                                                settings: settings, on: store.database)
            #expect(sent.status == "sent" && sent.sentOn == end.iso)
            #expect(try Data(contentsOf: folder.appendingPathComponent("nordisk-inkasso").appendingPathComponent(batch.fileName)) == batch.content)
            #expect(!Handovers.isPlainName("../etc") && !Handovers.isPlainName(".hidden") && Handovers.isPlainName("nordisk-inkasso"))
            let told = try await NoticeRecord.query(on: store.database).filter(\.$kind == "handoverNotice").all()
            #expect(told.count == Set(chosen.map(\.customer.id)).count && told.allSatisfy { $0.groupKey.hasPrefix("handover/\(batch.id!.uuidString)/") })
            let acts = try await CollectionActRecord.query(on: store.database).filter(\.$id ~~ chosen.map { $0.act.id! }).all()
            #expect(acts.allSatisfy { $0.deliveryStatus == "handedOver" })
            let timeline = try await Timeline.load(customerID: chosen[0].customer.id!, claimID: chosen[0].claim.id!, creditorID: creditor, on: store.database)
            #expect(timeline.contains { $0.kind == .handover && $0.text == "Nordisk Inkasso AS" }, "the handover is in the claim's timeline")
            await #expect(throws: HandoverRefused.alreadySent) {
                try await Handovers.send(batchID: batch.id!, creditorID: creditor, today: end, by: "x", userID: nil, settings: settings, on: store.database)
            }
        }
    }

    @Test("a package whose claim was disputed after it was made is not sent; discarded, its claims wait again and the next package leaves the disputed one out",
          arguments: TestEngine.allCases)
    func outOfDatePackage(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (creditor, chosen) = try await Self.waitingOnlyForOriginals(2, store)
            let end = try CivilDate(2027, 1, 5)
            for candidate in chosen { try await Self.archiveOriginal(of: candidate.claim, store) }
            let agency = try await HandoverQueueTests.agency(of: creditor, delivery: "download", target: "", autoSend: false, store)
            let batch = try #require(try await Handovers.prepareBatch(
                creditorID: creditor, agencyID: agency.id!, today: end, by: "kari@example", userID: nil, settings: Self.settings, on: store.database))
            _ = try await Disputes.raise(
                claimID: chosen[0].claim.id!, creditorID: creditor, amount: nil, reason: .notDelivered, text: "", raisedBy: "debtor",
                userID: nil, on: end, database: store.database)
            await #expect {
                try await Handovers.send(batchID: batch.id!, creditorID: creditor, today: end, by: "kari@example", userID: nil,
                                         settings: Self.settings, on: store.database)
            } throws: { error in
                guard case .outOfDate(let claims) = error as? HandoverRefused else { return false }
                return claims.count == 1 && claims[0].invoiceNumber == chosen[0].claim.invoiceNumber
                    && claims[0].reasons.contains { $0.text.contains("disputed") }
            }
            #expect(try await ClaimRecord.find(chosen[1].claim.id!, on: store.database)?.stage == "handoverPending", "nothing went")

            try await Handovers.discard(batchID: batch.id!, creditorID: creditor, by: "kari@example", userID: nil, on: store.database)
            #expect(try await HandoverBatchRecord.find(batch.id!, on: store.database)?.status == "discarded")
            #expect(try await HandoverCaseRecord.query(on: store.database).filter(\.$batchID == batch.id!).count() == 0)
            let again = try #require(try await Handovers.prepareBatch(
                creditorID: creditor, agencyID: agency.id!, today: end, by: "kari@example", userID: nil, settings: Self.settings, on: store.database))
            #expect(again.caseCount == 1)
            #expect(try await HandoverCaseRecord.query(on: store.database).filter(\.$batchID == again.id!).first()?.claimID == chosen[1].claim.id)
            await #expect(throws: HandoverRefused.alreadySent) {
                try await Handovers.discard(batchID: batch.id!, creditorID: creditor, by: "x", userID: nil, on: store.database)
            }
        }
    }
}
