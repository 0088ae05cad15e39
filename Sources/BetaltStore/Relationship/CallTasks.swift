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
        public let why: String
    }

    public static func open(creditorID: UUID, on database: any Database) async throws -> [Item] {
        let acts = try await CollectionActRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$kind == StepKind.callTask.rawValue).filter(\.$deliveryStatus == "task").sort(\.$actDate).limit(200).all()
        var items: [Item] = []
        for act in acts {
            guard let claim = try await ClaimRecord.find(act.claimID, on: database),
                  let customer = try await CustomerRecord.find(act.customerID, on: database) else { continue }
            let reasons = (try? JSONDecoder().decode([Reason].self, from: Data(act.reasons.utf8))) ?? []
            items.append(Item(act: act, claim: claim, customer: customer, why: reasons.first?.text ?? act.stepID))
        }
        return items
    }

    /// Records how the call went and closes the task; audited (the customer's conversation history).
    public static func complete(
        _ actID: UUID, creditorID: UUID, reached: Bool, note: String, by user: String, userID: UUID?, on database: any Database
    ) async throws -> Bool {
        try await database.transaction { tx in
            guard let act = try await CollectionActRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == actID)
                .filter(\.$kind == StepKind.callTask.rawValue).filter(\.$deliveryStatus == "task").first()
            else { return false }
            act.deliveryStatus = reached ? "reached" : "notReached"
            try await act.update(on: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: reached ? "call.reached" : "call.notReached",
                subject: "claim \(act.claimID.uuidString)", detail: note.trimmingCharacters(in: .whitespacesAndNewlines)
            ).create(on: tx)
            return true
        }
    }
}
