import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// Persists one batch of plans (of one creditor or many) in one transaction: the acts (unique per claim, step and date), the ledger
/// entries they charge, the decision trail, and each claim's new balances, stage and next-action date.
/// Each table gets one statement per batch whose rows travel as one JSON parameter (see `JSONRows`). The rows are made
/// (`rows`) apart from being written (`write`), so the run makes them on the core that plans, not the one the database uses.
///
/// A claim is written only as it was read: a payment, a credit or a handover committed meanwhile (another process, a
/// bank file booked during the run) would otherwise be overwritten with the balances and stage planned before it.
/// The claims are updated first, guarded by the last ledger sequence and the stage they were read with; if any
/// changed, nothing of the batch is written (`ClaimsChangedMeanwhile`) and the run reads and plans it again. A
/// booking of payments for one of its creditors at work meanwhile is waited for first (`PaymentBookingLock`).
enum RunBatchWriter {
    /// A claim of a batch as it was read: where to read it again, and what its update is guarded by.
    struct ReadClaim {
        let key: DueClaimKey
        let lastSequence: Int64
        let stage: ClaimStage
        let revision: Int64

        /// The guarded columns' values, as `claimGuards` compares them.
        var guarded: [String] { [String(lastSequence), stage.rawValue, String(revision)] }
    }

    /// A batch's rows, ready to write. It keeps no claim or plan: only what it takes to check and count them.
    struct Output {
        var acts = JSONRows()
        var entries = JSONRows()
        var decisions = JSONRows()
        var claims = JSONRows()
        /// The words the acts' reasons name by key (`ReasonTexts`), kept before the acts.
        var texts = ReasonTexts.Named()
        /// The claims the rows are for, as they were read.
        var read: [ReadClaim] = []
        /// What the plans did, per creditor: counted in the run's reports once the batch is written.
        var counts: [UUID: CreditorRunReport] = [:]
        var claimCount: Int { read.count }

        /// A batch that is only counted (a dry run).
        init(counting planned: [(claim: DueClaim, plan: Plan)] = []) {
            for (claim, plan) in planned { count(claim, plan) }
        }

        /// Keeps the claim as it was read and counts what its plan does.
        mutating func count(_ claim: DueClaim, _ plan: Plan) {
            read.append(ReadClaim(
                key: DueClaimKey(creditorID: claim.creditorID, id: claim.id), lastSequence: claim.lastSequence, stage: claim.stage,
                revision: claim.revision
            ))
            counts[claim.creditorID, default: CreditorRunReport(creditorID: claim.creditorID, creditorName: "", outcome: "")]
                .count(plan, currency: claim.currency)
        }

        /// Makes each table's text now, on the core that plans (`JSONRows.finish`).
        mutating func finish() {
            acts.finish()
            entries.finish()
            decisions.finish()
            claims.finish()
        }
    }

    static let actColumns = [
        BulkColumn("id", .uuid), BulkColumn("creditor_id", .uuid), BulkColumn("claim_id", .uuid), BulkColumn("customer_id", .uuid),
        BulkColumn("step_id"), BulkColumn("kind"), BulkColumn("act_date"), BulkColumn("channel"), BulkColumn("currency"),
        BulkColumn("fee_minor", .bigint), BulkColumn("compensation_minor", .bigint), BulkColumn("interest_minor", .bigint),
        BulkColumn("amount_due_minor", .bigint), BulkColumn("deadline"), BulkColumn("waiver_if_paid_by"), BulkColumn("group_key"),
        BulkColumn("reasons"), BulkColumn("run_id", .uuid), BulkColumn("delivery_status"),
    ]
    static let entryColumns = [
        BulkColumn("id", .uuid), BulkColumn("creditor_id", .uuid), BulkColumn("claim_id", .uuid), BulkColumn("sequence", .bigint),
        BulkColumn("kind"), BulkColumn("component"), BulkColumn("amount_minor", .bigint), BulkColumn("currency"),
        BulkColumn("entry_date"), BulkColumn("text"), BulkColumn("recorded_at", .now),
    ]
    static let decisionColumns = [
        BulkColumn("id", .uuid), BulkColumn("creditor_id", .uuid), BulkColumn("claim_id", .uuid), BulkColumn("decided_on"),
        BulkColumn("outcome"), BulkColumn("step_id"), BulkColumn("reason"), BulkColumn("reason_arguments"), BulkColumn("citation"),
        BulkColumn("run_id", .uuid),
    ]
    /// The claim columns a batch holds the claim's rows to: what it read must still be there. Every change that
    /// matters to the plan moves one of them: the ledger's sequence (payments, credit notes, fees taken back), the
    /// stage, or the revision (`ClaimRevision`: a dispute, a promise, a plan ended, an act taken back without a fee).
    static let claimGuards = [
        BulkGuard(column: "last_sequence", expected: BulkColumn("read_last_sequence", .bigint)),
        BulkGuard(column: "stage", expected: BulkColumn("read_stage")),
        BulkGuard(column: "revision", expected: BulkColumn("read_revision", .bigint)),
    ]
    static let claimColumns = [
        BulkColumn("stage"), BulkColumn("next_action_date"), BulkColumn("fee_open_minor", .bigint),
        BulkColumn("interest_open_minor", .bigint), BulkColumn("compensation_open_minor", .bigint),
        BulkColumn("open_minor", .bigint), BulkColumn("last_sequence", .bigint), BulkColumn("interest_charged_through"),
        BulkColumn("waiver_offer_until"),
    ]

    static func rows(_ planned: [(claim: DueClaim, plan: Plan)], runID: UUID) throws -> Output {
        var output = Output()
        let run = BulkValue.uuid(runID)
        // One pass over the batch: each claim and plan is a large value, and a second pass copied them all again.
        for (claim, plan) in planned {
            output.count(claim, plan)
            try add(claim, plan, run: run, to: &output)
        }
        output.finish()
        return output
    }

    /// Writes the batch, in the caller's transaction; throws `ClaimsChangedMeanwhile`, having written nothing
    /// the transaction keeps, when a claim is no longer as it was read.
    static func write(_ output: Output, on sql: any SQLDatabase) async throws {
        guard output.claimCount > 0 else { return }
        try await PaymentBookingLock.take(creditorIDs: output.counts.keys, on: sql)
        let updated = try await BulkStatement.update(
            "claims", key: BulkColumn("id", .uuid), set: claimColumns, unlessChanged: claimGuards, rows: output.claims, on: sql
        )
        guard updated == output.claimCount else { throw ClaimsChangedMeanwhile() }
        try await ReasonTexts.write(output.texts.words, on: sql)
        try await BulkStatement.insert(into: "collection_acts", actColumns, rows: output.acts, on: sql)
        try await BulkStatement.insert(into: "ledger_entries", entryColumns, rows: output.entries, on: sql)
        try await BulkStatement.insert(into: "claim_decisions", decisionColumns, rows: output.decisions, on: sql)
    }

    /// The claims of a batch that are no longer as they were read (or are gone).
    static func changedClaims(_ read: [ReadClaim], on sql: any SQLDatabase) async throws -> Set<UUID> {
        var ids = JSONRows()
        for claim in read { ids.append(.uuid(claim.key.id)) }
        var now: [UUID: [String]] = [:]
        for row in try await BulkStatement.rows(["c.id", "c.last_sequence", "c.stage", "c.revision"], """
            FROM claims c JOIN \(BulkStatement.relation(ids, [BulkColumn("id", .uuid)], on: sql)) AS k ON c.id = k.id
            """, on: sql) {
            now[try row.uuid(0)] = [String(try row.integer(1)), try row.text(2), String(try row.integer(3))]
        }
        return Set(read.filter { claim in now[claim.key.id].map { $0 != claim.guarded } ?? true }.map(\.key.id))
    }

    private static func add(_ claim: DueClaim, _ plan: Plan, run: BulkValue, to output: inout Output) throws {
        let today = plan.date.iso
        let creditor = BulkValue.uuid(claim.creditorID), claimID = BulkValue.uuid(claim.id)
        var sequence = claim.lastSequence
        var balances = claim.facts.balances
        var stage = claim.stage
        var interestThrough = claim.facts.interestChargedThrough
        // An offer made in writing stands until its day, also after a later step that makes none.
        var waiverOffer = claim.waiverOfferUntil
        for decision in plan.decisions {
            // An act keeps its reasons on its own row; only the other outcomes need a decision row.
            if let (outcome, stepID, reason) = trail(decision) {
                output.decisions.append(
                    .uuid(TimeOrderedID.next()), creditor, claimID, .text(today), .text(outcome), .optional(stepID),
                    .text(reason.message.template),
                    reason.message.arguments.isEmpty ? .null : .utf8(ReasonsJSON.utf8(reason.message.arguments)),
                    .optional(reason.citation), run
                )
            }
            guard case .act(let act) = decision else { continue }
            let interest = act.interest?.total
            for (component, amount, text) in [
                (LedgerComponent.fee, act.fee, "\(act.step.id): \(act.step.kind.rawValue) fee"),
                (.compensation, act.compensation, "\(act.step.id): B2B compensation"),
                (.interest, interest, "late interest through \(today)"),
            ] {
                guard let amount, amount.isPositive else { continue }
                sequence += 1
                output.entries.append(
                    .uuid(TimeOrderedID.next()), creditor, claimID, .integer(sequence),
                    .text(LedgerEntryKind.charge(for: component).rawValue), .text(component.rawValue),
                    .integer(amount.minorUnits), .text(amount.currency.code), .text(today), .text(text)
                )
                balances = try balances.replacing(component, with: try balances[component].adding(amount))
            }
            if let interest, interest.isPositive { interestThrough = plan.date }
            if let offer = act.waiverIfPaidBy?.iso, offer > waiverOffer ?? "" { waiverOffer = offer }
            output.acts.append(
                .uuid(TimeOrderedID.next()), creditor, claimID, .uuid(claim.customerID),
                .text(act.step.id), .text(act.step.kind.rawValue), .text(today), .optional(act.channel?.rawValue),
                .text(claim.currency.code), .integer(act.fee?.minorUnits ?? 0), .integer(act.compensation?.minorUnits ?? 0),
                .integer(interest?.minorUnits ?? 0), .integer(act.amountDue.minorUnits), .optional(act.deadline?.iso),
                .optional(act.waiverIfPaidBy?.iso), .text("\(UUIDText.string(claim.customerID))/\(act.step.id)/\(today)"),
                .utf8(ReasonsJSON.utf8(act.reasons, naming: &output.texts)), run, .text(act.step.kind == .callTask ? "task" : "pending")
            )
            stage = stage.after(act.step.kind)
        }
        // A claim is looked at once a day at most: the next look is never today, so a rerun finds nothing to do.
        let next = plan.nextActionDate.map { max($0, plan.date.adding(days: 1)).iso }
        output.claims.append(
            claimID, .text(stage.rawValue), .optional(next), .integer(balances.fee.minorUnits),
            .integer(balances.interest.minorUnits), .integer(balances.compensation.minorUnits),
            .integer(balances.total.minorUnits), .integer(sequence), .optional(interestThrough?.iso), .optional(waiverOffer),
            .integer(claim.lastSequence), .text(claim.stage.rawValue), .integer(claim.revision)
        )
    }

    /// The decision-trail row of an outcome other than an act (nil for an act).
    private static func trail(_ decision: Decision) -> (String, String?, Reason)? {
        switch decision {
        case .act: nil
        case .wait(let until, let reason): ("wait", nil, Reason("until \(until): \(reason.message)", citation: reason.citation))
        case .refuse(let stepID, let reason): ("refuse", stepID, reason)
        case .stop(let reason): ("stop", nil, reason)
        case .attention(let reason): ("attention", nil, reason)
        }
    }
}

extension ClaimStage {
    /// The stage after a step: a later stage is never undone by an earlier kind of step.
    func after(_ kind: StepKind) -> ClaimStage {
        switch kind {
        case .friendlyReminder, .reminder: self == .open ? .reminded : self
        case .collectionNotice: .noticed
        case .callTask: self
        case .handover: .handoverPending
        }
    }
}

/// A claim of the batch changed after it was read: the batch was not written.
struct ClaimsChangedMeanwhile: Error, CustomStringConvertible {
    var description: String { "claims of a batch were no longer as the run had read them, so the batch was not written" }
}
