import BetaltCore
import FluentKit
import Foundation

/// The notices waiting for a person: letters to print and post, and notices that failed or whose
/// delivery is uncertain, oldest first, each with its letter's document id. A letter whose claims changed after it
/// was written (`NoticeStanding`) is not to be printed: it is listed apart until the delivery round withdraws it or
/// writes it again.
public struct NoticeQueue: Sendable {
    public struct Item: Sendable {
        public let notice: NoticeRecord
        public let letterID: UUID?
    }

    public let toPrint: [Item]
    /// Letters waiting to print that are not to be printed as they are: their claims changed since.
    public let held: [Item]
    public let needsAttention: [Item]

    public static func load(creditorID: UUID, today: CivilDate, limit: Int = 500, on database: any Database) async throws -> NoticeQueue {
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
        let standings = try await NoticeStanding.of(letters.compactMap(\.notice.id), today: today, on: database)
        let asWritten = { (item: Item) in standings[item.notice.id!] == .asWritten }
        return NoticeQueue(
            toPrint: letters.filter(asWritten), held: letters.filter { !asWritten($0) },
            needsAttention: try await items(["failed", "uncertain"])
        )
    }
}
