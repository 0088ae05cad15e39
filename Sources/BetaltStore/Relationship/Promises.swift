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
    /// One promise is one amount: the claims it covers must be in one currency.
    case currenciesDiffer
}

/// Promises to pay: recorded by the creditor from a call or by the debtor on their page, for one claim or several of
/// one customer's; while one is open and not yet due the planner sends nothing for the claims it covers
/// (`ClaimFacts.promise`); the day after its date it is reviewed: kept if the promised amount came in on those claims
/// (or they are paid), else broken, which resumes the ladder and puts a call task in the work queue.
public enum Promises {
    /// Records a promise to pay `amount` (nil: all that is open) by `payBy` for the claims `claimIDs`, all of one
    /// customer and currency: a row for each claim, the first row's id their agreement. Returns the rows in the order
    /// of `claimIDs`.
    public static func make(
        claimIDs: [UUID], creditorID: UUID, payBy: CivilDate, amount: Money?, reason: String, madeBy: String, userID: UUID?,
        on date: CivilDate, database: any Database
    ) async throws -> [PromiseRecord] {
        try await database.writing { tx in
            var seen = Set<UUID>()
            let ids = claimIDs.filter { seen.insert($0).inserted }
            func read() async throws -> [ClaimRecord] {
                let found = try await ClaimRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id ~~ ids).all()
                let claims = ids.compactMap { id in found.first { $0.id == id } }
                guard let first = claims.first, claims.count == ids.count, claims.allSatisfy({ $0.customerID == first.customerID }) else {
                    throw PromiseRefused.claimNotFound
                }
                return claims
            }
            var claims = try await read()
            // Two promises made at once for the customer (a person and the debtor's page) are taken one after the other,
            // so a claim is never in two open promises. The claims name the customer to lock, and are read again once it
            // is locked: a promise made meanwhile, or a payment booked while this one waited, is seen. A payment booked
            // after that is the review's to count, as one booked after the promise would be.
            let sql = tx as! any SQLDatabase
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT id FROM customers WHERE id = \(bind: claims[0].customerID) AND creditor_id = \(bind: creditorID) FOR UPDATE").run()
                claims = try await read()
            }
            let first = claims[0]
            guard claims.allSatisfy({ $0.openMinor > 0 }) else { throw PromiseRefused.claimSettled }
            guard claims.allSatisfy({ $0.stage != ClaimStage.withAgency.rawValue }) else { throw PromiseRefused.withAgency }
            if let open = try await PromiseRecord.query(on: tx).filter(\.$claimID ~~ ids).filter(\.$status == "open").first() {
                throw PromiseRefused.alreadyPromised(payBy: open.payBy)
            }
            guard payBy > date else { throw PromiseRefused.dateNotAhead }
            guard claims.allSatisfy({ $0.currency == first.currency }) else { throw PromiseRefused.currenciesDiffer }
            let currency = try Currency.named(first.currency)
            let open = claims.reduce(Int64(0)) { $0 + $1.openMinor }
            let promised = amount?.minorUnits ?? open
            guard amount.map({ $0.currency == currency }) ?? true, promised > 0, promised <= open else {
                throw PromiseRefused.amountOutOfRange(open: Money(minorUnits: open, currency: currency))
            }
            let note = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if promised == open, note.isEmpty { throw PromiseRefused.wholeAmountNeedsReason }
            let agreement = UUID()
            var promises: [PromiseRecord] = []
            for claim in claims {
                let promise = PromiseRecord()
                promise.id = promises.isEmpty ? agreement : UUID()
                promise.agreementID = agreement
                promise.creditorID = creditorID
                promise.claimID = claim.id!
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
                promises.append(promise)
            }
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: madeBy, action: "promise.made", subject: "claim \(first.id!.uuidString)",
                detail: "\(Money(minorUnits: promised, currency: currency)) of \(claims.count == 1 ? "invoice" : "invoices")"
                    + " \(claims.map(\.invoiceNumber).joined(separator: ", ")) by \(payBy.iso)" + (note.isEmpty ? "" : ": \(note)")
            ).create(on: tx)
            return promises
        }
    }

    /// The customer's claims a promise may cover besides the one it is made with: overdue on `today`, open, not with an
    /// agency, not promised already, not disputed and not on a payment plan, oldest first. A page with several promise
    /// forms reads them once and picks each form's with `alsoCoverable(besides:currency:among:)`.
    public static func coverable(customerID: UUID, creditorID: UUID, today: CivilDate, on database: any Database) async throws -> [ClaimRecord] {
        let claims = try await PaymentPlans.eligibleClaims(customerID: customerID, creditorID: creditorID, on: database).filter {
            $0.dueDate < today.iso && $0.stage != ClaimStage.closed.rawValue
        }
        let promised = Set(try await PromiseRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$claimID ~~ claims.map { $0.id! }).filter(\.$status == "open").all().map(\.claimID))
        return claims.filter { !promised.contains($0.id!) }
    }

    /// Of `coverable`, the claims a promise made with the claim `id` may also cover: the others in its currency.
    public static func alsoCoverable(besides id: UUID, currency: String, among coverable: [ClaimRecord]) -> [ClaimRecord] {
        coverable.filter { $0.id != id && $0.currency == currency }
    }

    /// The customer's claims that a promise made with `claim` may also cover (`coverable`, in its currency).
    public static func alsoCoverable(with claim: ClaimRecord, today: CivilDate, on database: any Database) async throws -> [ClaimRecord] {
        alsoCoverable(
            besides: claim.id!, currency: claim.currency,
            among: try await coverable(customerID: claim.customerID, creditorID: claim.creditorID, today: today, on: database)
        )
    }

    /// The rows of the promise `agreement`, the one it is named by first.
    public static func rows(of agreement: UUID, creditorID: UUID, on database: any Database) async throws -> [PromiseRecord] {
        try await PromiseRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$agreementID == agreement).all()
            .sorted { ($0.id == agreement ? 0 : 1, $0.createdAt ?? .distantPast) < ($1.id == agreement ? 0 : 1, $1.createdAt ?? .distantPast) }
    }

    /// Reviews the promises whose date has passed by `today`, each as a whole: kept when the payments booked on the
    /// claims it covers since it was made add up to its amount (or nothing is left to pay on them), else broken — the
    /// ladder resumes on each of them and one call task goes to the work queue. Returns how many were kept and broken.
    @discardableResult
    public static func review(creditorID: UUID? = nil, today: CivilDate, on database: any Database) async throws -> (kept: Int, broken: Int) {
        var query = PromiseRecord.query(on: database).filter(\.$status == "open").filter(\.$payBy < today.iso)
        if let creditorID { query = query.filter(\.$creditorID == creditorID) }
        var agreements: [UUID] = []
        for row in try await query.sort(\.$createdAt).all() where !agreements.contains(row.agreementID) { agreements.append(row.agreementID) }
        var result = (kept: 0, broken: 0)
        for agreement in agreements {
            let broken = try await database.writing { tx -> Bool? in
                // Read again: a plan accepted meanwhile has replaced the promise.
                let rows = try await PromiseRecord.query(on: tx).filter(\.$agreementID == agreement).filter(\.$status == "open").all()
                guard let promise = rows.first else { return nil }
                let found = try await ClaimRecord.query(on: tx).filter(\.$id ~~ rows.map(\.claimID)).all()
                let claims = rows.compactMap { row in found.first { $0.id == row.claimID } }
                guard !claims.isEmpty else { return nil }
                let paid = try await LedgerEntryRecord.query(on: tx).filter(\.$claimID ~~ claims.map { $0.id! }).filter(\.$kind == "payment")
                    .filter(\.$entryDate >= promise.madeOn).all().reduce(Int64(0)) { $0 + $1.amountMinor }
                let kept = paid >= promise.amountMinor || claims.allSatisfy { $0.openMinor == 0 }
                for row in rows {
                    row.status = kept ? "kept" : "broken"
                    row.closedOn = today.iso
                    try await row.update(on: tx)
                }
                if !kept {
                    // The ladder resumes where it still can; an agency's claims are the agency's.
                    let resumed = claims.filter { $0.openMinor > 0 && $0.stage != ClaimStage.withAgency.rawValue && $0.stage != ClaimStage.closed.rawValue }
                    for claim in resumed { try await claim.lookAgain(from: today.iso, on: tx) }
                    if let customer = try await CustomerRecord.find(promise.customerID, on: tx) {
                        customer.promiseBrokenOn = today.iso
                        try await customer.update(on: tx)
                    }
                    if let call = resumed.first {
                        try await CallTask.add(
                            for: call, stepID: "broken-promise", reason: Reason("promise to pay by \(try CivilDate(iso: promise.payBy)) broken"), on: today,
                            database: tx
                        )
                    }
                }
                try await AuditRecord(
                    creditorID: promise.creditorID, userID: nil, actor: "betalt", action: kept ? "promise.kept" : "promise.broken",
                    subject: "claim \(claims[0].id!.uuidString)",
                    detail: "promised \(promise.amountMinor) by \(promise.payBy)"
                        + (claims.count == 1 ? "" : " for invoices \(claims.map(\.invoiceNumber).joined(separator: ", "))") + "; paid since: \(paid)"
                ).create(on: tx)
                return !kept
            }
            switch broken {
            case true?: result.broken += 1
            case false?: result.kept += 1
            case nil: break
            }
        }
        return result
    }

    /// A claim's promises, newest first.
    public static func of(claimID: UUID, creditorID: UUID, on database: any Database) async throws -> [PromiseRecord] {
        try await PromiseRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID)
            .sort(\.$madeOn, .descending).sort(\.$createdAt, .descending).all()
    }

    /// The open promise of each claim, for the planner, with the invoices it covers (in their order) when it covers
    /// several; `claims` is a relation of (creditor_id, claim_id) pairs.
    static func open(
        claims: SQLQueryString, on sql: any SQLDatabase
    ) async throws -> [UUID: (payBy: String, amount: Int64, invoiceNumbers: [String])] {
        let rows = try await sql.raw("""
            SELECT p.claim_id, p.pay_by, p.amount_minor, c.invoice_number
            FROM \(claims) AS k JOIN promises p ON p.creditor_id = k.creditor_id AND p.claim_id = k.claim_id
            JOIN promises q ON q.creditor_id = p.creditor_id AND q.agreement_id = p.agreement_id
            JOIN claims c ON c.creditor_id = q.creditor_id AND c.id = q.claim_id
            WHERE p.status = 'open'
            ORDER BY c.due_date, c.invoice_number
            """).all()
        var open: [UUID: (payBy: String, amount: Int64, invoiceNumbers: [String])] = [:]
        for row in rows {
            let id = try row.decode(column: "claim_id", as: UUID.self)
            let number = try row.decode(column: "invoice_number", as: String.self)
            if open[id] == nil {
                open[id] = (try row.decode(column: "pay_by", as: String.self), try row.decode(column: "amount_minor", as: Int64.self), [])
            }
            open[id]!.invoiceNumbers.append(number)
        }
        return open
    }
}
