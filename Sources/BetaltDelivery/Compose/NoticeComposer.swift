import BetaltCore
import BetaltDocuments
import BetaltStore
import FluentKit
import Foundation
import SQLKit

/// Writes the notices the daily run decided: for every group of acts still pending, the letter (PDF) and,
/// on the e-mail channel, the message exactly as it will be sent; archives them with their SHA-256 and
/// queues the e-mail in the outbox. One group per transaction; a rerun finds nothing left to do.
public struct NoticeComposer: Sendable {
    public let settings: DeliverySettings
    let documents: NoticeDocuments

    public init(settings: DeliverySettings) {
        self.settings = settings
        self.documents = NoticeDocuments(settings: settings)
    }

    /// Composes every pending notice (of one creditor, or all) dated `date`.
    public func composePending(creditorID: UUID? = nil, date: CivilDate, on database: any Database) async throws -> ComposeReport {
        var report = ComposeReport()
        var failedGroups: Set<String> = []
        while true {
            let batch = try await pendingActs(creditorID: creditorID, excluding: failedGroups, on: database)
            if batch.isEmpty { break }
            let byCreditor = Dictionary(grouping: batch, by: \.creditorID)
            for (creditorID, acts) in byCreditor {
                guard let creditor = try await CreditorRecord.find(creditorID, on: database) else { continue }
                let assembler = NoticeAssembler(creditor: creditor, ladders: try await LadderBook.load(creditorID: creditorID, on: database))
                let templates = try documents.templates(for: creditorID)
                for (key, group) in Dictionary(grouping: acts, by: { "\($0.groupKey)/\($0.currency)" }) {
                    do {
                        try await compose(group, key: key, assembler: assembler, templates: templates, date: date, on: database)
                        report.composed += 1
                    } catch {
                        failedGroups.insert(key)
                        // Another process composed this group meanwhile (the unique key refused ours): done.
                        let composedElsewhere = try await NoticeRecord.query(on: database)
                            .filter(\.$creditorID == creditorID).filter(\.$groupKey == key).count() > 0
                        if composedElsewhere { continue }
                        report.failures.append("\(creditor.name), \(key): \(error)")
                        try await markFailed(group, key: key, reason: "\(error)", date: date, on: database)
                    }
                }
            }
        }
        return report
    }

    /// The acts of up to 100 groups still waiting for their notice.
    private func pendingActs(creditorID: UUID?, excluding failed: Set<String>, on database: any Database) async throws -> [CollectionActRecord] {
        var query = CollectionActRecord.query(on: database)
            .filter(\.$deliveryStatus == "pending")
            .filter(\.$kind ~~ [StepKind.friendlyReminder.rawValue, StepKind.reminder.rawValue, StepKind.collectionNotice.rawValue])
        if let creditorID { query = query.filter(\.$creditorID == creditorID) }
        var acts = try await query.sort(\.$creditorID).sort(\.$groupKey).limit(500).all()
        if acts.count == 500, let last = acts.last {
            // The limit may cut the last group in two: complete it, so a group is always one notice.
            let known = Set(acts.compactMap(\.id))
            acts += try await CollectionActRecord.query(on: database)
                .filter(\.$creditorID == last.creditorID).filter(\.$groupKey == last.groupKey)
                .filter(\.$deliveryStatus == "pending").all()
                .filter { !known.contains($0.id!) }
        }
        return acts.filter { !failed.contains("\($0.groupKey)/\($0.currency)") }
    }

    /// Writes the letter that replaces an e-mail which could not be delivered. The letter is dated the day
    /// it is written; where its step gives a deadline, the deadline counts from that day (never shorter than
    /// the law's minimum because the e-mail failed), and the acts carry the later deadline so the next step
    /// waits for it. A notice that is not one of the run's (a plan's offer, a dispute's answer) goes to the print list
    /// as it was archived.
    /// Returns whether a letter was written.
    @discardableResult
    public func composeLetterFallback(for noticeID: UUID, date: CivilDate, on database: any Database) async throws -> Bool {
        guard let failed = try await NoticeRecord.find(noticeID, on: database) else { return false }
        let existing = try await NoticeRecord.query(on: database).filter(\.$creditorID == failed.creditorID)
            .filter(\.$groupKey == failed.groupKey).filter(\.$channel == Channel.letter.rawValue).count()
        guard existing == 0, let creditor = try await CreditorRecord.find(failed.creditorID, on: database) else { return false }
        let links = try await NoticeClaimRecord.query(on: database).filter(\.$noticeID == noticeID).all()
        guard links.contains(where: { $0.actID != nil }) else {
            // Not one of the run's notices (a plan's offer, a dispute's answer): its letter is the PDF archived with it. One
            // about claims settled meanwhile (a dispute's answer never is: `NoticeStanding`) is withdrawn rather than left
            // failed for a person, or printed.
            if try await NoticeStanding.of([noticeID], today: date, on: database)[noticeID] == .nothingToAsk {
                try await withdraw(failed, detail: "the e-mail failed (\(failed.statusDetail ?? "refused")); all it was about was settled since: no letter", on: database)
                return false
            }
            guard let customer = try await CustomerRecord.query(on: database).filter(\.$creditorID == failed.creditorID)
                .filter(\.$id == failed.customerID).first() else { return false }
            try await database.writing { tx in
                try await failed.printInstead(
                    to: customer, detail: "the e-mail failed (\(failed.statusDetail ?? "refused")): to be printed and posted instead", on: tx
                )
            }
            return true
        }
        // The letter asks only for what is still owed: not for a claim settled, handed over or stopped meanwhile (`NoticeStanding`).
        var actIDs = links.compactMap(\.actID)
        switch try await NoticeStanding.of([noticeID], today: date, on: database)[noticeID] {
        case .nothingToAsk:
            try await UnsentActs.undo(notice: noticeID, on: date, database: database)
            return false
        case .rewrite(let askable): actIDs = askable
        case .asWritten, nil: break
        }
        let acts = try await CollectionActRecord.query(on: database).filter(\.$id ~~ actIDs).all()
        guard !acts.isEmpty else { return false }
        let kept = Set(acts.compactMap(\.id))
        do {
            let assembler = NoticeAssembler(creditor: creditor, ladders: try await LadderBook.load(creditorID: creditor.id!, on: database))
            // The acts the letter leaves out (their claims were settled, handed over or stopped meanwhile) never went.
            try await compose(
                acts, key: failed.groupKey, assembler: assembler, templates: try documents.templates(for: creditor.id!), date: date,
                channel: .letter, retiring: { tx in try await UnsentActs.undo(notice: noticeID, keeping: kept, on: date, database: tx) },
                on: database
            )
            return true
        } catch {
            // Neither the e-mail nor a letter went: none of its acts counts.
            try await UnsentActs.undo(notice: noticeID, on: date, database: database)
            throw error
        }
    }

    /// Marks a failed notice and its failed e-mail withdrawn, with a delivery event saying why, in one transaction and only
    /// if the notice is still failed (another drain may have dealt with it meanwhile).
    private func withdraw(_ notice: NoticeRecord, detail: String, on database: any Database) async throws {
        try await database.writing { tx in
            let sql = tx as! any SQLDatabase
            let changed = try await sql.update(NoticeRecord.schema)
                .set("status", to: NoticeStatus.withdrawn.rawValue).set("status_detail", to: detail)
                .where("id", .equal, notice.id!).where("status", .equal, NoticeStatus.failed.rawValue)
                .returning("id").all()
            guard !changed.isEmpty else { return }
            try await sql.update(OutboxMessageRecord.schema).set("status", to: OutboxStatus.withdrawn.rawValue)
                .where("notice_id", .equal, notice.id!).where("status", .equal, OutboxStatus.failed.rawValue).run()
            try await DeliveryEventRecord.append(to: (notice.id!, notice.creditorID), outcome: "withdrawn", detail: detail, now: Date(), on: tx)
        }
    }

    /// Writes `notice` again for the acts whose claims are still to be asked for (`NoticeStanding.rewrite`): on its
    /// channel, dated `date`, with the amounts the ledger holds now, queued at `queuedAt`. `retiring` runs first in the
    /// same transaction and takes the old notice out of delivery, so exactly one of the two can go. An e-mail written again
    /// keeps the delivery attempts already made to the address (`attemptsMade`), so one that keeps failing still ends,
    /// and a letter goes instead, however often it is written again.
    public func rewrite(
        _ notice: NoticeRecord, actIDs: [UUID], date: CivilDate, queuedAt: Date = Date(), attemptsMade: Int = 0, on database: any Database,
        retiring: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        guard let creditor = try await CreditorRecord.find(notice.creditorID, on: database) else { throw ComposeError("the creditor is missing") }
        let acts = try await CollectionActRecord.query(on: database).filter(\.$creditorID == notice.creditorID).filter(\.$id ~~ actIDs).all()
        guard !acts.isEmpty else { throw ComposeError("the acts of the notice are missing") }
        let assembler = NoticeAssembler(creditor: creditor, ladders: try await LadderBook.load(creditorID: creditor.id!, on: database))
        // Each writing leaves fewer claims or other amounts, so the key (unique per channel) grows with every one.
        try await compose(
            acts, key: "\(notice.groupKey)/\(acts.count)", assembler: assembler, templates: try documents.templates(for: creditor.id!), date: date,
            channel: Channel(rawValue: notice.channel), queuedAt: queuedAt, attemptsMade: attemptsMade, retiring: retiring, on: database
        )
    }

    private func compose(
        _ acts: [CollectionActRecord], key: String, assembler: NoticeAssembler, templates: NoticeTemplates,
        date: CivilDate, channel override: Channel? = nil, queuedAt: Date = Date(), attemptsMade: Int = 0,
        retiring: (@Sendable (any Database) async throws -> Void)? = nil, on database: any Database
    ) async throws {
        let creditorID = assembler.creditor.id!
        let claimIDs = acts.map(\.claimID)
        let claims = try await ClaimRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id ~~ claimIDs).all()
        guard claims.count == Set(claimIDs).count, let customer = try await CustomerRecord.find(acts[0].customerID, on: database),
              customer.creditorID == creditorID
        else { throw ComposeError("the claims or the customer of the acts are missing") }
        // A notice written later than its act (a fallback letter, or composing that waited) still gives the
        // step's full deadline from the day it is written.
        if override != nil || acts.contains(where: { $0.actDate < date.iso }) {
            for act in acts {
                guard let claim = claims.first(where: { $0.id == act.claimID }),
                      let days = try assembler.deadlineDays(of: act, claim: claim, customer: customer)
                else { continue }
                let fresh = BusinessCalendar.noticeDeadline(sentOn: date, days: days).iso
                if act.deadline.map({ $0 < fresh }) ?? true { act.deadline = fresh }
            }
        }
        let link = DebtorLink.issue(customerID: customer.id!, creditorID: creditorID, date: date, settings: settings)
        let ownReference = claims.count == 1 ? claims[0].paymentReference : nil
        var reference = ownReference
        if reference == nil { reference = try await PaymentReferences.fresh(country: assembler.country, creditorID: creditorID, on: database) }
        var chargedFees: [UUID: [NoticeFee]] = [:]
        for act in try await CollectionActRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$claimID ~~ claimIDs).filter(\.$feeMinor > 0).filter(\.$deliveryStatus != UnsentActs.status).sort(\.$actDate).all() {
            guard let step = StepKind(rawValue: act.kind) else { continue }
            chargedFees[act.claimID, default: []].append(NoticeFee(step: step, amount: Money(minorUnits: act.feeMinor, currency: try Currency.named(act.currency))))
        }
        var disputed: [UUID: Int64] = [:]
        for dispute in try await DisputeRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$claimID ~~ claimIDs).filter(\.$status == "open").all() {
            disputed[dispute.claimID, default: 0] += dispute.amountMinor
        }
        var draft = try assembler.content(
            acts: acts, claims: claims, customer: customer, date: date, link: link.url, chargedFees: chargedFees, disputed: disputed
        )
        draft.reminded = try await CollectionActRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$claimID ~~ claimIDs).filter(\.$kind ~~ [StepKind.friendlyReminder.rawValue, StepKind.reminder.rawValue])
            .filter(\.$deliveryStatus != UnsentActs.status).filter(\.$actDate < acts[0].actDate).count() > 0
        draft.paymentReference = reference
        let content = draft
        let channel = override ?? Channel(rawValue: acts[0].channel ?? "") ?? .letter
        let invoices = (channel == .email && content.kind != .collectionNotice)
            ? try await InvoiceDocumentRecord.query(on: database).filter(\.$creditorID == creditorID)
                .filter(\.$claimID ~~ claimIDs).filter(\.$kind == "invoice").all()
            : []
        let rendered = try documents.render(content, templates: templates, channel: channel, customer: customer, invoices: invoices)
        try await database.writing { tx in
            try await retiring?(tx)
            try await link.record.create(on: tx)
            try await NoticeWriter.write(
                rendered, content: content, ownReference: ownReference == nil ? content.paymentReference : nil, acts: acts, claims: claims,
                key: key, creditorID: creditorID, customerID: customer.id!, queuedAt: queuedAt, attemptsMade: attemptsMade, on: tx
            )
        }
    }

    /// A group whose notice cannot be written: recorded as a failed notice the creditor sees, so the rest of the run goes
    /// on. Its acts never went (`UnsentActs`): their fees are taken back and the next day's run plans the claims again.
    private func markFailed(_ acts: [CollectionActRecord], key: String, reason: String, date: CivilDate, on database: any Database) async throws {
        try await database.writing { tx in
            let notice = NoticeRecord()
            notice.creditorID = acts[0].creditorID
            notice.customerID = acts[0].customerID
            notice.kind = acts[0].kind
            notice.language = ""
            notice.channel = acts[0].channel ?? Channel.letter.rawValue
            notice.recipient = ""
            notice.groupKey = key
            notice.noticeDate = date.iso
            notice.title = ""
            notice.status = NoticeStatus.failed.rawValue
            notice.statusDetail = "not composed: \(reason)"
            try await notice.create(on: tx)
            for act in acts {
                try await NoticeClaimRecord.link(notice, claimID: act.claimID, actID: act.id, on: tx)
            }
            try await UnsentActs.undo(acts.compactMap(\.id), on: date, database: tx)
        }
    }
}

/// What composing did: notices written, and groups that could not be, with the reason.
public struct ComposeReport: Sendable {
    public var composed = 0
    public var failures: [String] = []
}
