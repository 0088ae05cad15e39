import BetaltStore
import FluentKit
import Foundation
import SQLKit

/// What a person does with notices the machine cannot finish: letters posted after printing, and e-mails
/// whose delivery is uncertain (confirmed as arrived, or sent again on purpose). Each leaves a delivery
/// event and an audit entry.
public enum NoticeActions {
    /// Marks the creditor's letters as posted; letters of another creditor or no longer waiting to print are skipped.
    /// A letter the person posted is recorded as posted even when its claims changed after the page they chose it on
    /// was shown (`NoticeQueue.held`): it has gone, and the delivery round must not write a second one.
    /// Returns how many were marked.
    @discardableResult
    public static func markPosted(
        _ noticeIDs: [UUID], creditorID: UUID, by user: String, userID: UUID?, now: Date = Date(), on database: any Database
    ) async throws -> Int {
        try await database.writing { tx in
            let waiting = try await NoticeRecord.query(on: tx)
                .filter(\.$creditorID == creditorID).filter(\.$id ~~ noticeIDs)
                .filter(\.$status == NoticeStatus.toPrint.rawValue).all()
            var letters: [NoticeRecord] = []
            for letter in waiting {
                guard try await leavePrintList(
                    letter, as: .printed, detail: "posted, recorded by \(user)",
                    event: ("posted", "printed and posted, recorded by \(user)"), now: now, on: tx
                ) else { continue }
                letters.append(letter)
            }
            if !letters.isEmpty {
                try await AuditRecord(
                    creditorID: creditorID, userID: userID, actor: user, action: "letters.posted",
                    subject: "\(letters.count) letters", detail: letters.map { $0.id!.uuidString }.joined(separator: ", ")
                ).create(on: tx)
            }
            return letters.count
        }
    }

    /// Settles an e-mail whose delivery was interrupted: `resend` queues it once more (the person accepts
    /// that it may arrive twice), otherwise it is recorded as arrived.
    public static func resolveUncertain(
        _ noticeID: UUID, resend: Bool, creditorID: UUID, by user: String, userID: UUID?, now: Date = Date(), on database: any Database
    ) async throws -> Bool {
        try await database.writing { tx in
            guard let notice = try await NoticeRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == noticeID)
                .filter(\.$status == NoticeStatus.uncertain.rawValue).first(),
                let message = try await OutboxMessageRecord.query(on: tx).filter(\.$noticeID == noticeID).first()
            else { return false }
            if resend {
                message.status = OutboxStatus.pending.rawValue
                message.nextAttemptAt = Instant.iso(now)
                notice.status = NoticeStatus.queued.rawValue
            } else {
                message.status = OutboxStatus.sent.rawValue
                message.sentAt = Instant.iso(now)
                notice.status = NoticeStatus.sent.rawValue
            }
            let detail = resend ? "sent again on purpose by \(user)" : "confirmed as arrived by \(user)"
            message.lastResult = detail
            notice.statusDetail = detail
            try await message.save(on: tx)
            try await notice.save(on: tx)
            try await event(notice, outcome: resend ? "resend" : "confirmed", detail: detail, now: now, on: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: resend ? "notice.resent" : "notice.confirmed",
                subject: "notice \(noticeID.uuidString)", detail: detail
            ).create(on: tx)
            return true
        }
    }

    /// Takes a letter off the print list as `status`, with a delivery event, only while it still waits to print: of a
    /// person posting it and a delivery round withdrawing it at the same moment (on two servers), one wins as a whole.
    /// False when it no longer waited.
    static func leavePrintList(
        _ letter: NoticeRecord, as status: NoticeStatus, detail: String, event: (outcome: String, detail: String), now: Date,
        on tx: any Database
    ) async throws -> Bool {
        let updated = try await (tx as! any SQLDatabase).update(NoticeRecord.schema)
            .set("status", to: status.rawValue).set("status_detail", to: detail)
            .where("id", .equal, letter.id!).where("status", .equal, NoticeStatus.toPrint.rawValue)
            .returning("id").all()
        guard !updated.isEmpty else { return false }
        try await self.event(letter, outcome: event.outcome, detail: event.detail, now: now, on: tx)
        return true
    }

    private static func event(_ notice: NoticeRecord, outcome: String, detail: String, now: Date, on database: any Database) async throws {
        try await DeliveryEventRecord.append(to: (notice.id!, notice.creditorID), outcome: outcome, detail: detail, now: now, on: database)
    }
}
