import BetaltCore
import FluentKit
import Foundation

/// Whether a notice still waiting to go (an e-mail in the outbox, a letter to print) asks for what is owed now.
/// A paid claim stops at once (DESIGN.md §5): a reminder or collection notice whose claims were paid, credited or
/// written off (in part or in full) after it was written does not go as it is, nor does one for a claim an agency
/// holds by now. A claim disputed, promised or planned meanwhile stays in it: its act has charged the step's fee
/// and counts as the step taken, so leaving it out would charge for a notice that never went.
public enum NoticeStanding: Sendable, Equatable {
    /// Nothing was booked on its claims since and each is still to be asked for: it goes as written.
    case asWritten
    /// Its claims changed; the claims of these acts are still open, so it is written again for them.
    case rewrite(actIDs: [UUID])
    /// None of its claims is still open (or each is with an agency).
    case nothingToAsk

    /// The standing of each of `noticeIDs`; a notice without claims goes as written.
    public static func of(_ noticeIDs: [UUID], on database: any Database) async throws -> [UUID: NoticeStanding] {
        var standings: [UUID: NoticeStanding] = [:]
        // A thousand at a time: a creditor may leave many thousands of letters unprinted, and a statement takes
        // only so many bound values.
        for chunk in noticeIDs.chunked(into: 1_000) {
            standings.merge(try await of(chunk: Array(chunk), on: database)) { $1 }
        }
        return standings
    }

    private static func of(chunk noticeIDs: [UUID], on database: any Database) async throws -> [UUID: NoticeStanding] {
        guard !noticeIDs.isEmpty else { return [:] }
        let links = try await NoticeClaimRecord.query(on: database).filter(\.$noticeID ~~ noticeIDs).all()
        let claimIDs = Array(Set(links.map(\.claimID)))
        var claims: [UUID: ClaimRecord] = [:]
        for claim in try await ClaimRecord.query(on: database).filter(\.$id ~~ claimIDs).all() { claims[claim.id!] = claim }
        var standings = Dictionary(uniqueKeysWithValues: noticeIDs.map { ($0, NoticeStanding.asWritten) })
        for (noticeID, links) in Dictionary(grouping: links, by: \.noticeID) {
            standings[noticeID] = standing(of: links, claims: claims)
        }
        return standings
    }

    private static func standing(of links: [NoticeClaimRecord], claims: [UUID: ClaimRecord]) -> NoticeStanding {
        // Only the run's notices carry acts. Other letters (a plan's agreement, a dispute's answer) are about the
        // claim's state itself, so they stop only once everything they are about is settled.
        let dunning = links.filter { $0.actID != nil }
        guard !dunning.isEmpty else {
            return links.contains { (claims[$0.claimID]?.openMinor ?? 0) > 0 } ? .asWritten : .nothingToAsk
        }
        let askable = dunning.filter { link in
            guard let claim = claims[link.claimID] else { return false }
            return claim.openMinor > 0 && claim.stage != ClaimStage.withAgency.rawValue && claim.stage != ClaimStage.closed.rawValue
        }
        // Links written before the sequence was kept compare only what is still to be asked for.
        let unchanged = askable.allSatisfy { link in link.claimSequence.map { $0 == claims[link.claimID]?.lastSequence } ?? true }
        if askable.count == dunning.count && unchanged { return .asWritten }
        return askable.isEmpty ? .nothingToAsk : .rewrite(actIDs: askable.compactMap(\.actID))
    }
}
