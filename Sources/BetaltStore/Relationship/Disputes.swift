import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// Why a debtor disputes a claim.
public enum DisputeReason: String, Sendable, CaseIterable {
    case wrongAmount, notDelivered, quality, alreadyPaid, other
}

/// How an accepted dispute comes off the claim: a credit note when the invoice was wrong, a write-off when
/// the creditor lets the amount go (goodwill, a loss not worth pursuing).
public enum DisputeSettlement: String, Sendable {
    case creditNote, writeOff
}

/// A dispute that cannot be recorded or decided, with the reason for the person.
public enum DisputeRefused: Error, Equatable, Sendable {
    case claimNotFound
    case claimSettled
    case amountOutOfRange(open: Money)
    case alreadyDecided
    /// The debtor's page has taken `DebtorSubmissions.disputeFilesPerDay` files for this customer in the last day.
    case tooManyFiles(limit: Int)
}

/// Raising and deciding disputes. While a dispute is open the daily run collects nothing of its amount
/// (the planner reads it as `ClaimFacts.disputedAmount`); deciding it lets the ladder resume, never with
/// a step skipped and never with less time than the notice gave.
public enum Disputes {
    /// Records a dispute of `amount` (nil: everything open) on the creditor's claim, with the files that
    /// back it, in one transaction; the claim is looked at again in the next run. Audited.
    public static func raise(
        claimID: UUID, creditorID: UUID, amount: Money?, reason: DisputeReason, text: String, raisedBy: String, userID: UUID?,
        attachments: [Attachment] = [], on date: CivilDate, database: any Database
    ) async throws -> DisputeRecord {
        try await database.writing { tx in
            let dispute = try await record(
                claimID: claimID, creditorID: creditorID, amount: amount, reason: reason, text: text, raisedBy: raisedBy, userID: userID,
                on: date, database: tx)
            try await attach(attachments, to: dispute, by: raisedBy, database: tx)
            return dispute
        }
    }

    private static func record(
        claimID: UUID, creditorID: UUID, amount: Money?, reason: DisputeReason, text: String, raisedBy: String, userID: UUID?,
        on date: CivilDate, database: any Database
    ) async throws -> DisputeRecord {
        try await database.writing { tx in
            guard let claim = try await ClaimRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == claimID).first()
            else { throw DisputeRefused.claimNotFound }
            let currency = try Currency.named(claim.currency)
            guard claim.openMinor > 0 else { throw DisputeRefused.claimSettled }
            let disputed = amount?.minorUnits ?? claim.openMinor
            guard amount.map({ $0.currency == currency }) ?? true, disputed > 0, disputed <= claim.openMinor else {
                throw DisputeRefused.amountOutOfRange(open: Money(minorUnits: claim.openMinor, currency: currency))
            }
            // A second identical submission (a double click, a reload) returns the dispute already open.
            if let open = try await DisputeRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID)
                .filter(\.$status == "open").filter(\.$raisedBy == raisedBy).filter(\.$amountMinor == disputed).first() {
                return open
            }
            let dispute = DisputeRecord()
            dispute.creditorID = creditorID
            dispute.claimID = claimID
            dispute.customerID = claim.customerID
            dispute.amountMinor = disputed
            dispute.currency = claim.currency
            dispute.reason = reason.rawValue
            dispute.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            dispute.raisedBy = raisedBy
            dispute.raisedOn = date.iso
            dispute.status = "open"
            try await dispute.create(on: tx)
            try await claim.lookAgain(from: date.iso, on: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: raisedBy, action: "dispute.raised", subject: "claim \(claimID.uuidString)",
                detail: "\(Money(minorUnits: disputed, currency: currency)) of invoice \(claim.invoiceNumber) disputed (\(reason.rawValue)): \(dispute.text)"
            ).create(on: tx)
            return dispute
        }
    }

    /// A file to attach, already checked and hashed by the caller.
    public struct Attachment: Sendable {
        public let fileName: String
        public let mediaType: String
        public let content: Data
        public let sha256: String

        public init(fileName: String, mediaType: String, content: Data, sha256: String) {
            self.fileName = fileName
            self.mediaType = mediaType
            self.content = content
            self.sha256 = sha256
        }
    }

    /// Keeps files that back a dispute; the same file twice is kept once.
    public static func attach(
        _ attachments: [Attachment], to dispute: DisputeRecord, by author: String, database: any Database
    ) async throws {
        let known = Set(try await DisputeAttachmentRecord.query(on: database).filter(\.$disputeID == dispute.id!).all().map(\.sha256))
        if author == "debtor" {
            let new = Set(attachments.map(\.sha256)).subtracting(known).count
            let lastDay = try await DisputeAttachmentRecord.query(on: database).filter(\.$creditorID == dispute.creditorID)
                .filter(\.$customerID == dispute.customerID).filter(\.$addedBy == "debtor")
                .filter(\.$createdAt > Date().addingTimeInterval(-86_400)).count()
            guard new == 0 || lastDay + new <= DebtorSubmissions.disputeFilesPerDay else {
                throw DisputeRefused.tooManyFiles(limit: DebtorSubmissions.disputeFilesPerDay)
            }
        }
        var added = known
        for file in attachments where !added.contains(file.sha256) {
            let record = DisputeAttachmentRecord()
            record.creditorID = dispute.creditorID
            record.disputeID = dispute.id!
            record.customerID = dispute.customerID
            record.fileName = file.fileName
            record.mediaType = file.mediaType
            record.content = file.content
            record.sha256 = file.sha256
            record.byteCount = Int64(file.content.count)
            record.addedBy = author
            try await record.create(on: database)
            added.insert(file.sha256)
        }
    }

    /// The files of a creditor's disputes, without their bytes, by dispute.
    public static func attachments(disputeIDs: [UUID], creditorID: UUID, on database: any Database) async throws -> [UUID: [DisputeAttachmentRecord]] {
        Dictionary(grouping: try await DisputeAttachmentRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$disputeID ~~ disputeIDs).field(\.$id).field(\.$disputeID).field(\.$fileName).field(\.$mediaType)
            .field(\.$byteCount).field(\.$sha256).sort(\.$createdAt).all(), by: \.disputeID)
    }

    /// Decides an open dispute. Accepted: the disputed amount comes off the claim's principal (as far as it is
    /// open) as a credit note or a write-off. Rejected: collection resumes, and a notice deadline that ran while
    /// the dispute was open is given again in full from today, so the next step waits for it. Audited.
    public static func decide(
        _ disputeID: UUID, creditorID: UUID, accepted: Bool, settlement: DisputeSettlement = .creditNote, explanation: String,
        by user: String, userID: UUID?, on date: CivilDate, database: any Database
    ) async throws -> DisputeRecord {
        try await database.writing { tx in
            guard let dispute = try await DisputeRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == disputeID).first(),
                  let claim = try await ClaimRecord.find(dispute.claimID, on: tx)
            else { throw DisputeRefused.claimNotFound }
            guard dispute.status == "open" else { throw DisputeRefused.alreadyDecided }
            let currency = try Currency.named(dispute.currency)
            if accepted {
                let credited = min(dispute.amountMinor, claim.principalOpenMinor)
                if credited > 0 {
                    try await LedgerWriter.append(
                        [LedgerEntry(
                            kind: settlement == .creditNote ? .creditNote : .writeOff, component: .principal,
                            amount: Money(minorUnits: credited, currency: currency), date: date,
                            text: "dispute accepted (\(settlement == .creditNote ? "credit note" : "written off")): \(explanation)"
                        )],
                        toClaim: claim.id!, creditorID: creditorID, on: tx
                    )
                }
            } else {
                try await renewDeadline(of: claim.id!, creditorID: creditorID, from: date, on: tx)
            }
            dispute.status = accepted ? "accepted" : "rejected"
            dispute.decidedOn = date.iso
            dispute.decidedBy = user
            dispute.decisionText = explanation.trimmingCharacters(in: .whitespacesAndNewlines)
            try await dispute.update(on: tx)
            if let current = try await ClaimRecord.find(claim.id, on: tx), current.stage != ClaimStage.closed.rawValue {
                try await current.lookAgain(from: date.iso, on: tx)
            }
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: accepted ? "dispute.accepted" : "dispute.rejected",
                subject: "claim \(claim.id!.uuidString)",
                detail: "\(Money(minorUnits: dispute.amountMinor, currency: currency))\(accepted ? " as \(settlement.rawValue)" : ""): \(explanation)"
            ).create(on: tx)
            return dispute
        }
    }

    /// The latest notice's deadline, given again in full (as many days as the notice gave) from `date`.
    private static func renewDeadline(of claimID: UUID, creditorID: UUID, from date: CivilDate, on database: any Database) async throws {
        guard let act = try await CollectionActRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$claimID == claimID).filter(\.$deadline != nil)
            .filter(\.$deliveryStatus != UnsentActs.status).sort(\.$actDate, .descending).first(),
            let deadline = act.deadline.flatMap({ try? CivilDate(iso: $0) }), let sent = try? CivilDate(iso: act.actDate)
        else { return }
        let fresh = date.adding(days: sent.days(until: deadline))
        if fresh > deadline {
            act.deadline = fresh.iso
            try await act.update(on: database)
        }
    }

    /// The open disputed amount of each claim (claims without an open dispute are absent); `claims` is a
    /// relation of (creditor_id, claim_id) pairs.
    static func openAmounts(claims: SQLQueryString, on sql: any SQLDatabase) async throws -> [UUID: Int64] {
        let rows = try await sql.raw("""
            SELECT d.claim_id, CAST(SUM(d.amount_minor) AS BIGINT) AS disputed
            FROM \(claims) AS k JOIN disputes d ON d.creditor_id = k.creditor_id AND d.claim_id = k.claim_id
            WHERE d.status = 'open' GROUP BY d.claim_id
            """).all()
        var amounts: [UUID: Int64] = [:]
        for row in rows { amounts[try row.decode(column: "claim_id", as: UUID.self)] = try row.decode(column: "disputed", as: Int64.self) }
        return amounts
    }

    /// A dispute whose claim closed while it was open (paid, credited, waived or written off in full): nothing is
    /// collected any more, so nothing is left to decide, and it leaves the work queue.
    public static let closedWithClaim = "closed"

    /// Closes the open disputes of a claim that closed on `date`; in the caller's transaction.
    static func closeOpen(ofClaim claimID: UUID, creditorID: UUID, on date: CivilDate, sql: any SQLDatabase) async throws {
        try await closeOpen(ofClaims: [(UUIDText.string(claimID), date)], creditorID: creditorID, sql: sql)
    }

    /// The same for claims closed together (a bank file's chunk): each claim's id as the table holds it, and its day.
    static func closeOpen(ofClaims claims: [(id: String, closedOn: CivilDate)], creditorID: UUID, sql: any SQLDatabase) async throws {
        var rows = JSONRows()
        for claim in claims { rows.append(.text(claim.id), .text(closedWithClaim), .text(claim.closedOn.iso), .text("Betalt")) }
        try await BulkStatement.update(
            DisputeRecord.schema, key: BulkColumn("claim_id", .uuid), set: [BulkColumn("status"), BulkColumn("decided_on"), BulkColumn("decided_by")],
            rows: rows, where: "disputes.creditor_id = \(bind: creditorID) AND disputes.status = 'open'", on: sql
        )
    }

    /// The creditor's open disputes, oldest first: the work queue.
    public static func open(creditorID: UUID, on database: any Database) async throws -> [DisputeRecord] {
        try await DisputeRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$status == "open")
            .sort(\.$raisedOn).sort(\.$createdAt).all()
    }

    /// A claim's disputes, newest first.
    public static func of(claimID: UUID, creditorID: UUID, on database: any Database) async throws -> [DisputeRecord] {
        try await DisputeRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID)
            .sort(\.$raisedOn, .descending).all()
    }
}
