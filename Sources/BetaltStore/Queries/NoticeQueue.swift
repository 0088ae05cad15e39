import FluentKit
import Foundation

/// The notices waiting for a person: letters to print and post, and notices that failed or whose
/// delivery is uncertain, oldest first, each with its letter's document id. A letter whose claims were all
/// settled after it was written is not to be printed: it is listed apart until the delivery round withdraws it.
public struct NoticeQueue: Sendable {
    public struct Item: Sendable {
        public let notice: NoticeRecord
        public let letterID: UUID?
    }

    public let toPrint: [Item]
    /// Letters waiting to print whose claims are all settled by now.
    public let settled: [Item]
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
        let letters = try await items(["toPrint"])
        let settled = try await settledNotices(letters.compactMap(\.notice.id), on: database)
        return NoticeQueue(
            toPrint: letters.filter { !settled.contains($0.notice.id!) }, settled: letters.filter { settled.contains($0.notice.id!) },
            needsAttention: try await items(["failed", "uncertain"])
        )
    }

    /// Of `noticeIDs`, those whose claims are all settled (nothing open on any of them).
    public static func settledNotices(_ noticeIDs: [UUID], on database: any Database) async throws -> Set<UUID> {
        guard !noticeIDs.isEmpty else { return [] }
        let links = try await NoticeClaimRecord.query(on: database).filter(\.$noticeID ~~ noticeIDs).all()
        let open = Set(try await ClaimRecord.query(on: database).filter(\.$id ~~ Set(links.map(\.claimID))).filter(\.$openMinor > 0)
            .field(\.$id).all().compactMap(\.id))
        let noticesWithOpenClaims = Set(links.filter { open.contains($0.claimID) }.map(\.noticeID))
        return Set(links.map(\.noticeID)).subtracting(noticesWithOpenClaims)
    }
}
