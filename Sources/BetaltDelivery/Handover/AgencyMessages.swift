import BetaltCore
import BetaltFormats
import BetaltStore
import FluentKit
import Foundation
import SQLKit

/// Why a recall cannot be made.
public enum RecallRefused: Error, Equatable, Sendable {
    case notWithAgency
    case alreadyRequested
}

/// Messages from the creditor to the agency after handover (issue 7): corrections when the claim changes
/// on the creditor's side, recalls when the creditor wants a case back. Each is an `AgencyMessage` file,
/// kept, and sent the way the agency takes handover packages.
public enum AgencyMessages {
    /// Finds every case an agency holds whose claim changed on the creditor's side since the agency was last
    /// told (a payment made directly to the creditor, matched by KID/OCR or by hand; a credit note; a
    /// write-off) and writes one correction per case. Entries the agency's own updates booked are not
    /// reported back. Returns how many corrections were written.
    @discardableResult
    public static func correct(creditorID: UUID? = nil, today: CivilDate, on database: any Database) async throws -> Int {
        let sql = database as! any SQLDatabase
        let creditor: SQLQueryString = creditorID.map { "AND hc.creditor_id = \(bind: $0)" } ?? ""
        let changed = try await sql.raw("""
            SELECT hc.id FROM handover_cases hc
            JOIN claims c ON c.id = hc.claim_id
            JOIN handover_batches b ON b.id = hc.batch_id
            WHERE hc.status IN ('active', 'recallRequested') AND b.status = 'sent' AND c.last_sequence > hc.reported_sequence \(creditor)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        var written = 0
        for caseID in changed where try await correct(caseID: caseID, today: today, on: database) { written += 1 }
        return written
    }

    private static func correct(caseID: UUID, today: CivilDate, on database: any Database) async throws -> Bool {
        try await database.writing { tx in
            guard let handover = try await HandoverCaseRecord.find(caseID, on: tx),
                  let claim = try await ClaimRecord.find(handover.claimID, on: tx), claim.lastSequence > handover.reportedSequence
            else { return false }
            let booked = try await AgencyUpdateRecord.query(on: tx).filter(\.$caseID == caseID).all()
                .compactMap { update in update.firstSequence.flatMap { first in update.lastSequence.map { first...$0 } } }
            let unreported = try await LedgerEntryRecord.query(on: tx).filter(\.$claimID == claim.id!)
                .filter(\.$sequence > Int(handover.reportedSequence)).sort(\.$sequence).all()
                .filter { entry in !booked.contains { $0.contains(Int64(entry.sequence)) } }
            if !unreported.isEmpty {
                let message = try await record(
                    .correction, for: handover, claim: claim, changes: try unreported.map { HandoverManifest.LedgerLine(try $0.domainEntry()) },
                    key: "correction/\(claim.lastSequence)",
                    text: "The claim changed on the creditor's side after handover; reduce the case by the changes listed.",
                    today: today, on: tx
                )
                try await message.create(on: tx)
            }
            handover.reportedSequence = claim.lastSequence
            try await handover.update(on: tx)
            return !unreported.isEmpty
        }
    }

    /// After payments reach the ledger: a correction for each agency holding one of the claims paid, sent at once.
    public static func afterPayments(creditorID: UUID, today: CivilDate, settings: DeliverySettings, on database: any Database) async throws {
        guard try await correct(creditorID: creditorID, today: today, on: database) > 0 else { return }
        try await deliver(creditorID: creditorID, today: today, settings: settings, on: database)
    }

    /// Asks the agency for a case back. The case stays with the agency until it confirms (an update of type
    /// recallConfirmed); Betalt takes no step on it meanwhile.
    @discardableResult
    public static func recall(
        claimID: UUID, creditorID: UUID, reason: String, today: CivilDate, by user: String, userID: UUID?, settings: DeliverySettings,
        on database: any Database
    ) async throws -> AgencyMessageRecord {
        let message = try await database.writing { tx -> AgencyMessageRecord in
            let cases = try await HandoverCaseRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID).all()
            guard let handover = cases.first(where: { $0.state.isWithAgency }),
                  try await HandoverBatchRecord.find(handover.batchID, on: tx)?.status == "sent",
                  let claim = try await ClaimRecord.find(claimID, on: tx)
            else { throw RecallRefused.notWithAgency }
            guard handover.state == .active else { throw RecallRefused.alreadyRequested }
            let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let message = try await record(
                .recall, for: handover, claim: claim, changes: [], key: "recall/\(today.iso)",
                text: text.isEmpty ? "The creditor recalls the case. Please stop all work on it and confirm the recall." : text,
                today: today, on: tx
            )
            try await message.create(on: tx)
            handover.status = HandoverCaseState.recallRequested.rawValue
            try await handover.update(on: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "handover.recall", subject: "claim \(claimID.uuidString)",
                detail: "invoice \(claim.invoiceNumber) recalled: \(message.fileName)"
            ).create(on: tx)
            return message
        }
        try await deliver(creditorID: creditorID, today: today, settings: settings, on: database)
        return try await AgencyMessageRecord.find(message.id!, on: database) ?? message
    }

    /// Sends every waiting message to agencies that take files in a folder or at an endpoint, like the
    /// packages. Messages of download agencies wait on the Inkasso page. A folder or endpoint that does not
    /// take one keeps it waiting for the next round and is named in `failures`.
    @discardableResult
    public static func deliver(
        creditorID: UUID? = nil, today: CivilDate, settings: DeliverySettings, on database: any Database
    ) async throws -> (written: Int, failures: [String]) {
        var query = AgencyMessageRecord.query(on: database).filter(\.$status == "ready")
        if let creditorID { query = query.filter(\.$creditorID == creditorID) }
        let waiting = try await query.sort(\.$createdAt).all()
        let agencies = Dictionary(uniqueKeysWithValues: try await AgencyRecord.query(on: database)
            .filter(\.$id ~~ Set(waiting.map(\.agencyID))).all().map { ($0.id!, $0) })
        var written = 0
        var failures: [String] = []
        for message in waiting {
            guard let agency = agencies[message.agencyID], agency.delivery != "download" else { continue }
            do {
                try Handovers.transmit(message.content, named: message.fileName, mediaType: "application/json", to: agency, settings: settings)
            } catch {
                failures.append("\(message.fileName) for \(agency.name): \(error)")
                continue
            }
            message.status = "delivered"
            message.deliveredOn = today.iso
            try await message.update(on: database)
            written += 1
        }
        return (written, failures)
    }

    /// A download agency's message, marked delivered the first time a person fetches it.
    public static func fetch(messageID: UUID, creditorID: UUID, today: CivilDate, on database: any Database) async throws -> AgencyMessageRecord? {
        guard let message = try await AgencyMessageRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id == messageID).first()
        else { return nil }
        if message.status == "ready" {
            message.status = "delivered"
            message.deliveredOn = today.iso
            try await message.update(on: database)
        }
        return message
    }

    private static func record(
        _ kind: AgencyMessage.Kind, for handover: HandoverCaseRecord, claim: ClaimRecord, changes: [HandoverManifest.LedgerLine], key: String,
        text: String, today: CivilDate, on database: any Database
    ) async throws -> AgencyMessageRecord {
        guard let batch = try await HandoverBatchRecord.find(handover.batchID, on: database),
              let agency = try await AgencyRecord.find(batch.agencyID, on: database),
              let creditor = try await CreditorRecord.find(handover.creditorID, on: database)
        else { throw HandoverRefused.batchNotFound }
        let id = UUID()
        let message = AgencyMessage(
            messageID: id.uuidString.lowercased(), kind: kind, createdOn: today, creditor: CaseFiles.party(creditor),
            agency: .init(name: agency.name, agreementReference: agency.agreementReference), claimID: claim.id!.uuidString.lowercased(),
            batchID: batch.id!.uuidString.lowercased(), invoiceNumber: claim.invoiceNumber, changes: changes,
            open: .init(try claim.balances()), text: text
        )
        let content = try message.json()
        let record = AgencyMessageRecord()
        record.id = id
        record.creditorID = handover.creditorID
        record.agencyID = agency.id!
        record.caseID = handover.id!
        record.claimID = claim.id!
        record.kind = kind.rawValue
        record.messageKey = key
        record.createdOn = today.iso
        record.fileName = message.fileName
        record.content = content
        record.sha256 = sha256Hex(Array(content))
        record.status = "ready"
        return record
    }
}
