import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import Testing

@Suite("Disputes")
struct DisputeTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let monday = try! CivilDate(2026, 11, 23)

    private func seeded(_ store: StandaloneDatabase) async throws {
        let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 15, invoicesPerCreditor: 120)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
        _ = try await DailyRun(date: Self.monday).run(on: store.database)
    }

    @Test("a disputed claim is not collected; rejected, its notice deadline is given again in full from the decision", arguments: TestEngine.allCases)
    func rejected(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await seeded(store)
            let act = try #require(try await CollectionActRecord.query(on: store.database).filter(\.$deadline != nil).sort(\.$claimID).first())
            let claimID = act.claimID
            let creditorID = act.creditorID
            let tuesday = Self.monday.adding(days: 1)
            let dispute = try await Disputes.raise(
                claimID: claimID, creditorID: creditorID, amount: nil, reason: .notDelivered, text: "Never arrived", raisedBy: "debtor",
                userID: nil, on: tuesday, database: store.database
            )
            #expect(dispute.status == "open")
            #expect(try await ClaimRecord.find(claimID, on: store.database)?.nextActionDate == tuesday.iso)
            let actsBefore = try await CollectionActRecord.query(on: store.database).filter(\.$claimID == claimID).count()
            _ = try await DailyRun(date: tuesday).run(on: store.database)
            let stop = try await ClaimDecisionRecord.query(on: store.database).filter(\.$claimID == claimID)
                .filter(\.$decidedOn == tuesday.iso).all()
            #expect(stop.contains { $0.outcome == "stop" && $0.reasonText.description.contains("disputed") })
            #expect(try await CollectionActRecord.query(on: store.database).filter(\.$claimID == claimID).count() == actsBefore)

            // Another creditor cannot decide it; the creditor rejects it a week later.
            await #expect(throws: DisputeRefused.claimNotFound) {
                _ = try await Disputes.decide(dispute.id!, creditorID: UUID(), accepted: true, explanation: "", by: "x", userID: nil,
                                              on: tuesday, database: store.database)
            }
            let decidedOn = tuesday.adding(days: 7)
            let given = try CivilDate(iso: act.actDate).days(until: try CivilDate(iso: act.deadline!))
            let decided = try await Disputes.decide(
                dispute.id!, creditorID: creditorID, accepted: false, explanation: "Signed delivery note of 2 October",
                by: "kari@example", userID: nil, on: decidedOn, database: store.database
            )
            #expect(decided.status == "rejected")
            let renewed = try #require(try await CollectionActRecord.find(act.id, on: store.database))
            #expect(renewed.deadline == decidedOn.adding(days: given).iso)
            #expect(try await ClaimRecord.find(claimID, on: store.database)?.nextActionDate == decidedOn.iso)
            await #expect(throws: DisputeRefused.alreadyDecided) {
                _ = try await Disputes.decide(dispute.id!, creditorID: creditorID, accepted: true, explanation: "", by: "x", userID: nil,
                                              on: decidedOn, database: store.database)
            }
            let audit = try await AuditRecord.query(on: store.database).all().map(\.action)
            #expect(audit.contains("dispute.raised") && audit.contains("dispute.rejected"))
        }
    }

    @Test("an accepted dispute credits the disputed part; a part dispute leaves the rest to be collected", arguments: TestEngine.allCases)
    func acceptedPart(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await seeded(store)
            let claim = try #require(try await ClaimRecord.query(on: store.database).filter(\.$openMinor > 50_000)
                .filter(\.$stage != "closed").sort(\.$invoiceNumber).first())
            let currency = try Currency.named(claim.currency)
            await #expect(throws: DisputeRefused.self) {
                _ = try await Disputes.raise(
                    claimID: claim.id!, creditorID: claim.creditorID, amount: Money(minorUnits: claim.openMinor + 1, currency: currency),
                    reason: .wrongAmount, text: "", raisedBy: "kari@example", userID: nil, on: Self.monday, database: store.database)
            }
            let part = Money(minorUnits: 10_000, currency: currency)
            let dispute = try await Disputes.raise(
                claimID: claim.id!, creditorID: claim.creditorID, amount: part, reason: .wrongAmount, text: "Charged twice for freight",
                raisedBy: "kari@example", userID: nil, on: Self.monday, database: store.database
            )
            _ = try await Disputes.decide(
                dispute.id!, creditorID: claim.creditorID, accepted: true, explanation: "Freight refunded", by: "kari@example",
                userID: nil, on: Self.monday, database: store.database
            )
            let after = try #require(try await ClaimRecord.find(claim.id, on: store.database))
            #expect(after.openMinor == claim.openMinor - 10_000)
            let credit = try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == claim.id!).filter(\.$kind == "creditNote").all()
            #expect(credit.map(\.amountMinor) == [10_000])

            // A second part, accepted as goodwill, is written off rather than credited.
            let goodwill = try await Disputes.raise(
                claimID: claim.id!, creditorID: claim.creditorID, amount: Money(minorUnits: 5_000, currency: currency), reason: .quality,
                text: "Scratched", raisedBy: "kari@example", userID: nil, on: Self.monday, database: store.database)
            _ = try await Disputes.decide(
                goodwill.id!, creditorID: claim.creditorID, accepted: true, settlement: .writeOff, explanation: "Goodwill",
                by: "kari@example", userID: nil, on: Self.monday, database: store.database)
            let written = try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == claim.id!).filter(\.$kind == "writeOff").all()
            #expect(written.map(\.amountMinor) == [5_000])
            #expect(try await ClaimRecord.find(claim.id, on: store.database)?.openMinor == claim.openMinor - 15_000)
        }
    }

    @Test("a claim written off, or paid in full by a bank file, closes its open disputes: nothing is left to decide",
          arguments: TestEngine.allCases)
    func closedWithTheirClaim(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await seeded(store)
            let claims = try await ClaimRecord.query(on: store.database).filter(\.$openMinor > 50_000).filter(\.$stage != "closed")
                .filter(\.$paymentReference != nil).sort(\.$invoiceNumber).all()
            let (writtenOff, paid, untouched) = (claims[0], claims[1], claims[2])
            let tuesday = Self.monday.adding(days: 1), friday = Self.monday.adding(days: 4)
            var disputes: [UUID] = []
            for claim in [writtenOff, paid, untouched] {
                disputes.append(try await Disputes.raise(
                    claimID: claim.id!, creditorID: claim.creditorID, amount: Money(minorUnits: 10_000, currency: try .named(claim.currency)),
                    reason: .quality, text: "Scratched", raisedBy: "debtor", userID: nil, on: tuesday, database: store.database
                ).id!)
            }
            try await WriteOffs.writeOff(
                claimID: writtenOff.id!, creditorID: writtenOff.creditorID, reason: "Bankrupt", by: "kari@example", userID: nil, on: friday,
                database: store.database
            )
            _ = try await store.database.transaction { tx in
                try await PaymentBooking.book(
                    [NewPayment(
                        amount: Money(minorUnits: paid.openMinor, currency: try .named(paid.currency)), paidOn: friday, bookingDate: friday,
                        references: [paid.paymentReference!], referredDocuments: [], mentionedNumbers: [], freeText: "", payerName: nil,
                        bankReference: "B-all", isReversal: false, source: "test"
                    )],
                    fileID: nil, creditorID: paid.creditorID, on: tx
                )
            }
            #expect(try await ClaimRecord.find(paid.id, on: store.database)?.stage == "closed")

            let after = try await DisputeRecord.query(on: store.database).filter(\.$id ~~ disputes).all()
            let byClaim = Dictionary(uniqueKeysWithValues: after.map { ($0.claimID, $0) })
            for claim in [writtenOff, paid] {
                let dispute = try #require(byClaim[claim.id!])
                #expect(dispute.status == Disputes.closedWithClaim && dispute.decidedOn == friday.iso && dispute.decidedBy == "Betalt")
            }
            #expect(byClaim[untouched.id!]?.status == "open")
            let queue = try await Disputes.open(creditorID: untouched.creditorID, on: store.database).map(\.claimID)
            #expect(queue.contains(untouched.id!) && !queue.contains(writtenOff.id!) && !queue.contains(paid.id!))
        }
    }
}
