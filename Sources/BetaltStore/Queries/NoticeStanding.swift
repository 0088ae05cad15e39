import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// Whether a notice still waiting to go (an e-mail in the outbox, a letter to print) asks for what is owed now.
/// A paid claim stops at once (DESIGN.md §5): a reminder or collection notice whose claims were paid, credited or
/// written off (in part or in full) after it was written does not go as it is, nor does one for a claim an agency
/// holds by now. Nor does a notice go for a claim whose collection stopped meanwhile: disputed in full (nothing is
/// collected on a disputed amount), promised or put on a payment plan (the debtor is kept to their word, not dunned).
/// Its act then never went (`UnsentActs`): its fee is taken back, and the run plans the claim again. A claim disputed in
/// part since stays, and the notice is written again asking only for the rest. A run's notice that gives a deadline and
/// still waits on a later day than its date is written again too, dated that day: the deadline counts from when it goes
/// (inkl. § 9 (2), IkL 5 §), so a letter printed, or an e-mail sent, days late never gives less time than the step's.
public enum NoticeStanding: Sendable, Equatable {
    /// Nothing was booked on its claims since and each is still to be asked for: it goes as written.
    case asWritten
    /// Its claims changed; the claims of these acts are still to be asked for, so it is written again for them.
    case rewrite(actIDs: [UUID])
    /// None of its claims is still to be asked for (each is settled, with an agency, or its collection stopped).
    case nothingToAsk

    /// The standing of each of `noticeIDs` on `today` (nil: whatever the day); a notice without claims goes as written.
    public static func of(_ noticeIDs: [UUID], today: CivilDate?, on database: any Database) async throws -> [UUID: NoticeStanding] {
        var standings: [UUID: NoticeStanding] = [:]
        // A thousand at a time: a creditor may leave many thousands of letters unprinted, and a statement takes
        // only so many bound values.
        for chunk in noticeIDs.chunked(into: 1_000) {
            standings.merge(try await of(chunk: Array(chunk), today: today, on: database)) { $1 }
        }
        return standings
    }

    private static func of(chunk noticeIDs: [UUID], today: CivilDate?, on database: any Database) async throws -> [UUID: NoticeStanding] {
        guard !noticeIDs.isEmpty else { return [:] }
        let links = try await NoticeClaimRecord.query(on: database).filter(\.$noticeID ~~ noticeIDs).all()
        let claimIDs = Array(Set(links.map(\.claimID)))
        var claims: [UUID: ClaimRecord] = [:]
        for claim in try await ClaimRecord.query(on: database).filter(\.$id ~~ claimIDs).all() { claims[claim.id!] = claim }
        let disputes = try await DisputeRecord.query(on: database).filter(\.$claimID ~~ claimIDs).filter(\.$status == "open").all()
        let paused = try await paused(Array(claims.values), of: noticeIDs, disputes: disputes, on: database as! any SQLDatabase)
        var lastDisputed: [UUID: Date] = [:]
        for dispute in disputes { lastDisputed[dispute.claimID] = max(lastDisputed[dispute.claimID] ?? .distantPast, dispute.createdAt ?? .distantPast) }
        var written: [UUID: Date] = [:], stale: Set<UUID> = [], tellsADecision: Set<UUID> = []
        // Only a deadline makes a notice's date matter: a reminder that gives none goes as it is, however late.
        let withDeadline = Set(try await CollectionActRecord.query(on: database).filter(\.$id ~~ links.compactMap(\.actID))
            .filter(\.$deadline != nil).field(\.$id).all().compactMap(\.id))
        let dated = Set(links.filter { $0.actID.map(withDeadline.contains) ?? false }.map(\.noticeID))
        for notice in try await NoticeRecord.query(on: database).filter(\.$id ~~ noticeIDs).all() {
            written[notice.id!] = notice.createdAt
            if Self.decisionKinds.contains(notice.kind) { tellsADecision.insert(notice.id!) }
            if let today, notice.noticeDate < today.iso, dated.contains(notice.id!) { stale.insert(notice.id!) }
        }
        var standings = Dictionary(uniqueKeysWithValues: noticeIDs.map { ($0, NoticeStanding.asWritten) })
        for (noticeID, links) in Dictionary(grouping: links, by: \.noticeID) {
            // A dispute raised after the notice was written changes what it may ask for.
            let writtenAt = written[noticeID] ?? .distantFuture
            standings[noticeID] = standing(
                of: links, claims: claims, paused: paused, stale: stale.contains(noticeID), tellsADecision: tellsADecision.contains(noticeID)
            ) {
                lastDisputed[$0].map { $0 > writtenAt } ?? false
            }
        }
        return standings
    }

    /// The claims whose collection stopped, as the planner stops it: open disputes for all that is open, an open
    /// promise, a payment plan offered or running.
    private static func paused(
        _ claims: [ClaimRecord], of noticeIDs: [UUID], disputes: [DisputeRecord], on sql: any SQLDatabase
    ) async throws -> Set<UUID> {
        let relation: SQLQueryString = "(SELECT DISTINCT creditor_id, claim_id FROM notice_claims WHERE notice_id IN (\(binds: noticeIDs)))"
        var paused = try await PaymentPlans.paused(claims: relation, on: sql)
        paused.formUnion(try await Promises.open(claims: relation, on: sql).keys)
        var disputed: [UUID: Int64] = [:]
        for dispute in disputes { disputed[dispute.claimID, default: 0] += dispute.amountMinor }
        paused.formUnion(claims.filter { claim in disputed[claim.id!].map { $0 >= claim.openMinor } ?? false }.compactMap(\.id))
        return paused
    }

    /// The kinds of letter (`DocumentKind`, kept as text on the notice) that tell the debtor what was decided about a
    /// dispute: they go even when nothing is owed any more, as a dispute accepted in full leaves nothing owed.
    static let decisionKinds: Set<String> = ["disputeAcknowledgement", "disputeDecision"]

    private static func standing(
        of links: [NoticeClaimRecord], claims: [UUID: ClaimRecord], paused: Set<UUID>, stale: Bool, tellsADecision: Bool,
        disputedSince: (UUID) -> Bool
    ) -> NoticeStanding {
        // Only the run's notices carry acts. Other letters (a plan's agreement, a promise's confirmation) are about the
        // claim's state itself, so they stop only once everything they are about is settled; a dispute's answer never.
        let dunning = links.filter { $0.actID != nil }
        guard !dunning.isEmpty else {
            return tellsADecision || links.contains { (claims[$0.claimID]?.openMinor ?? 0) > 0 } ? .asWritten : .nothingToAsk
        }
        let askable = dunning.filter { link in
            guard let claim = claims[link.claimID] else { return false }
            return claim.openMinor > 0 && claim.stage != ClaimStage.withAgency.rawValue && claim.stage != ClaimStage.closed.rawValue
                && !paused.contains(link.claimID)
        }
        // Links written before the sequence was kept compare only what is still to be asked for.
        let unchanged = askable.allSatisfy { link in
            !disputedSince(link.claimID) && (link.claimSequence.map { $0 == claims[link.claimID]?.lastSequence } ?? true)
        }
        if askable.count == dunning.count && unchanged && !stale { return .asWritten }
        return askable.isEmpty ? .nothingToAsk : .rewrite(actIDs: askable.compactMap(\.actID))
    }
}
