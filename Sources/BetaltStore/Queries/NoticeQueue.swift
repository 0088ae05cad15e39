import FluentKit
import Foundation

/// The notices waiting for a person: letters to print and post, and notices that failed or whose
/// delivery is uncertain, oldest first, each with its letter's document id.
public struct NoticeQueue: Sendable {
    public struct Item: Sendable {
        public let notice: NoticeRecord
        public let letterID: UUID?
    }

    public let toPrint: [Item]
    public let needsAttention: [Item]

    public static func load(creditorID: UUID, limit: Int = 500, on database: any Database) async throws -> NoticeQueue {
        func items(_ statuses: [String]) async throws -> [Item] {
            let notices = try await NoticeRecord.query(on: database)
                .filter(\.$creditorID == creditorID).filter(\.$status ~~ statuses)
                .sort(\.$noticeDate).sort(\.$groupKey).limit(limit).all()
            let letters = try await ArchivedDocumentRecord.query(on: database)
                .filter(\.$creditorID == creditorID).filter(\.$noticeID ~~ notices.compactMap(\.id)).filter(\.$role == "letter")
                .field(\.$id).field(\.$noticeID).all()
            return notices.map { notice in Item(notice: notice, letterID: letters.first { $0.noticeID == notice.id }?.id) }
        }
        return NoticeQueue(toPrint: try await items(["toPrint"]), needsAttention: try await items(["failed", "uncertain"]))
    }
}
