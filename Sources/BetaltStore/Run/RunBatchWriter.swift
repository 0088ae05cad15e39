import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// Persists one batch of plans in one transaction: the acts (unique per claim, step and date), the ledger
/// entries they charge, the decision trail, and each claim's new balances, stage and next-action date.
/// Multi-row statements keep a million-claim run to a few thousand round trips (DESIGN.md §11).
enum RunBatchWriter {
    struct Output {
        var acts: [any SQLExpression] = []
        var entries: [any SQLExpression] = []
        var decisions: [any SQLExpression] = []
        var claims: [any SQLExpression] = []
    }

    static func write(
        _ planned: [(claim: DueClaim, plan: Plan)], creditorID: UUID, runID: UUID, on sql: any SQLDatabase
    ) async throws {
        guard !planned.isEmpty else { return }
        var output = Output()
        for (claim, plan) in planned {
            try add(claim, plan, creditorID: creditorID, runID: runID, to: &output)
        }
        try await insert(into: "collection_acts", columns: [
            "id", "creditor_id", "claim_id", "customer_id", "step_id", "kind", "act_date", "channel", "currency",
            "fee_minor", "compensation_minor", "interest_minor", "amount_due_minor", "deadline", "waiver_if_paid_by",
            "group_key", "reasons", "run_id", "delivery_status",
        ], rows: output.acts, on: sql)
        try await insert(into: "ledger_entries", columns: [
            "id", "creditor_id", "claim_id", "sequence", "kind", "component", "amount_minor", "currency", "entry_date",
            "text", "recorded_at",
        ], rows: output.entries, on: sql)
        try await insert(into: "claim_decisions", columns: [
            "id", "creditor_id", "claim_id", "decided_on", "outcome", "step_id", "reason", "citation", "run_id",
        ], rows: output.decisions, on: sql)
        for chunk in output.claims.chunked(into: 500) {
            try await sql.raw("""
                WITH v(id, stage, next_action_date, fee_open_minor, interest_open_minor, compensation_open_minor,
                       open_minor, last_sequence, interest_charged_through)
                AS (VALUES \(SQLList(Array(chunk))))
                UPDATE claims SET stage = v.stage, next_action_date = v.next_action_date,
                       fee_open_minor = v.fee_open_minor, interest_open_minor = v.interest_open_minor,
                       compensation_open_minor = v.compensation_open_minor, open_minor = v.open_minor,
                       last_sequence = v.last_sequence, interest_charged_through = v.interest_charged_through
                FROM v WHERE claims.id = v.id
                """).run()
        }
    }

    private static func add(_ claim: DueClaim, _ plan: Plan, creditorID: UUID, runID: UUID, to output: inout Output) throws {
        let today = plan.date
        var sequence = claim.lastSequence
        var balances = claim.facts.balances
        var stage = claim.stage
        var interestThrough = claim.facts.interestChargedThrough
        let now = Date()
        for decision in plan.decisions {
            let (outcome, stepID, reason) = trail(decision)
            output.decisions.append(row(
                TimeOrderedID.next(), creditorID, claim.id, today.iso, outcome, stepID, reason.text, reason.citation, runID
            ))
            guard case .act(let act) = decision else { continue }
            let interest = act.interest?.total
            for (component, amount, text) in [
                (LedgerComponent.fee, act.fee, "\(act.step.id): \(act.step.kind.rawValue) fee"),
                (.compensation, act.compensation, "\(act.step.id): B2B compensation"),
                (.interest, interest, "late interest through \(today.iso)"),
            ] {
                guard let amount, amount.isPositive else { continue }
                sequence += 1
                output.entries.append(row(
                    TimeOrderedID.next(), creditorID, claim.id, sequence, LedgerEntryKind.charge(for: component).rawValue,
                    component.rawValue, amount.minorUnits, amount.currency.code, today.iso, text, now
                ))
                balances = try balances.replacing(component, with: try balances[component].adding(amount))
            }
            if let interest, interest.isPositive { interestThrough = today }
            output.acts.append(row(
                TimeOrderedID.next(), creditorID, claim.id, claim.customerID, act.step.id, act.step.kind.rawValue, today.iso,
                act.channel?.rawValue, claim.currency.code, act.fee?.minorUnits ?? 0, act.compensation?.minorUnits ?? 0,
                interest?.minorUnits ?? 0, act.amountDue.minorUnits, act.deadline?.iso, act.waiverIfPaidBy?.iso,
                "\(claim.customerID.uuidString)/\(act.step.id)/\(today.iso)", try reasonsJSON(act.reasons), runID,
                act.step.kind == .callTask ? "task" : "pending"
            ))
            stage = stage.after(act.step.kind)
        }
        // A claim is looked at once a day at most: the next look is never today, so a rerun finds nothing to do.
        let next = plan.nextActionDate.map { max($0, today.adding(days: 1)).iso }
        output.claims.append(row(
            claim.id, stage.rawValue, next, balances.fee.minorUnits, balances.interest.minorUnits,
            balances.compensation.minorUnits, balances.total.minorUnits, sequence, interestThrough?.iso
        ))
    }

    private static func trail(_ decision: Decision) -> (String, String?, Reason) {
        switch decision {
        case .act(let act):
            (
                "act", act.step.id,
                Reason(act.reasons.map(\.text).joined(separator: "; "), citation: act.reasons.compactMap(\.citation).joined(separator: "; "))
            )
        case .wait(let until, let reason): ("wait", nil, Reason("until \(until.iso): \(reason.text)", citation: reason.citation))
        case .refuse(let stepID, let reason): ("refuse", stepID, reason)
        case .stop(let reason): ("stop", nil, reason)
        case .attention(let reason): ("attention", nil, reason)
        }
    }

    private static func reasonsJSON(_ reasons: [Reason]) throws -> String {
        try StableJSON.string(reasons)
    }

    private static func row(_ values: (any Encodable & Sendable)?...) -> any SQLExpression {
        SQLGroupExpression(SQLList(values.map { value in value.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null }))
    }

    private static func insert(into table: String, columns: [String], rows: [any SQLExpression], on sql: any SQLDatabase) async throws {
        for chunk in rows.chunked(into: max(1, 20_000 / columns.count)) {
            try await sql.raw("""
                INSERT INTO \(ident: table) (\(SQLList(columns.map { SQLIdentifier($0) })))
                VALUES \(SQLList(Array(chunk)))
                """).run()
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
        case .handover: .withAgency
        }
    }
}
