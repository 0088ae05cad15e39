import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A promise that cannot be recorded, with the reason for the person.
public enum PromiseRefused: Error, Equatable, Sendable {
    case claimNotFound
    case claimSettled
    case alreadyPromised(payBy: String)
    case dateNotAhead
    case amountOutOfRange(open: Money)
    /// Deferring everything needs a reason: a significant part now is the norm.
    case wholeAmountNeedsReason
    /// An agency holds the claim: agreements about it are the agency's to make.
    case withAgency
}

/// Promises to pay: recorded by the creditor from a call or by the debtor on their page; while one is open
/// and not yet due the planner sends nothing (`ClaimFacts.promise`); the day after its date it is reviewed:
/// kept if the promised amount came in (or the claim is paid), else broken, which resumes the ladder and
/// puts a call task in the work queue.
public enum Promises {
    public static func make(
        claimID: UUID, creditorID: UUID, payBy: CivilDate, amount: Money?, reason: String, madeBy: String, userID: UUID?,
        on date: CivilDate, database: any Database
    ) async throws -> PromiseRecord {
        try await database.writing { tx in
            guard let claim = try await ClaimRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == claimID).first()
            else { throw PromiseRefused.claimNotFound }
            guard claim.openMinor > 0 else { throw PromiseRefused.claimSettled }
            guard claim.stage != ClaimStage.withAgency.rawValue else { throw PromiseRefused.withAgency }
            if let open = try await PromiseRecord.query(on: tx).filter(\.$claimID == claimID).filter(\.$status == "open").first() {
                throw PromiseRefused.alreadyPromised(payBy: open.payBy)
            }
            guard payBy > date else { throw PromiseRefused.dateNotAhead }
            let currency = try Currency.named(claim.currency)
            let promised = amount?.minorUnits ?? claim.openMinor
            guard amount.map({ $0.currency == currency }) ?? true, promised > 0, promised <= claim.openMinor else {
                throw PromiseRefused.amountOutOfRange(open: Money(minorUnits: claim.openMinor, currency: currency))
            }
            let note = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if promised == claim.openMinor, note.isEmpty { throw PromiseRefused.wholeAmountNeedsReason }
            let promise = PromiseRecord()
            promise.creditorID = creditorID
            promise.claimID = claimID
            promise.customerID = claim.customerID
            promise.payBy = payBy.iso
            promise.amountMinor = promised
            promise.currency = claim.currency
            promise.reason = note
            promise.madeBy = madeBy
            promise.madeOn = date.iso
            promise.status = "open"
            try await promise.create(on: tx)
            try await claim.lookAgain(from: date.iso, on: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: madeBy, action: "promise.made", subject: "claim \(claimID.uuidString)",
                detail: "\(Money(minorUnits: promised, currency: currency)) of invoice \(claim.invoiceNumber) by \(payBy.iso)"
                    + (note.isEmpty ? "" : ": \(note)")
            ).create(on: tx)
            return promise
        }
    }

    /// Reviews the promises whose date has passed by `today`: kept when the payments booked on the claim
    /// since the promise add up to its amount (or nothing is left to pay), else broken — the ladder resumes
    /// and a call task goes to the work queue. Returns how many were kept and broken.
    @discardableResult
    public static func review(creditorID: UUID? = nil, today: CivilDate, on database: any Database) async throws -> (kept: Int, broken: Int) {
        var query = PromiseRecord.query(on: database).filter(\.$status == "open").filter(\.$payBy < today.iso)
        if let creditorID { query = query.filter(\.$creditorID == creditorID) }
        var result = (kept: 0, broken: 0)
        for promise in try await query.all() {
            let broken = try await database.writing { tx -> Bool in
                guard let claim = try await ClaimRecord.find(promise.claimID, on: tx) else { return false }
                let paid = try await LedgerEntryRecord.query(on: tx).filter(\.$claimID == claim.id!).filter(\.$kind == "payment")
                    .filter(\.$entryDate >= promise.madeOn).all().reduce(Int64(0)) { $0 + $1.amountMinor }
                let kept = paid >= promise.amountMinor || claim.openMinor == 0
                promise.status = kept ? "kept" : "broken"
                promise.closedOn = today.iso
                try await promise.update(on: tx)
                if !kept {
                    try await claim.lookAgain(from: today.iso, on: tx)
                    if let customer = try await CustomerRecord.find(claim.customerID, on: tx) {
                        customer.promiseBrokenOn = today.iso
                        try await customer.update(on: tx)
                    }
                    try await CallTask.add(for: claim, stepID: "broken-promise", reason: Reason("promise to pay by \(try CivilDate(iso: promise.payBy)) broken"), on: today, database: tx)
                }
                try await AuditRecord(
                    creditorID: promise.creditorID, userID: nil, actor: "betalt", action: kept ? "promise.kept" : "promise.broken",
                    subject: "claim \(claim.id!.uuidString)", detail: "promised \(promise.amountMinor) by \(promise.payBy); paid since: \(paid)"
                ).create(on: tx)
                return !kept
            }
            if broken { result.broken += 1 } else { result.kept += 1 }
        }
        return result
    }

    /// A claim's promises, newest first.
    public static func of(claimID: UUID, creditorID: UUID, on database: any Database) async throws -> [PromiseRecord] {
        try await PromiseRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID)
            .sort(\.$madeOn, .descending).sort(\.$createdAt, .descending).all()
    }

    /// The open promise of each claim, for the planner; `claims` is a relation of (creditor_id, claim_id) pairs.
    static func open(claims: SQLQueryString, on sql: any SQLDatabase) async throws -> [UUID: (payBy: String, amount: Int64)] {
        let rows = try await sql.raw("""
            SELECT p.claim_id, p.pay_by, p.amount_minor
            FROM \(claims) AS k JOIN promises p ON p.creditor_id = k.creditor_id AND p.claim_id = k.claim_id
            WHERE p.status = 'open'
            """).all()
        var open: [UUID: (payBy: String, amount: Int64)] = [:]
        for row in rows {
            open[try row.decode(column: "claim_id", as: UUID.self)] = (
                try row.decode(column: "pay_by", as: String.self), try row.decode(column: "amount_minor", as: Int64.self)
            )
        }
        return open
    }
}
