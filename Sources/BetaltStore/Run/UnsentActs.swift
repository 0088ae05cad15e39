import BetaltCore
import FluentKit
import Foundation
import SQLKit
import Synchronization

/// Acts whose notice never reached the debtor: it could not be written, failed for good, or was withdrawn or written
/// again without them. Such an act is no step taken. A fee is lawful only for a notice sent (NO inkf. § 1-2, SE IKL 2–3 §§),
/// and a handover only once a notice that reached the debtor has run out (NO inkl. § 9, SE IkL 5–6 §§). So the act is
/// marked not sent and left out of the claim's history (`DueClaims`); the fee and compensation it charged are taken back:
/// waived where the claim still owes them, and what the debtor already paid of them kept as the customer's credit (the
/// step, taken again, charges its fee again, so the debtor pays one fee for the one notice that went); a claim reminded
/// or noticed returns to the stage its other acts give, and the next day's run plans it again. The late interest it
/// charged stays: that runs from the due date whatever is sent. A claim an agency holds is left as it is.
public enum UnsentActs {
    /// The delivery status of an act whose notice never went.
    public static let status = "notSent"
    /// The statuses of acts on their way to the debtor: only those can turn out not to have gone.
    static let undoable = ["pending", "composed"]

    /// Undoes the acts of a notice that did not go, except `keeping` (the acts of the notice written in its place).
    public static func undo(notice noticeID: UUID, keeping: Set<UUID> = [], on date: CivilDate, database: any Database) async throws {
        let actIDs = try await NoticeClaimRecord.query(on: database).filter(\.$noticeID == noticeID).all()
            .compactMap(\.actID).filter { !keeping.contains($0) }
        try await undo(actIDs, on: date, database: database)
    }

    /// Undoes `actIDs`, in one transaction (the caller's, if one is open). Acts already undone or gone to the debtor
    /// are left as they are.
    public static func undo(_ actIDs: [UUID], on date: CivilDate, database: any Database) async throws {
        guard !actIDs.isEmpty else { return }
        try await database.writing { tx in
            // Conditional, so that of two processes undoing the same act only one takes its fee back.
            let undone = try await (tx as! any SQLDatabase).update(CollectionActRecord.schema)
                .set("delivery_status", to: status)
                .where("id", .in, actIDs).where("delivery_status", .in, undoable)
                .returning("id").all()
                .map { try $0.decode(column: "id", as: UUID.self) }
            guard !undone.isEmpty else { return }
            let acts = try await CollectionActRecord.query(on: tx).filter(\.$id ~~ undone).all()
            // Claims in one order, so that two writers locking several claims (PostgreSQL) cannot wait for each other.
            for (claimID, claimActs) in Dictionary(grouping: acts, by: \.claimID).sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                try await takeBack(claimActs, ofClaim: claimID, creditorID: claimActs[0].creditorID, on: date, tx)
            }
        }
    }

    private static func takeBack(
        _ acts: [CollectionActRecord], ofClaim claimID: UUID, creditorID: UUID, on date: CivilDate, _ tx: any Database
    ) async throws {
        guard let claim = try await ClaimRecord.query(on: tx).filter(\.$id == claimID).filter(\.$creditorID == creditorID).first(),
              claim.stage != ClaimStage.withAgency.rawValue
        else { return }
        let charged = [
            (LedgerComponent.fee, acts.reduce(0) { $0 + $1.feeMinor }),
            (.compensation, acts.reduce(0) { $0 + $1.compensationMinor }),
        ]
        let steps = acts.map(\.stepID).joined(separator: ", ")
        let waived = Mutex<Int64>(0)
        // Through the ledger's writer even with nothing to take back: it holds the claim's row (PostgreSQL) while the
        // stage is set below, so a daily run's batch of the claim that read it before waits, then finds it changed.
        let ledger = try await LedgerWriter.append(toClaim: claimID, creditorID: creditorID, on: tx) { ledger in
            charged.compactMap { component, amount in
                let back = min(amount, ledger.balances[component].minorUnits)
                guard back > 0 else { return nil }
                waived.withLock { $0 += back }
                return LedgerEntry(
                    kind: .waiver, component: component, amount: Money(minorUnits: back, currency: ledger.currency), date: date,
                    text: "\(steps): notice not sent, \(component.rawValue) taken back"
                )
            }
        }
        // What the waivers could not reach was paid (or written off) meanwhile: the part the debtor paid is theirs.
        let unreached = charged.reduce(0) { $0 + $1.1 } - waived.withLock { $0 }
        let paid = min(unreached, try await Self.paidOfUnsentCharges(ledger, claimID: claimID, creditorID: creditorID, tx))
        try await CustomerCredit.keepTakenBack(
            Money(minorUnits: paid, currency: ledger.currency), customerID: claim.customerID, creditorID: creditorID, claimID: claimID,
            why: "\(steps): notice not sent", on: date, on: tx
        )
        guard let now = try await ClaimRecord.query(on: tx).filter(\.$id == claimID).filter(\.$creditorID == creditorID).first(),
              !Self.settledOrWithAgency(now)
        else { return }
        if [ClaimStage.reminded, .noticed].map(\.rawValue).contains(now.stage) {
            let counted = try await CollectionActRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID)
                .filter(\.$deliveryStatus != status).sort(\.$actDate).all()
            now.stage = counted.reduce(ClaimStage.open) { stage, act in
                StepKind(rawValue: act.kind).map(stage.after) ?? stage
            }.rawValue
        }
        // Planned again from tomorrow: today's act of the same step keeps its key (claim, step, date).
        let tomorrow = date.adding(days: 1).iso
        if now.nextActionDate.map({ $0 > tomorrow }) ?? true { now.nextActionDate = tomorrow }
        try await now.update(on: tx)
        try await ClaimRevision.bump(claimID: claimID, creditorID: creditorID, on: tx)
    }

    private static func settledOrWithAgency(_ claim: ClaimRecord) -> Bool {
        claim.stage == ClaimStage.closed.rawValue || claim.stage == ClaimStage.withAgency.rawValue
    }

    /// What payments took of the fees and compensation of the claim's not-sent acts and is not yet the customer's credit.
    /// The charges that still count (fees of notices that went, a plan's fee) are taken to have been paid first, so the
    /// customer is never credited with more than they paid for notices that never went.
    private static func paidOfUnsentCharges(_ ledger: ClaimLedger, claimID: UUID, creditorID: UUID, _ tx: any Database) async throws -> Int64 {
        func total(_ kinds: Set<LedgerEntryKind>) -> Int64 {
            ledger.entries.filter { kinds.contains($0.kind) && ($0.component == .fee || $0.component == .compensation) }
                .reduce(0) { $0 + $1.amount.minorUnits }
        }
        let unsent = try await CollectionActRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID)
            .filter(\.$deliveryStatus == status).all().reduce(0) { $0 + $1.feeMinor + $1.compensationMinor }
        let credited = try await CustomerCreditEntryRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID)
            .filter(\.$kind == CustomerCredit.Kind.takenBack.rawValue).all().reduce(0) { $0 + $1.amountMinor }
        let stillCounted = total([.fee, .compensation]) - unsent
        return max(0, total([.payment]) - credited - stillCounted)
    }
}
