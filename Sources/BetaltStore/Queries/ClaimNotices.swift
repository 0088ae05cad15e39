import FluentKit
import Foundation

/// The notices sent about a claim, newest first, each with its archived documents and delivery events:
/// the proof shown on the claim page and later handed to an agency.
public struct ClaimNotices: Sendable {
    public struct Notice: Sendable {
        public let record: NoticeRecord
        public let documents: [Document]
        public let events: [DeliveryEventRecord]
    }

    /// An archived document's description (its bytes stay in the database until downloaded).
    public struct Document: Sendable {
        public let id: UUID
        public let role: String
        public let fileName: String
        public let mediaType: String
        public let sha256: String
        public let byteCount: Int64
    }

    public let notices: [Notice]

    public static func load(claimID: UUID, creditorID: UUID, on database: any Database) async throws -> ClaimNotices {
        let noticeIDs = try await NoticeClaimRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$claimID == claimID).all().map(\.noticeID)
        guard !noticeIDs.isEmpty else { return ClaimNotices(notices: []) }
        let notices = try await NoticeRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$id ~~ noticeIDs)
            .sort(\.$noticeDate, .descending).sort(\.$createdAt, .descending).all()
        let documents = try await ArchivedDocumentRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$noticeID ~~ noticeIDs)
            // Without the content column, so listing documents never loads their bytes.
            .field(\.$id).field(\.$noticeID).field(\.$role).field(\.$fileName).field(\.$mediaType).field(\.$sha256).field(\.$byteCount)
            .all()
        let events = try await DeliveryEventRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$noticeID ~~ noticeIDs).sort(\.$happenedAt).all()
        return ClaimNotices(notices: notices.map { notice in
            Notice(
                record: notice,
                documents: documents.filter { $0.noticeID == notice.id }.map {
                    Document(id: $0.id!, role: $0.role, fileName: $0.fileName, mediaType: $0.mediaType, sha256: $0.sha256, byteCount: $0.byteCount)
                },
                events: events.filter { $0.noticeID == notice.id }
            )
        })
    }

    /// One archived document of the creditor, bytes and all (nil for another creditor's document).
    public static func document(_ id: UUID, creditorID: UUID, on database: any Database) async throws -> ArchivedDocumentRecord? {
        try await ArchivedDocumentRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id == id).first()
    }
}

