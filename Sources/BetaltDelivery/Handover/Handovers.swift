import BetaltCore
import BetaltFormats
import BetaltStore
import FluentKit
import Foundation

/// A handover that cannot be made as asked.
public enum HandoverRefused: Error, Equatable, Sendable {
    case agencyNotFound
    case batchNotFound
    case alreadySent
    case folderNotWritable(String)
    /// Folder delivery needs BETALT_HANDOVER_DIR, and the agency's folder a plain name inside it.
    case noHandoverFolder
    /// Claims in the package changed since it was made (paid, disputed, promised…): it must be made again.
    case outOfDate([StaleClaim])
    /// The agency's endpoint did not take the package.
    case endpointRefused(String)
}

/// A claim of a package that is no longer ready, and what keeps it back now.
public struct StaleClaim: Sendable, Equatable {
    public let invoiceNumber: String
    public let reasons: [Reason]
}

/// Handover batches (issue 7): the ready claims of a creditor go, for one agency, into one ZIP (manifest and
/// documents); a person reviews it and sends it, or the agency's agreement lets it go at once. Claims that
/// are not ready stay in the queue with their reasons; nothing incomplete is ever packaged.
public enum Handovers {
    /// Packages every ready claim for `agencyID`; nil when none is ready. One transaction: a claim's
    /// handover act is in at most one batch (unique), so two runs at once cannot package it twice.
    public static func prepareBatch(
        creditorID: UUID, agencyID: UUID, today: CivilDate, by user: String, userID: UUID?, settings: DeliverySettings,
        on database: any Database
    ) async throws -> HandoverBatchRecord? {
        guard let creditor = try await CreditorRecord.find(creditorID, on: database),
              let agency = try await AgencyRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id == agencyID).first()
        else { throw HandoverRefused.agencyNotFound }
        let ready = try await HandoverQueue.candidates(creditorID: creditorID, today: today, on: database).filter(\.isReady)
        guard !ready.isEmpty else { return nil }
        let batchID = UUID()
        let (manifest, files) = try await CaseFiles.assemble(
            ready.map { ($0.claim, $0.customer) }, creditor: creditor, agency: agency, batchID: batchID, today: today, on: database
        )
        let zip = try HandoverPackage.zip(manifest, files: files)
        let batch = try await database.writing { tx -> HandoverBatchRecord in
            let batch = HandoverBatchRecord()
            batch.id = batchID
            batch.creditorID = creditorID
            batch.agencyID = agencyID
            batch.status = "review"
            batch.createdOn = today.iso
            batch.caseCount = ready.count
            batch.fileName = "handover-\(today.iso)-\(batchID.uuidString.prefix(8).lowercased()).zip"
            batch.content = zip
            batch.sha256 = sha256Hex(Array(zip))
            try await batch.create(on: tx)
            for candidate in ready {
                let entry = HandoverCaseRecord()
                entry.creditorID = creditorID
                entry.batchID = batchID
                entry.claimID = candidate.claim.id!
                entry.actID = candidate.act.id!
                entry.status = HandoverCaseState.active.rawValue
                entry.reportedSequence = candidate.claim.lastSequence
                try await entry.create(on: tx)
                candidate.act.deliveryStatus = "inBatch"
                try await candidate.act.update(on: tx)
            }
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "handover.prepared", subject: "batch \(batchID.uuidString)",
                detail: "\(ready.count) cases for \(agency.name), SHA-256 \(batch.sha256)"
            ).create(on: tx)
            return batch
        }
        return agency.autoSend
            ? try await send(batchID: batchID, creditorID: creditorID, today: today, by: user, userID: userID, settings: settings, on: database)
            : batch
    }

    /// Sends a reviewed batch: written to the agency's folder where it has one, marked sent, and its claims'
    /// handover acts recorded as done.
    @discardableResult
    public static func send(
        batchID: UUID, creditorID: UUID, today: CivilDate, by user: String, userID: UUID?, settings: DeliverySettings,
        on database: any Database
    ) async throws -> HandoverBatchRecord {
        guard let batch = try await HandoverBatchRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id == batchID).first(),
              let agency = try await AgencyRecord.find(batch.agencyID, on: database)
        else { throw HandoverRefused.batchNotFound }
        guard batch.status == "review" else { throw HandoverRefused.alreadySent }
        let packed = try await HandoverCaseRecord.query(on: database).filter(\.$batchID == batchID).all()
        let acts = try await CollectionActRecord.query(on: database).filter(\.$id ~~ packed.map(\.actID)).all()
        let stale = try await HandoverQueue.assess(acts, creditorID: creditorID, today: today, on: database).filter { !$0.isReady }
        guard stale.isEmpty else {
            throw HandoverRefused.outOfDate(stale.map { StaleClaim(invoiceNumber: $0.claim.invoiceNumber, reasons: $0.blocks.map(\.reason)) })
        }
        try transmit(batch.content, named: batch.fileName, mediaType: "application/zip", to: agency, settings: settings)
        let sent = try await database.writing { tx in
            batch.status = "sent"
            batch.sentOn = today.iso
            try await batch.update(on: tx)
            let cases = try await HandoverCaseRecord.query(on: tx).filter(\.$batchID == batchID).all()
            for act in try await CollectionActRecord.query(on: tx).filter(\.$id ~~ cases.map(\.actID)).all() {
                act.deliveryStatus = "handedOver"
                try await act.update(on: tx)
            }
            // From now on the agency works the claims and Betalt takes no step of its own (issue 7).
            for claim in try await ClaimRecord.query(on: tx).filter(\.$id ~~ cases.map(\.claimID)).all()
            where claim.stage != ClaimStage.closed.rawValue {
                claim.stage = ClaimStage.withAgency.rawValue
                claim.nextActionDate = nil
                try await claim.update(on: tx)
            }
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "handover.sent", subject: "batch \(batchID.uuidString)",
                detail: "\(batch.caseCount) cases to \(agency.name)" + (agency.delivery == "download" ? " for download" : " at \(agency.target)")
            ).create(on: tx)
            return batch
        }
        try await noticeDebtors(of: sent, agency: agency, today: today, settings: settings, on: database)
        return sent
    }

    /// Puts a package that was not sent aside: its claims wait in the queue again, to be packaged anew.
    public static func discard(batchID: UUID, creditorID: UUID, by user: String, userID: UUID?, on database: any Database) async throws {
        try await database.writing { tx in
            guard let batch = try await HandoverBatchRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == batchID).first()
            else { throw HandoverRefused.batchNotFound }
            guard batch.status == "review" else { throw HandoverRefused.alreadySent }
            let packed = try await HandoverCaseRecord.query(on: tx).filter(\.$batchID == batchID).all()
            for act in try await CollectionActRecord.query(on: tx).filter(\.$id ~~ packed.map(\.actID)).all() {
                act.deliveryStatus = "pending"
                try await act.update(on: tx)
            }
            try await HandoverCaseRecord.query(on: tx).filter(\.$batchID == batchID).delete()
            batch.status = "discarded"
            try await batch.update(on: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "handover.discarded", subject: "batch \(batchID.uuidString)",
                detail: "\(packed.count) cases back in the queue"
            ).create(on: tx)
        }
    }

    /// Each debtor whose ladder says so learns in writing which agency now has their claims.
    private static func noticeDebtors(
        of batch: HandoverBatchRecord, agency: AgencyRecord, today: CivilDate, settings: DeliverySettings, on database: any Database
    ) async throws {
        guard let creditor = try await CreditorRecord.find(batch.creditorID, on: database), let country = Country(rawValue: creditor.country)
        else { return }
        let ladders = try await LadderBook.load(creditorID: creditor.id!, on: database)
        let claimIDs = try await HandoverCaseRecord.query(on: database).filter(\.$batchID == batch.id!).all().map(\.claimID)
        let claims = try await ClaimRecord.query(on: database).filter(\.$id ~~ claimIDs).all()
        let customers = Dictionary(uniqueKeysWithValues: try await CustomerRecord.query(on: database)
            .filter(\.$id ~~ Set(claims.map(\.customerID))).all().map { ($0.id!, $0) })
        let composer = NoticeComposer(settings: settings)
        for (customerID, owned) in Dictionary(grouping: claims, by: \.customerID) {
            let told = try owned.filter { claim in
                try ladders.ladder(claimKey: claim.ladderKey, customerKey: customers[customerID]?.ladderKey, country: country).options.handoverNotice
            }
            guard !told.isEmpty else { continue }
            try await composer.composeHandoverNotice(
                claimIDs: told.map { $0.id! }, creditorID: creditor.id!, agencyName: agency.name, batchID: batch.id!, date: today, on: database)
        }
    }

    /// Hands a file to the agency the way its agreement says: written to its folder, POSTed to its endpoint,
    /// or (download) left for a person to fetch. Returns whether it went.
    @discardableResult
    static func transmit(_ content: Data, named fileName: String, mediaType: String, to agency: AgencyRecord, settings: DeliverySettings) throws -> Bool {
        switch agency.delivery {
        case "folder": try write(content, named: fileName, to: try folder(of: agency, settings: settings))
        case "https": try AgencyEndpoint.post(content, fileName: fileName, mediaType: mediaType, to: agency.target, token: agency.endpointToken)
        default: return false
        }
        return true
    }

    /// The agency's folder: a plain name inside BETALT_HANDOVER_DIR, so no user can make the server write
    /// anywhere else; created when missing.
    public static func folder(of agency: AgencyRecord, settings: DeliverySettings) throws -> URL {
        guard let base = settings.handoverDirectory, isPlainName(agency.target) else { throw HandoverRefused.noHandoverFolder }
        let directory = base.appendingPathComponent(agency.target, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Letters, digits, dot, dash and underscore, not starting with a dot.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.count <= 80
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// Writes the ZIP under a temporary name and renames it, so a job picking files up never sees half of one.
    static func write(_ content: Data, named fileName: String, to directory: URL) throws {
        let folder = directory.path
        let partial = directory.appendingPathComponent(".\(fileName).part")
        do {
            try content.write(to: partial)
            try FileManager.default.moveItem(at: partial, to: directory.appendingPathComponent(fileName))
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw HandoverRefused.folderNotWritable("\(folder): \(error.localizedDescription)")
        }
    }
}
