import BetaltCore
import BetaltDelivery
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

/// A notice that never went does not count (`UnsentActs`): no fee for it, and no later step built on it.
extension NoticeDeliveryTests {
    @Test("notices that cannot be written do not count: their fees are taken back and the next day's run takes the steps again",
          arguments: TestEngine.allCases)
    func unwrittenNoticesDoNotCount(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let sql = store.database as! any SQLDatabase
            try await ranLedger(store)
            let noticeKinds = [StepKind.friendlyReminder, .reminder, .collectionNotice].map(\.rawValue)
            let acted = try await CollectionActRecord.query(on: store.database)
                .filter(\.$actDate == Self.runDate.iso).filter(\.$kind ~~ noticeKinds).all()
            try #require(acted.contains { $0.feeMinor > 0 })
            let before = Dictionary(uniqueKeysWithValues: try await ClaimRecord.query(on: store.database)
                .filter(\.$id ~~ acted.map(\.claimID)).all().map { ($0.id!, Balances($0)) })

            // Every notice fails to be written: the table their private links go into is away.
            try await sql.raw("ALTER TABLE debtor_links RENAME TO debtor_links_away").run()
            let report = try await NoticeComposer(settings: settings()).composePending(date: Self.runDate, on: store.database)
            try await sql.raw("ALTER TABLE debtor_links_away RENAME TO debtor_links").run()
            #expect(report.composed == 0 && !report.failures.isEmpty)

            let undone = try await CollectionActRecord.query(on: store.database).filter(\.$id ~~ acted.compactMap(\.id)).all()
            #expect(undone.allSatisfy { $0.deliveryStatus == UnsentActs.status })
            for (claimID, acts) in Dictionary(grouping: undone, by: \.claimID) {
                let was = try #require(before[claimID])
                let now = try #require(try await ClaimRecord.find(claimID, on: store.database))
                let fee = acts.reduce(0) { $0 + $1.feeMinor }, compensation = acts.reduce(0) { $0 + $1.compensationMinor }
                // Nothing was paid meanwhile: all of it is taken back, and only that.
                #expect(now.feeOpenMinor == was.fee - fee && now.compensationOpenMinor == was.compensation - compensation)
                #expect(now.interestOpenMinor == was.interest, "late interest runs whatever is sent")
                let waivers = try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == claimID).filter(\.$kind == "waiver").all()
                #expect(waivers.reduce(0) { $0 + $1.amountMinor } == fee + compensation)
                #expect(waivers.allSatisfy { $0.entryDate == Self.runDate.iso && $0.text.contains("notice not sent") })
                #expect(now.nextActionDate == Self.runDate.adding(days: 1).iso)
                // The stage is what the claim's other acts give: open when this run's act was its first.
                let earlier = try await CollectionActRecord.query(on: store.database).filter(\.$claimID == claimID)
                    .filter(\.$deliveryStatus != UnsentActs.status).count()
                #expect(earlier > 0 || now.stage == ClaimStage.open.rawValue)
                #expect(now.lastSequence > was.sequence || fee + compensation == 0)
            }

            // The next day the same steps are taken again, each charging its fee once more.
            let tuesday = Self.runDate.adding(days: 1)
            _ = try await DailyRun(date: tuesday).run(on: store.database)
            let again = try await CollectionActRecord.query(on: store.database).filter(\.$actDate == tuesday.iso)
                .filter(\.$claimID ~~ Array(Set(acted.map(\.claimID)))).all()
            for act in acted {
                let retaken = again.first { $0.claimID == act.claimID && $0.stepID == act.stepID }
                #expect(retaken != nil, "\(act.stepID) of claim \(act.claimID) taken again")
                #expect(retaken?.feeMinor == act.feeMinor)
            }
            #expect(!again.contains { $0.kind == StepKind.handover.rawValue })
            let composed = try await NoticeComposer(settings: settings()).composePending(date: tuesday, on: store.database)
            #expect(composed.failures == [] && composed.composed > 0)
            for (claimID, acts) in Dictionary(grouping: acted, by: \.claimID) {
                let was = try #require(before[claimID])
                let now = try #require(try await ClaimRecord.find(claimID, on: store.database))
                #expect(now.feeOpenMinor == was.fee, "each fee charged once, net: \(acts.map(\.stepID))")
                #expect(now.stage == was.stage)
            }
        }
    }

    @Test("a fee already paid for a notice that never went becomes the customer's credit", arguments: TestEngine.allCases)
    func paidFeeOfAnUnsentNoticeIsCredited(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let act = try #require(try await CollectionActRecord.query(on: store.database).filter(\.$actDate == Self.runDate.iso)
                .filter(\.$feeMinor > 0).filter(\.$deliveryStatus == "pending").sort(\.$claimID).first())
            let claim = try #require(try await ClaimRecord.find(act.claimID, on: store.database))
            // Costs first: a payment of what the fees come to pays them.
            _ = try await pay(claim.feeOpenMinor, claim.currency, reference: claim.paymentReference!, creditorID: claim.creditorID, store)
            #expect(try await ClaimRecord.find(claim.id, on: store.database)?.feeOpenMinor == 0)

            try await UnsentActs.undo([act.id!], on: Self.runDate, database: store.database)
            let credit = try await CustomerCredit.balances(customerID: claim.customerID, creditorID: claim.creditorID, on: store.database)
            #expect(credit.map(\.minorUnits) == [act.feeMinor])
            #expect(try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == claim.id!).filter(\.$kind == "waiver").count() == 0)
            // Undone once: a second undo finds nothing to take back.
            try await UnsentActs.undo([act.id!], on: Self.runDate, database: store.database)
            #expect(try await CustomerCredit.balances(customerID: claim.customerID, creditorID: claim.creditorID, on: store.database) == credit)

            // A payment that covered a charge that still counts (here a plan's fee) paid that one first; the unsent fee,
            // written off with its claim, was not paid: nothing to credit.
            let other = try #require(try await CollectionActRecord.query(on: store.database).filter(\.$actDate == Self.runDate.iso)
                .filter(\.$feeMinor > 0).filter(\.$deliveryStatus == "pending").filter(\.$customerID != claim.customerID).sort(\.$claimID).first())
            let written = try #require(try await ClaimRecord.find(other.claimID, on: store.database))
            let currency = try Currency.named(written.currency)
            try await LedgerWriter.append(
                [.charge(.fee, Money(minorUnits: 17_000, currency: currency), on: Self.runDate, text: "instalment plan fee")],
                toClaim: written.id!, creditorID: written.creditorID, on: store.database
            )
            _ = try await pay(17_000, written.currency, reference: written.paymentReference!, creditorID: written.creditorID, store)
            try await WriteOffs.writeOff(claimID: written.id!, creditorID: written.creditorID, reason: "test", by: "kari@example",
                                         userID: nil, on: Self.runDate, database: store.database)
            let before = try await CustomerCredit.balances(customerID: written.customerID, creditorID: written.creditorID, on: store.database)
            try await UnsentActs.undo([other.id!], on: Self.runDate, database: store.database)
            #expect(try await CollectionActRecord.find(other.id, on: store.database)?.deliveryStatus == UnsentActs.status)
            #expect(try await CustomerCredit.balances(customerID: written.customerID, creditorID: written.creditorID, on: store.database) == before)
        }
    }

    /// What a claim owed, and where it stood, at one moment.
    private struct Balances: Sendable {
        let fee: Int64, compensation: Int64, interest: Int64, sequence: Int64, stage: String

        init(_ claim: ClaimRecord) {
            (fee, compensation, interest) = (claim.feeOpenMinor, claim.compensationOpenMinor, claim.interestOpenMinor)
            (sequence, stage) = (claim.lastSequence, claim.stage)
        }
    }

    @Test("an inkassovarsel that never went is sent again, never skipped for the handover it announced", arguments: TestEngine.allCases)
    func unsentCollectionNoticeIsNoGroundForHandover(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let sql = store.database as! any SQLDatabase
            try await ranLedger(store)
            let composer = NoticeComposer(settings: settings())
            // Day by day, notices written, until a run sends formal notices.
            var day = Self.runDate
            var notices: [CollectionActRecord] = []
            while notices.isEmpty, day < Self.runDate.adding(days: 60) {
                _ = try await composer.composePending(date: day, on: store.database)
                day = day.adding(days: 1)
                _ = try await DailyRun(date: day).run(on: store.database)
                notices = try await CollectionActRecord.query(on: store.database).filter(\.$actDate == day.iso)
                    .filter(\.$kind == StepKind.collectionNotice.rawValue).all()
            }
            try #require(!notices.isEmpty)
            try await sql.raw("ALTER TABLE debtor_links RENAME TO debtor_links_away").run()
            _ = try await composer.composePending(date: day, on: store.database)
            try await sql.raw("ALTER TABLE debtor_links_away RENAME TO debtor_links").run()

            // Well past the deadline those notices would have given, their claims get the notice, not the handover.
            let later = day.adding(days: 21)
            _ = try await DailyRun(date: later).run(on: store.database)
            let acts = try await CollectionActRecord.query(on: store.database).filter(\.$actDate == later.iso)
                .filter(\.$claimID ~~ notices.map(\.claimID)).all()
            #expect(Set(acts.filter { $0.kind == StepKind.collectionNotice.rawValue }.map(\.claimID)) == Set(notices.map(\.claimID)))
            #expect(!acts.contains { $0.kind == StepKind.handover.rawValue })
        }
    }

    @Test("a claim disputed in part is asked only for the rest: in a notice written after the dispute, and in one written again for it",
          arguments: TestEngine.allCases)
    func partlyDisputedClaimIsAskedForTheRest(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await ranLedger(store)
            let acts = try await CollectionActRecord.query(on: store.database).filter(\.$actDate == Self.runDate.iso)
                .filter(\.$kind ~~ [StepKind.friendlyReminder, .reminder, .collectionNotice].map(\.rawValue)).sort(\.$groupKey).all()
            let before = try #require(acts.first)
            func dispute(_ act: CollectionActRecord, _ minorUnits: Int64) async throws {
                _ = try await Disputes.raise(
                    claimID: act.claimID, creditorID: act.creditorID, amount: Money(minorUnits: minorUnits, currency: try Currency.named(act.currency)),
                    reason: .wrongAmount, text: "one line is wrong", raisedBy: "debtor", userID: nil, on: Self.runDate, database: store.database
                )
            }
            // Disputed before its notice is written.
            try await dispute(before, 10_000)
            let round = DeliveryRound(settings: settings())
            _ = try await round.run(date: Self.runDate, on: store.database)
            try await expectAskedForTheRest(of: before, disputed: 10_000, store)

            // Disputed after its notice was written: the letter waiting to print is written again.
            var chosen: (CollectionActRecord, NoticeRecord)?
            for act in acts where act.claimID != before.claimID {
                if let notice = try await notice(of: act, store), notice.status == "toPrint" { chosen = (act, notice); break }
            }
            let (after, notice) = try #require(chosen)
            #expect(try await NoticeStanding.of([notice.id!], today: nil, on: store.database)[notice.id!] == .asWritten)
            try await dispute(after, 20_000)
            guard case .rewrite(let actIDs) = try await NoticeStanding.of([notice.id!], today: nil, on: store.database)[notice.id!] else {
                Issue.record("a notice whose claim was disputed since is written again"); return
            }
            #expect(actIDs.contains(after.id!))
            _ = try await round.run(date: Self.runDate, on: store.database)
            #expect(try await NoticeRecord.find(notice.id, on: store.database)?.status == "withdrawn")
            try await expectAskedForTheRest(of: after, disputed: 20_000, store)
        }
    }

    /// The live notice asking for `act`'s claim shows the disputed amount apart and asks for the open amount less it.
    private func expectAskedForTheRest(of act: CollectionActRecord, disputed: Int64, _ store: StandaloneDatabase) async throws {
        let notice = try #require(try await notice(of: act, store))
        let claim = try #require(try await ClaimRecord.find(act.claimID, on: store.database))
        let language = try #require(Language(rawValue: notice.language))
        let currency = try Currency.named(claim.currency)
        let letter = try #require(try await ArchivedDocumentRecord.query(on: store.database)
            .filter(\.$noticeID == notice.id!).filter(\.$role == "letter").first())
        let text = try pdfText([UInt8](letter.content)).replacingOccurrences(of: "\u{00A0}", with: " ")
        func shown(_ minorUnits: Int64) -> String { Money(minorUnits: minorUnits, currency: currency).formatted(language).replacingOccurrences(of: "\u{00A0}", with: " ") }
        #expect(text.contains(shown(-disputed)), "the disputed amount apart: \(text)")
        let links = try await NoticeClaimRecord.query(on: store.database).filter(\.$noticeID == notice.id!).all()
        if links.count == 1 { #expect(text.contains(shown(claim.openMinor - disputed)), "only the rest asked for") }
    }

    /// The notice that asks for `act`'s claim now: the one it was written into, or the one written again in its place.
    private func notice(of act: CollectionActRecord, _ store: StandaloneDatabase) async throws -> NoticeRecord? {
        let ids = try await NoticeClaimRecord.query(on: store.database).filter(\.$actID == act.id!).all().map(\.noticeID)
        return try await NoticeRecord.query(on: store.database).filter(\.$id ~~ ids).filter(\.$status ~~ ["toPrint", "queued", "sent"])
            .sort(\.$createdAt, .descending).first()
    }
}
