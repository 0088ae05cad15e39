import BetaltCore
import FluentKit
import Foundation

/// Why an original invoice was not attached.
public enum OriginalInvoiceRefused: Error, Equatable, Sendable {
    case claimNotFound
    /// The claim already has its original (a UBL import keeps the one it came with).
    case alreadyArchived
}

/// The original invoice of a claim that came without one (CSV, JSON): a person attaches the PDF or a scan,
/// so the notices can carry it and the agency receives it (issue 7's readiness needs it).
public enum OriginalInvoices {
    public static func attach(
        claimID: UUID, creditorID: UUID, fileName: String, mediaType: String, content: Data, sha256: String, by user: String, userID: UUID?,
        on database: any Database
    ) async throws {
        try await database.writing { tx in
            guard let claim = try await ClaimRecord.query(on: tx).filter(\.$id == claimID).filter(\.$creditorID == creditorID).first()
            else { throw OriginalInvoiceRefused.claimNotFound }
            guard try await InvoiceDocumentRecord.query(on: tx).filter(\.$claimID == claimID).filter(\.$kind == "invoice").count() == 0
            else { throw OriginalInvoiceRefused.alreadyArchived }
            let document = InvoiceDocumentRecord()
            document.creditorID = creditorID
            document.claimID = claimID
            document.kind = "invoice"
            document.mediaType = mediaType
            document.content = ""
            document.fileContent = content
            document.fileName = fileName
            document.sha256 = sha256
            try await document.create(on: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "invoice.original", subject: "claim \(claimID.uuidString)",
                detail: "original of invoice \(claim.invoiceNumber) attached: \(fileName), \(content.count) bytes, SHA-256 \(sha256)"
            ).create(on: tx)
        }
    }

    /// Whether the claim's original invoice is in the archive.
    public static func isArchived(claimID: UUID, on database: any Database) async throws -> Bool {
        try await InvoiceDocumentRecord.query(on: database).filter(\.$claimID == claimID).filter(\.$kind == "invoice").count() > 0
    }
}
