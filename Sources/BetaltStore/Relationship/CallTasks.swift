import BetaltCore
import FluentKit
import Foundation

/// The calls a person is to make: call-task acts of the ladder (a large claim before its notice) and of
/// broken promises, until someone records how the call went.
public enum CallTasks {
    /// One open call task with what the caller needs at hand.
    public struct Item: Sendable {
        public let act: CollectionActRecord
        public let claim: ClaimRecord
        public let customer: CustomerRecord
        /// Why the call is to be made, from the act's reasons.
        public let why: ReasonText
    }

    /// The calls still to make, oldest first; of one customer when `customerID` is given.
    public static func open(creditorID: UUID, customerID: UUID? = nil, on database: any Database) async throws -> [Item] {
        var query = CollectionActRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$kind == StepKind.callTask.rawValue).filter(\.$deliveryStatus == "task")
        if let customerID { query = query.filter(\.$customerID == customerID) }
        let acts = try await query.sort(\.$actDate).limit(200).all()
        let texts = try await ReasonTexts.load(for: acts.map(\.reasons), on: database)
        var items: [Item] = []
        for act in acts {
            guard let claim = try await ClaimRecord.find(act.claimID, on: database),
                  let customer = try await CustomerRecord.find(act.customerID, on: database) else { continue }
            items.append(Item(act: act, claim: claim, customer: customer, why: texts.reasons(act.reasons).first?.message ?? ReasonText(verbatim: act.stepID)))
        }
        return items
    }

    /// Records how the call went and closes the task: the outcome and note go into the customer's timeline,
    /// and a follow-up date, if one was agreed, becomes the next call task. Audited.
    public static func complete(
        _ actID: UUID, creditorID: UUID, reached: Bool, note: String, followUpOn: CivilDate? = nil, by user: String, userID: UUID?,
        today: CivilDate, on database: any Database
    ) async throws -> Bool {
        try await database.writing { tx in
            guard let act = try await CollectionActRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == actID)
                .filter(\.$kind == StepKind.callTask.rawValue).filter(\.$deliveryStatus == "task").first(),
                  let claim = try await ClaimRecord.find(act.claimID, on: tx)
            else { return false }
            act.deliveryStatus = reached ? "reached" : "notReached"
            try await act.update(on: tx)
            let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try await Conversation.add(
                kind: "call", outcome: act.deliveryStatus, customerID: act.customerID, claimID: act.claimID, creditorID: creditorID,
                text: text, author: user, on: today, database: tx
            )
            if let followUpOn, followUpOn > today {
                let reason = text.isEmpty
                    ? Reason("follow-up agreed on \(today)") : Reason("follow-up agreed on \(today): \(ReasonText(verbatim: text))")
                try await CallTask.add(for: claim, stepID: "follow-up", reason: reason, on: followUpOn, database: tx)
            }
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: reached ? "call.reached" : "call.notReached",
                subject: "claim \(act.claimID.uuidString)", detail: text
            ).create(on: tx)
            return true
        }
    }

    /// A call a person decides to make, on a day of their choosing.
    public static func schedule(
        claimID: UUID, creditorID: UUID, on date: CivilDate, reason: String, by user: String, userID: UUID?, database: any Database
    ) async throws -> Bool {
        try await database.writing { tx in
            guard let claim = try await ClaimRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == claimID).first()
            else { return false }
            let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let reason = why.isEmpty ? Reason("call planned by \(user)") : Reason(ReasonText(verbatim: why))
            try await CallTask.add(for: claim, stepID: "by-hand", reason: reason, on: date, database: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "call.planned", subject: "claim \(claimID.uuidString)",
                detail: "\(date.iso): \(why)"
            ).create(on: tx)
            return true
        }
    }
}

/// Call tasks a person works from the work queue: an act of kind callTask, unique per claim, reason and day.
enum CallTask {
    static func add(for claim: ClaimRecord, stepID: String, reason: Reason, on date: CivilDate, database: any Database) async throws {
        let exists = try await CollectionActRecord.query(on: database).filter(\.$claimID == claim.id!)
            .filter(\.$stepID == stepID).filter(\.$actDate == date.iso).count() > 0
        guard !exists else { return }
        let act = CollectionActRecord()
        act.creditorID = claim.creditorID
        act.claimID = claim.id!
        act.customerID = claim.customerID
        act.stepID = stepID
        act.kind = StepKind.callTask.rawValue
        act.actDate = date.iso
        act.currency = claim.currency
        act.feeMinor = 0
        act.compensationMinor = 0
        act.interestMinor = 0
        act.amountDueMinor = claim.openMinor
        act.groupKey = "\(claim.customerID.uuidString)/\(stepID)/\(date.iso)"
        act.reasons = (try? StableJSON.string([reason])) ?? "[]"
        act.deliveryStatus = "task"
        try await act.create(on: database)
    }
}
