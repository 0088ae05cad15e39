import BetaltCore
import BetaltStore
import FluentKit
import Foundation
import SQLKit

/// Drains the outbox: sends each due e-mail at most once, retries temporary failures with backoff, marks
/// permanent ones failed with the server's answer and falls back to a letter. Every attempt leaves a
/// delivery event. Safe to run in several processes: a message is claimed by a conditional update.
public struct OutboxWorker: Sendable {
    public let transport: SMTPTransport
    public let composer: NoticeComposer
    /// Seconds to wait after each failed attempt; after the last, the message has failed for good.
    public static let backoff: [Int] = [60, 300, 1800, 7200, 21600, 43200]
    /// How long a claimed message may stay "sending" before it is treated as interrupted: longer than any
    /// SMTP exchange may take (the transport's timeout), with a margin.
    var leaseSeconds: TimeInterval { TimeInterval(transport.settings.timeoutSeconds) * 2 + 300 }

    public init(transport: SMTPTransport, composer: NoticeComposer) {
        self.transport = transport
        self.composer = composer
    }

    /// Sends every message due at `now`; `today` dates any fallback letter.
    public func drain(now: Date = Date(), today: CivilDate, on database: any Database) async throws -> DeliveryReport {
        var report = DeliveryReport()
        report.interrupted = try await markInterrupted(now: now, on: database)
        report.lettersInstead += try await composeMissedFallbacks(now: now, today: today, on: database)
        while let message = try await claimNext(dueBy: now, on: database) {
            let standing: NoticeStanding?
            do {
                standing = try await NoticeStanding.of([message.noticeID], today: today, on: database)[message.noticeID]
            } catch {
                // Nothing was sent: the message waits again as it was, rather than left "sending" until its lease makes it
                // "delivery uncertain" for a person.
                try await release(message, on: database)
                throw error
            }
            switch standing {
            case .nothingToAsk:
                try await database.writing { tx in
                    try await retire(message, detail: "not sent: each claim it asks for was settled, handed over or stopped (disputed, promised, on a plan) before it went",
                                     now: now, today: today, on: tx)
                }
                report.withdrawn += 1
                continue
            case .rewrite(let actIDs):
                switch try await rewrite(message, actIDs: actIDs, now: now, today: today, on: database) {
                case .rewritten: report.rewritten += 1
                case .retrying: report.retrying += 1
                case .failed: report.failed += 1
                }
                continue
            case .asWritten, nil:
                break
            }
            if let printed = try await withoutConsent(message, now: now, today: today, report: &report, on: database) {
                if printed { report.lettersInstead += 1 }
                continue
            }
            let document = try await ArchivedDocumentRecord.find(message.documentID, on: database)
            let bytes = document.map { [UInt8]($0.content) } ?? []
            let result = await send(bytes, to: message.recipient)
            try await record(result, for: message, now: now, today: today, report: &report, on: database)
        }
        return report
    }

    /// The SMTP exchange blocks, so it runs on a thread of its own rather than on the caller's executor.
    private func send(_ bytes: [UInt8], to recipient: String) async -> SMTPResult {
        let transport = self.transport
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: transport.send(bytes, to: [recipient]))
            }
        }
    }

    /// Claims the next due message: only one worker's conditional update can move it from pending.
    private func claimNext(dueBy now: Date, on database: any Database) async throws -> OutboxMessageRecord? {
        let sql = database as! any SQLDatabase
        while let candidate = try await OutboxMessageRecord.query(on: database)
            .filter(\.$status == OutboxStatus.pending.rawValue)
            .filter(\.$nextAttemptAt <= Instant.iso(now))
            .sort(\.$nextAttemptAt).first()
        {
            // The lease runs from the moment of claiming, not from when the drain began.
            let claimed = try await sql.update(OutboxMessageRecord.schema)
                .set("status", to: OutboxStatus.sending.rawValue)
                .set("lease_until", to: Instant.iso(max(now, Date()).addingTimeInterval(leaseSeconds)))
                .set("attempts", to: SQLRaw("attempts + 1"))
                .where("id", .equal, candidate.id!)
                .where("status", .equal, OutboxStatus.pending.rawValue)
                .returning("id")
                .all()
            if !claimed.isEmpty { return try await OutboxMessageRecord.find(candidate.id, on: database) }
        }
        return nil
    }

    /// The letters that should have gone instead of e-mails that failed, where the process stopped between recording
    /// the failure and writing the letter (two transactions, as the letter is written for what is owed by then): the
    /// e-mail's acts still count, or it is a notice without acts (a plan's offer, a dispute's answer) failed in the last
    /// week and still failed (an older one is left to a person: its plan or dispute may have moved on), but no letter of
    /// its notice exists. A failure is taken only once the lease it was
    /// recorded with has run out, so the worker writing its own letter is not raced, and by one drain only: it takes a
    /// new lease with a conditional update first. Returns how many letters were written.
    private func composeMissedFallbacks(now: Date, today: CivilDate, on database: any Database) async throws -> Int {
        let sql = database as! any SQLDatabase
        let missed = try await sql.raw("""
            SELECT m.id, m.notice_id, m.lease_until FROM outbox_messages m JOIN notices n ON n.id = m.notice_id
            WHERE m.status = \(bind: OutboxStatus.failed.rawValue) AND m.lease_until < \(bind: Instant.iso(now))
              AND NOT EXISTS (SELECT 1 FROM notices l WHERE l.creditor_id = n.creditor_id AND l.group_key = n.group_key
                                AND l.channel = \(bind: Channel.letter.rawValue))
              AND (EXISTS (SELECT 1 FROM notice_claims nc JOIN collection_acts a ON a.id = nc.act_id
                             WHERE nc.notice_id = n.id AND a.delivery_status = 'composed')
                   OR (n.status = \(bind: NoticeStatus.failed.rawValue) AND m.lease_until >= \(bind: Instant.iso(now.addingTimeInterval(-7 * 86_400)))
                       AND NOT EXISTS (SELECT 1 FROM notice_claims nc WHERE nc.notice_id = n.id AND nc.act_id IS NOT NULL)))
            """).all()
        var written = 0
        for row in missed {
            let id = try row.decode(column: "id", as: UUID.self), lease = try row.decode(column: "lease_until", as: String.self)
            let taken = try await sql.update(OutboxMessageRecord.schema)
                .set("lease_until", to: Instant.iso(max(now, Date()).addingTimeInterval(leaseSeconds)))
                .where("id", .equal, id).where("status", .equal, OutboxStatus.failed.rawValue).where("lease_until", .equal, lease)
                .returning("id").all()
            guard !taken.isEmpty else { continue }
            if try await composer.composeLetterFallback(for: try row.decode(column: "notice_id", as: UUID.self), date: today, on: database) {
                written += 1
            }
        }
        return written
    }

    /// Puts a message this worker claimed, and did not send, back as it was before the claim.
    private func release(_ message: OutboxMessageRecord, on database: any Database) async throws {
        try await (database as! any SQLDatabase).update(OutboxMessageRecord.schema)
            .set("status", to: OutboxStatus.pending.rawValue).set("attempts", to: SQLRaw("attempts - 1"))
            .where("id", .equal, message.id!).where("status", .equal, OutboxStatus.sending.rawValue)
            .run()
    }

    /// Messages left "sending" past their lease: the process stopped while the server may have taken the
    /// message. Resending could deliver it twice, so they wait for a person instead.
    private func markInterrupted(now: Date, on database: any Database) async throws -> Int {
        let stale = try await OutboxMessageRecord.query(on: database)
            .filter(\.$status == OutboxStatus.sending.rawValue)
            .filter(\.$leaseUntil < Instant.iso(now)).all()
        var marked = 0
        for message in stale {
            let detail = "interrupted while sending; not resent so it cannot arrive twice"
            let didMark = try await database.writing { tx -> Bool in
                // Only if it is still the same interrupted send: a sender that finished meanwhile wins.
                let sql = tx as! any SQLDatabase
                let updated = try await sql.update(OutboxMessageRecord.schema)
                    .set("status", to: OutboxStatus.uncertain.rawValue).set("last_result", to: detail)
                    .where("id", .equal, message.id!).where("status", .equal, OutboxStatus.sending.rawValue)
                    .where("lease_until", .equal, message.leaseUntil ?? "")
                    .returning("id").all()
                guard !updated.isEmpty else { return false }
                try await setNotice(message.noticeID, .uncertain, detail: detail, on: tx)
                try await event(for: message, outcome: "interrupted", detail: detail, now: now, on: tx)
                return true
            }
            if didMark { marked += 1 }
        }
        return marked
    }

    /// A paid claim stops at once (DESIGN.md §5), also in the outbox: a message whose claims changed after it was
    /// composed goes out written again for what is still to be asked for, at once and with the amounts the ledger holds
    /// now. The message written first is retired in the same transaction, so only one of them can go. Should the new
    /// one fail to be written (a busy database as well as a template that cannot be filled), the old one waits and
    /// is tried again with the same backoff as a temporary SMTP failure; after the last attempt it is not sent (what it
    /// asks for is no longer owed) and its notice is marked failed, which puts it before a person.
    private func rewrite(
        _ message: OutboxMessageRecord, actIDs: [UUID], now: Date, today: CivilDate,
        detail: String = "not sent: its claims changed before it went (paid, credited, written off, disputed, promised or put on a plan); written again for what is owed now",
        on database: any Database
    ) async throws -> RewriteOutcome {
        do {
            guard let notice = try await NoticeRecord.find(message.noticeID, on: database) else { throw ComposeError("the notice is missing") }
            // The attempt this claim counted was not made: the address has had one fewer.
            try await composer.rewrite(notice, actIDs: actIDs, date: today, queuedAt: now, attemptsMade: message.attempts - 1, on: database) { tx in
                try await retire(message, detail: detail, now: now, today: today, keeping: Set(actIDs), on: tx)
            }
            return .rewritten
        } catch {
            let failure = "it was to be written again (\(detail.replacingOccurrences(of: "not sent: ", with: ""))), and writing it again failed: \(error)"
            return try await database.writing { tx in
                guard message.attempts <= Self.backoff.count else {
                    try await retire(message, detail: "not sent: \(failure)", notice: .failed, now: now, today: today, on: tx)
                    return .failed
                }
                message.status = OutboxStatus.pending.rawValue
                message.leaseUntil = nil
                message.nextAttemptAt = Instant.iso(now.addingTimeInterval(TimeInterval(Self.backoff[message.attempts - 1])))
                message.lastResult = failure
                try await message.save(on: tx)
                try await event(for: message, outcome: "temporaryFailure", detail: failure, now: now, on: tx)
                return .retrying
            }
        }
    }

    private enum RewriteOutcome: Sendable { case rewritten, retrying, failed }

    /// An e-mail whose customer no longer accepts notices by e-mail (`NoticeConsent`, withdrawn after it was written) does
    /// not go (inkl. § 3 a). A run's notice is written again, which makes it a letter (`NoticeDocuments`); any other (a
    /// plan's agreement, a dispute's answer) is the same letter whatever the channel, so its archived PDF is put on the
    /// print list instead. Nil when the customer still accepts e-mail; else whether a letter is waiting to print now.
    private func withoutConsent(
        _ message: OutboxMessageRecord, now: Date, today: CivilDate, report: inout DeliveryReport, on database: any Database
    ) async throws -> Bool? {
        guard let notice = try await NoticeRecord.find(message.noticeID, on: database),
              let customer = try await CustomerRecord.query(on: database).filter(\.$creditorID == notice.creditorID)
                .filter(\.$id == notice.customerID).first(),
              !customer.acceptsEmailNotices
        else { return nil }
        let actIDs = try await NoticeClaimRecord.query(on: database).filter(\.$noticeID == message.noticeID).all().compactMap(\.actID)
        guard actIDs.isEmpty else {
            let outcome = try await rewrite(
                message, actIDs: actIDs, now: now, today: today,
                detail: "not sent: the customer withdrew consent to notices by e-mail before it went; written again as a letter", on: database
            )
            switch outcome {
            case .rewritten: report.rewritten += 1
            case .retrying: report.retrying += 1
            case .failed: report.failed += 1
            }
            return outcome == .rewritten
        }
        let detail = "not sent: the customer withdrew consent to notices by e-mail before it went; its letter is to be printed and posted instead"
        try await database.writing { tx in
            message.status = OutboxStatus.withdrawn.rawValue
            message.leaseUntil = nil
            message.lastResult = detail
            try await message.save(on: tx)
            try await event(for: message, outcome: "withdrawn", detail: detail, now: now, on: tx)
            try await notice.printInstead(
                to: customer, detail: "the customer withdrew consent to notices by e-mail: to be printed and posted", on: tx
            )
        }
        return true
    }

    /// Takes a claimed message and its notice out of delivery for good, with a delivery event saying why. Its acts never
    /// went (`UnsentActs`), except `keeping`: those of the notice written in its place.
    private func retire(
        _ message: OutboxMessageRecord, detail: String, notice status: NoticeStatus = .withdrawn, now: Date, today: CivilDate,
        keeping: Set<UUID> = [], on tx: any Database
    ) async throws {
        message.status = OutboxStatus.withdrawn.rawValue
        message.leaseUntil = nil
        message.lastResult = detail
        try await message.save(on: tx)
        try await setNotice(message.noticeID, status, detail: detail, on: tx)
        try await event(for: message, outcome: "withdrawn", detail: detail, now: now, on: tx)
        try await UnsentActs.undo(notice: message.noticeID, keeping: keeping, on: today, database: tx)
    }

    private func record(
        _ result: SMTPResult, for message: OutboxMessageRecord, now: Date, today: CivilDate, report: inout DeliveryReport,
        on database: any Database
    ) async throws {
        let fallback = try await database.writing { tx -> Bool in
            var fallback = false
            message.leaseUntil = nil
            switch result {
            case .delivered(let reply):
                message.status = OutboxStatus.sent.rawValue
                message.sentAt = Instant.iso(now)
                message.lastResult = reply
                try await setNotice(message.noticeID, .sent, detail: reply, on: tx)
                try await event(for: message, outcome: "delivered", detail: reply, now: now, on: tx)
            case .temporaryFailure(let answer) where message.attempts <= Self.backoff.count:
                message.status = OutboxStatus.pending.rawValue
                message.nextAttemptAt = Instant.iso(now.addingTimeInterval(TimeInterval(Self.backoff[message.attempts - 1])))
                message.lastResult = answer
                try await event(for: message, outcome: "temporaryFailure", detail: answer, now: now, on: tx)
            case .configurationFailure(let answer):
                // Our settings, not the message: wait (at most the longest backoff) without using up attempts.
                message.attempts -= 1
                message.status = OutboxStatus.pending.rawValue
                message.nextAttemptAt = Instant.iso(now.addingTimeInterval(TimeInterval(Self.backoff[min(message.attempts, Self.backoff.count - 1)])))
                message.lastResult = answer
                try await setNotice(message.noticeID, .queued, detail: "waiting for the SMTP settings to be fixed: \(answer)", on: tx)
                try await event(for: message, outcome: "configurationFailure", detail: answer, now: now, on: tx)
            case .uncertain(let answer):
                message.status = OutboxStatus.uncertain.rawValue
                message.lastResult = "no final answer after the whole message: \(answer)"
                try await setNotice(message.noticeID, .uncertain, detail: message.lastResult, on: tx)
                try await event(for: message, outcome: "uncertain", detail: answer, now: now, on: tx)
            case .temporaryFailure(let answer), .permanentFailure(let answer):
                message.status = OutboxStatus.failed.rawValue
                // The letter in its place is written next, apart; until this lease runs out no other drain writes it
                // (`composeMissedFallbacks`).
                message.leaseUntil = Instant.iso(max(now, Date()).addingTimeInterval(leaseSeconds))
                message.lastResult = answer
                try await setNotice(message.noticeID, .failed, detail: answer, on: tx)
                try await event(for: message, outcome: "failed", detail: answer, now: now, on: tx)
                fallback = true
            }
            try await message.save(on: tx)
            return fallback
        }
        switch message.status {
        case OutboxStatus.sent.rawValue: report.sent += 1
        case OutboxStatus.pending.rawValue: report.retrying += 1
        case OutboxStatus.uncertain.rawValue: report.interrupted += 1
        default: report.failed += 1
        }
        if fallback, try await composer.composeLetterFallback(for: message.noticeID, date: today, on: database) {
            report.lettersInstead += 1
        }
    }

    private func setNotice(_ id: UUID, _ status: NoticeStatus, detail: String?, on database: any Database) async throws {
        guard let notice = try await NoticeRecord.find(id, on: database) else { return }
        notice.status = status.rawValue
        notice.statusDetail = detail
        try await notice.save(on: database)
    }

    private func event(for message: OutboxMessageRecord, outcome: String, detail: String, now: Date, on database: any Database) async throws {
        try await DeliveryEventRecord.append(
            to: (message.noticeID, message.creditorID), outboxID: message.id, outcome: outcome,
            detail: "attempt \(message.attempts): \(detail)", now: now, on: database
        )
    }
}

/// What one drain of the outbox did.
public struct DeliveryReport: Sendable, Equatable {
    public var sent = 0
    public var retrying = 0
    public var failed = 0
    public var lettersInstead = 0
    public var interrupted = 0
    /// Messages not sent because none of their claims was still to be asked for.
    public var withdrawn = 0
    /// Messages not sent as they were because their claims changed: written again for what is owed now.
    public var rewritten = 0

    /// Whether the drain did anything at all.
    public var isEmpty: Bool { self == DeliveryReport() }
}
