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

/// Reads one file out of a handover ZIP.
enum HandoverPackageReader {
    static func file(_ path: String, in zip: Data) throws -> Data {
        let archive = try Archive(data: zip, accessMode: .read)
        var data = Data()
        _ = try archive.extract(try #require(archive[path]), consumer: { data.append($0) })
        return data
    }
}

@Suite("After handover: agency updates, corrections and recalls")
struct AgencyAfterHandoverTests {
    static let end = try! CivilDate(2027, 1, 5)

    /// Three ready claims of the first creditor packaged for an agency taking files in `folder`, and sent.
    static func handedOver(_ store: StandaloneDatabase, folder: URL) async throws -> (creditor: UUID, agency: AgencyRecord, claims: [ClaimRecord]) {
        let (creditor, chosen) = try await HandoverQueueTests.waitingOnlyForOriginals(3, store)
        // Two came as UBL; the third came without an original, and a person attached the invoice's PDF.
        for candidate in chosen.prefix(2) { try await HandoverQueueTests.archiveOriginal(of: candidate.claim, store) }
        let pdf = Data("%PDF-1.4 faktura \(chosen[2].claim.invoiceNumber)".utf8)
        try await OriginalInvoices.attach(
            claimID: chosen[2].claim.id!, creditorID: creditor, fileName: "faktura.pdf", mediaType: "application/pdf", content: pdf,
            sha256: SHA256.hash(data: pdf).map { String(format: "%02x", $0) }.joined(), by: "kari@example", userID: nil, on: store.database)
        await #expect(throws: OriginalInvoiceRefused.alreadyArchived) {
            try await OriginalInvoices.attach(
                claimID: chosen[2].claim.id!, creditorID: creditor, fileName: "again.pdf", mediaType: "application/pdf", content: pdf,
                sha256: "", by: "x", userID: nil, on: store.database)
        }
        let agency = try await HandoverQueueTests.agency(of: creditor, delivery: "folder", target: "nordisk", autoSend: true, store)
        var settings = HandoverQueueTests.settings
        settings.handoverDirectory = folder
        let stages = try await ClaimRecord.query(on: store.database).filter(\.$id ~~ chosen.map { $0.claim.id! }).all().map(\.stage)
        #expect(stages == ["handoverPending", "handoverPending", "handoverPending"], "waiting in the queue is not yet with an agency")
        let batch = try #require(try await Handovers.prepareBatch(
            creditorID: creditor, agencyID: agency.id!, today: end, by: "kari@example", userID: nil, settings: settings, on: store.database))
        #expect(batch.status == "sent", "the agreement lets packages go without review")
        let manifest = try JSONDecoder().decode(HandoverManifest.self, from: try HandoverPackageReader.file("manifest.json", in: batch.content))
        let attached = try #require(manifest.cases.first { $0.claimID == chosen[2].claim.id!.uuidString.lowercased() }?.originalInvoice)
        #expect(attached.mediaType == "application/pdf" && attached.path.hasSuffix("/invoice.pdf"))
        #expect(try HandoverPackageReader.file(attached.path, in: batch.content) == pdf, "the attached PDF goes to the agency byte for byte")
        let claims = try await ClaimRecord.query(on: store.database).filter(\.$id ~~ chosen.map { $0.claim.id! }).sort(\.$invoiceNumber).all()
        #expect(claims.allSatisfy { $0.stage == "withAgency" && $0.nextActionDate == nil })
        return (creditor, agency, claims)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func receive(_ json: String, creditor: UUID, on database: any Database) async throws -> AgencyUpdateIntake.Summary {
        let file = try AgencyUpdateFile.parse(Data(json.utf8), fileName: "updates.json")
        return try await AgencyUpdateIntake.receive(
            file.entries.map { .init(update: $0.update, place: $0.location.description) }, agencyID: nil,
            agreementReference: file.agreementReference, creditorID: creditor, source: "updates.json", today: end.adding(days: 30),
            by: "test", userID: nil, on: database
        )
    }

    static func document(_ updates: [String]) -> String {
        #"{"format": "betalt-agency-update", "version": 1, "agreementReference": "AVT-2027-1", "updates": ["# + updates.joined(separator: ",\n") + "]}"
    }

    static func update(_ key: String, _ claim: ClaimRecord, _ date: String, _ type: String, status: String? = nil, minor: Int64? = nil) -> String {
        var fields = [#""updateID": "\#(key)""#, #""claimID": "\#(claim.id!.uuidString.lowercased())""#, #""date": "\#(date)""#, #""type": "\#(type)""#]
        if let status { fields.append(#""status": "\#(status)""#) }
        if let minor { fields.append(#""amount": {"minorUnits": \#(minor), "currency": "NOK"}"#) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    @Test("run, package, send, then the agency's file: fees and payments land in the ledger, statuses on the case, a paid case closes; again, nothing changes",
          arguments: TestEngine.allCases)
    func updatesRoundTrip(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let folder = try Self.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let (creditor, _, claims) = try await Self.handedOver(store, folder: folder)
            let (a, b) = (claims[0], claims[1])
            let report = try await DailyRun(date: Self.end.adding(days: 7)).run(on: store.database)
            #expect(try await CollectionActRecord.query(on: store.database).filter(\.$claimID ~~ claims.map { $0.id! })
                .filter(\.$actDate == Self.end.adding(days: 7).iso).count() == 0, "Betalt takes no step of its own on a claim with an agency")
            _ = report

            let owedA = a.openMinor + 70_000
            let json = Self.document([
                Self.update("N-1", a, "2027-01-08", "status", status: "registered"),
                Self.update("N-2", a, "2027-01-09", "fee", minor: 70_000),
                Self.update("N-3", a, "2027-01-20", "payment", minor: owedA),
                Self.update("N-4", a, "2027-01-21", "status", status: "closed"),
                Self.update("N-5", b, "2027-01-10", "status", status: "paymentDemandSent"),
                Self.update("N-6", b, "2027-01-22", "payment", minor: 10_000),
                Self.update("N-7", a, "2027-01-25", "remittance", minor: owedA - 70_000),
            ])
            let validation = try JSONSchemas.validate(Data(json.utf8), against: JSONSchemas.agencyUpdate)
            #expect(validation.valid, "\(validation.message)")
            let summary = try await Self.receive(json, creditor: creditor, on: store.database)
            #expect(summary.applied == 7 && summary.alreadyReceived == 0 && summary.agencyName == "Nordisk Inkasso AS")
            #expect(summary.byType == ["status": 3, "fee": 1, "payment": 2, "remittance": 1])

            let paidA = try #require(try await ClaimRecord.find(a.id!, on: store.database))
            #expect(paidA.openMinor == 0 && paidA.stage == "closed")
            let entriesA = try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == a.id!).all()
            #expect(entriesA.contains { $0.kind == "fee" && $0.amountMinor == 70_000 && $0.text == "agency collection costs" })
            let collected = entriesA.filter { $0.kind == "payment" && $0.text.hasPrefix("collected by the agency") }
            #expect(collected.reduce(0) { $0 + $1.amountMinor } == owedA, "what the agency collected, besides payments made before")
            let partB = try #require(try await ClaimRecord.find(b.id!, on: store.database))
            #expect(partB.openMinor == b.openMinor - 10_000 && partB.stage == "withAgency")
            let cases = try await HandoverCaseRecord.query(on: store.database).filter(\.$claimID ~~ [a.id!, b.id!]).all()
            #expect(cases.first { $0.claimID == a.id }?.state == .closed)
            let caseB = try #require(cases.first { $0.claimID == b.id })
            #expect(caseB.state == .active && caseB.agencyStatus == "paymentDemandSent" && caseB.agencyStatusOn == "2027-01-10")
            let timeline = try await Timeline.load(customerID: a.customerID, claimID: a.id!, creditorID: creditor, on: store.database)
            #expect(timeline.filter { $0.kind == .agencyUpdate }.count == 5)
            #expect(timeline.contains { $0.kind == .agencyUpdate && $0.actor == "Nordisk Inkasso AS" && $0.status == "closed" })
            #expect(try await AgencyMessages.correct(today: Self.end.adding(days: 30), on: store.database) == 0,
                    "what the agency reported is not reported back to it")

            let ledgerBefore = try await LedgerEntryRecord.query(on: store.database).count()
            let again = try await Self.receive(json, creditor: creditor, on: store.database)
            #expect(again.applied == 0 && again.alreadyReceived == 7)
            #expect(try await LedgerEntryRecord.query(on: store.database).count() == ledgerBefore)

            // One bad update refuses the whole file: the good one before it is not kept either.
            let bad = Self.document([
                Self.update("N-8", b, "2027-01-23", "status", status: "legalStep"),
                Self.update("N-9", b, "2027-01-24", "payment", minor: partB.openMinor + 1),
            ])
            await #expect {
                _ = try await Self.receive(bad, creditor: creditor, on: store.database)
            } throws: { error in
                let rejected = error as? AgencyUpdateRejected
                return rejected?.place == "/updates/1" && rejected?.message.contains("invoice \(b.invoiceNumber)") == true
            }
            #expect(try await AgencyUpdateRecord.query(on: store.database).filter(\.$updateKey == "N-8").count() == 0)
            #expect(try await HandoverCaseRecord.query(on: store.database).filter(\.$claimID == b.id!).first()?.agencyStatus == "paymentDemandSent")
            let changed = Self.document([Self.update("N-6", b, "2027-01-22", "payment", minor: 20_000)])
            await #expect {
                _ = try await Self.receive(changed, creditor: creditor, on: store.database)
            } throws: { error in
                (error as? AgencyUpdateRejected)?.message == "update N-6 was received before with other content"
            }
            let stranger = Self.document([#"{"updateID": "X-1", "claimID": "\#(UUID().uuidString)", "date": "2027-01-22", "type": "status", "status": "registered"}"#])
            await #expect {
                _ = try await Self.receive(stranger, creditor: creditor, on: store.database)
            } throws: { error in
                (error as? AgencyUpdateRejected)?.message.contains("was never handed over to Nordisk Inkasso AS") == true
            }
        }
    }

    @Test("a payment straight to the creditor after handover makes one correction for the agency, written to its folder; a recall ends with the agency's confirmation",
          arguments: TestEngine.allCases)
    func correctionAndRecall(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let folder = try Self.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            var settings = HandoverQueueTests.settings
            settings.handoverDirectory = folder
            let (creditor, _, claims) = try await Self.handedOver(store, folder: folder)
            let (b, c) = (claims[1], claims[2])
            let paidOn = Self.end.adding(days: 10)
            let allocation = try PaymentAllocator.allocate(Money(minorUnits: 25_000, currency: .nok), to: try b.balances())
            try await LedgerWriter.append(allocation.entries(on: paidOn, reference: "KID \(b.paymentReference ?? "")"),
                                          toClaim: b.id!, creditorID: creditor, on: store.database)

            let round = try await DeliveryRound(settings: settings).run(date: paidOn, on: store.database)
            #expect(round.agencyCorrections == 1 && round.agencyFiles == 1 && round.agencyFileFailures.isEmpty)
            let message = try #require(try await AgencyMessageRecord.query(on: store.database).filter(\.$kind == "correction").first())
            #expect(message.claimID == b.id && message.status == "delivered" && message.deliveredOn == paidOn.iso)
            #expect(try Data(contentsOf: folder.appendingPathComponent("nordisk").appendingPathComponent(message.fileName)) == message.content)
            let validation = try JSONSchemas.validate(message.content, against: JSONSchemas.agencyMessage)
            #expect(validation.valid, "\(validation.message)")
            let correction = try JSONDecoder().decode(AgencyMessage.self, from: message.content)
            #expect(correction.invoiceNumber == b.invoiceNumber && correction.claimID == b.id!.uuidString.lowercased())
            #expect(correction.changes.allSatisfy { $0.kind == "payment" && $0.date == paidOn.iso })
            #expect(correction.changes.reduce(0) { $0 + $1.amount.minorUnits } == 25_000)
            #expect(correction.open.total.minorUnits == b.openMinor - 25_000)
            #expect(try await AgencyMessages.correct(today: paidOn, on: store.database) == 0, "a change is reported once")

            let recall = try await AgencyMessages.recall(
                claimID: c.id!, creditorID: creditor, reason: "", today: paidOn, by: "kari@example", userID: nil, settings: settings, on: store.database)
            #expect(recall.kind == "recall" && recall.status == "delivered")
            #expect(try JSONDecoder().decode(AgencyMessage.self, from: recall.content).text.contains("confirm the recall"))
            #expect(try await HandoverCaseRecord.query(on: store.database).filter(\.$claimID == c.id!).first()?.state == .recallRequested)
            await #expect(throws: RecallRefused.alreadyRequested) {
                try await AgencyMessages.recall(claimID: c.id!, creditorID: creditor, reason: "", today: paidOn, by: "x", userID: nil,
                                                settings: settings, on: store.database)
            }
            #expect(try await ClaimRecord.find(c.id!, on: store.database)?.stage == "withAgency", "with the agency until it confirms")

            let confirmed = Self.document([Self.update("R-1", c, paidOn.adding(days: 2).iso, "recallConfirmed")])
            #expect(try await Self.receive(confirmed, creditor: creditor, on: store.database).returnedToCreditor == 1)
            let back = try #require(try await ClaimRecord.find(c.id!, on: store.database))
            #expect(back.stage == "noticed" && back.nextActionDate == nil && back.openMinor == c.openMinor)
            let act = try #require(try await CollectionActRecord.query(on: store.database).filter(\.$claimID == c.id!).filter(\.$kind == "handover").first())
            #expect(act.deliveryStatus == "recalled")
            #expect(try await HandoverQueue.candidates(creditorID: creditor, today: paidOn, on: store.database).allSatisfy { $0.claim.id != c.id },
                    "a recalled claim does not go back into the handover queue by itself")
            let timeline = try await Timeline.load(customerID: c.customerID, claimID: c.id!, creditorID: creditor, on: store.database)
            #expect(timeline.contains { $0.kind == .agencyMessage && $0.status == "recall" })
            #expect(timeline.contains { $0.kind == .agencyUpdate && $0.status == "recallConfirmed" })

            // Given back with money owed, the claim waits in the work queue until a person takes it up.
            var givenBack = try await GivenBackClaims.list(creditorID: creditor, on: store.database)
            #expect(givenBack.map(\.claim.id) == [c.id], "only the recalled claim; the others are still with the agency")
            #expect(givenBack.first?.agencyName == "Nordisk Inkasso AS" && givenBack.first?.givenBackOn == paidOn.adding(days: 2).iso)
            #expect(givenBack.first?.open.minorUnits == c.openMinor)
            #expect(try await CallTasks.schedule(claimID: c.id!, creditorID: creditor, on: paidOn.adding(days: 3), reason: "back from the agency",
                                                 by: "kari@example", userID: nil, database: store.database))
            givenBack = try await GivenBackClaims.list(creditorID: creditor, on: store.database)
            #expect(givenBack.isEmpty, "a call planned takes the claim up")
        }
    }

    @Test("an agency with an HTTPS endpoint receives the package and the corrections as POSTs with its token and their SHA-256; a refusal keeps the package for review",
          arguments: TestEngine.allCases)
    func endpointDelivery(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let endpoint = try AgencyEndpointServer()
            defer { endpoint.stop() }
            let (creditor, waiting) = try await HandoverQueueTests.waitingOnlyForOriginals(1, store)
            let chosen = waiting[0]
            try await HandoverQueueTests.archiveOriginal(of: chosen.claim, store)
            let agency = try await HandoverQueueTests.agency(
                of: creditor, delivery: "https", target: "\(endpoint.url)/down/cases", token: "s3cret", autoSend: false, store)
            let settings = HandoverQueueTests.settings
            let batch = try #require(try await Handovers.prepareBatch(
                creditorID: creditor, agencyID: agency.id!, today: Self.end, by: "kari@example", userID: nil, settings: settings, on: store.database))
            await #expect(throws: HandoverRefused.endpointRefused("\(endpoint.url)/down/cases answered HTTP 503")) {
                try await Handovers.send(batchID: batch.id!, creditorID: creditor, today: Self.end, by: "kari@example", userID: nil,
                                         settings: settings, on: store.database)
            }
            #expect(try await HandoverBatchRecord.find(batch.id!, on: store.database)?.status == "review", "not taken, not sent")

            agency.target = "\(endpoint.url)/cases"
            try await agency.update(on: store.database)
            try await Handovers.send(batchID: batch.id!, creditorID: creditor, today: Self.end, by: "kari@example", userID: nil,
                                     settings: settings, on: store.database)
            let package = try #require(try endpoint.received().first)
            #expect(package.path == "/cases" && package.body == batch.content)
            #expect(package.headers["Authorization"] == "Bearer s3cret" && package.headers["Content-Type"] == "application/zip")
            #expect(package.headers["X-Betalt-SHA256"] == batch.sha256)
            #expect(package.headers["Content-Disposition"] == "attachment; filename=\"\(batch.fileName)\"")

            let claim = try #require(try await ClaimRecord.find(chosen.claim.id!, on: store.database))
            let allocation = try PaymentAllocator.allocate(Money(minorUnits: 5_000, currency: .nok), to: try claim.balances())
            try await LedgerWriter.append(allocation.entries(on: Self.end.adding(days: 3), reference: "KID"), toClaim: claim.id!, creditorID: creditor, on: store.database)
            let round = try await DeliveryRound(settings: settings).run(date: Self.end.adding(days: 3), on: store.database)
            #expect(round.agencyCorrections == 1 && round.agencyFiles == 1)
            let correction = try #require(try endpoint.received().last)
            #expect(correction.headers["Content-Type"] == "application/json")
            #expect(try JSONDecoder().decode(AgencyMessage.self, from: correction.body).kind == .correction)
            #expect(!AgencyEndpoint.isAcceptable("http://agency.example/cases") && AgencyEndpoint.isAcceptable("https://agency.example/cases"))
        }
    }
}
