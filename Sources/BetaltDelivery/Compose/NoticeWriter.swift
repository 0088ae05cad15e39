import BetaltCore
import BetaltDocuments
import BetaltStore
import FluentKit
import Foundation

/// Stores a rendered notice: the notice row, its claims, each document byte-exact with its SHA-256, and
/// (for e-mail) the outbox message; the acts stop being pending and take the notice's channel. Run inside one transaction.
enum NoticeWriter {
    static func write(
        _ rendered: RenderedNotice, content: NoticeContent, ownReference: String?, acts: [CollectionActRecord], claims: [ClaimRecord],
        key: String, creditorID: UUID, customerID: UUID, queuedAt: Date, attemptsMade: Int = 0, on database: any Database
    ) async throws {
        let notice = NoticeRecord()
        notice.creditorID = creditorID
        notice.customerID = customerID
        notice.kind = content.kind.rawValue
        notice.language = content.language.rawValue
        notice.channel = rendered.channel.rawValue
        notice.recipient = rendered.recipient
        notice.groupKey = key
        notice.noticeDate = content.date.iso
        notice.title = rendered.title
        notice.paymentReference = ownReference
        notice.status = (rendered.channel == .email ? NoticeStatus.queued : NoticeStatus.toPrint).rawValue
        notice.statusDetail = rendered.channelNote
        try await notice.create(on: database)
        for act in acts {
            let sequence = claims.first { $0.id == act.claimID }?.lastSequence
            try await NoticeClaimRecord.link(notice, claimID: act.claimID, actID: act.id, claimSequence: sequence, on: database)
            act.deliveryStatus = "composed"
            // How the act's notice goes, which may not be the channel it was planned on (a letter where the customer no
            // longer accepts e-mail, or in place of a refused e-mail): the handover checks the channel the notice went by.
            act.channel = rendered.channel.rawValue
            try await act.save(on: database)
        }
        var emailDocument: UUID?
        for document in rendered.documents {
            let record = try await archive(document, notice: notice, on: database)
            if document.role == .email { emailDocument = record.id }
        }
        if let emailDocument {
            let message = OutboxMessageRecord()
            message.creditorID = creditorID
            message.noticeID = notice.id!
            message.documentID = emailDocument
            message.channel = Channel.email.rawValue
            message.recipient = rendered.recipient
            message.status = OutboxStatus.pending.rawValue
            message.attempts = attemptsMade
            message.nextAttemptAt = Instant.iso(queuedAt)
            try await message.create(on: database)
        }
    }

    static func archive(_ document: RenderedDocument, notice: NoticeRecord, on database: any Database) async throws -> ArchivedDocumentRecord {
        let record = ArchivedDocumentRecord()
        record.creditorID = notice.creditorID
        record.noticeID = notice.id!
        record.customerID = notice.customerID
        record.role = document.role.rawValue
        record.mediaType = document.mediaType
        record.fileName = document.fileName
        record.content = Data(document.bytes)
        record.sha256 = sha256Hex(document.bytes)
        record.byteCount = Int64(document.bytes.count)
        try await record.create(on: database)
        return record
    }
}

extension NoticeClaimRecord {
    static func link(_ notice: NoticeRecord, claimID: UUID, actID: UUID?, claimSequence: Int64? = nil, on database: any Database) async throws {
        let link = NoticeClaimRecord()
        link.claimSequence = claimSequence
        link.creditorID = notice.creditorID
        link.noticeID = notice.id!
        link.claimID = claimID
        link.actID = actID
        try await link.create(on: database)
    }
}

/// Instants as ISO 8601 UTC text, ordered as strings: the outbox's clock on both engines.
enum Instant {
    static func iso(_ date: Date) -> String {
        date.ISO8601Format()
    }
}
