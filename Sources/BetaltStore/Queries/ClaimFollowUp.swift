import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A claim's follow-up as a person reviews it: the decisions taken so far, the acts, and what the planner
/// would do over the coming days if nothing is paid.
public struct ClaimFollowUp: Sendable {
    public let decisions: [ClaimDecisionRecord]
    public let acts: [CollectionActRecord]
    /// Each act's reasons, by the act's id.
    public let actReasons: [UUID: [Reason]]
    public let ladder: Ladder?
    /// The planned timeline from today (empty for a closed claim or one with an agency).
    public let preview: [Plan]

    public static func load(
        claimID: UUID, creditorID: UUID, today: CivilDate, days: Int = 90, on database: any Database
    ) async throws -> ClaimFollowUp {
        let decisions = try await ClaimDecisionRecord.query(on: database)
            .filter(\.$claimID == claimID).filter(\.$creditorID == creditorID)
            .sort(\.$decidedOn, .descending).all()
        let acts = try await CollectionActRecord.query(on: database)
            .filter(\.$claimID == claimID).filter(\.$creditorID == creditorID)
            .sort(\.$actDate).all()
        let texts = try await ReasonTexts.load(for: acts.map(\.reasons), on: database)
        let actReasons = Dictionary(uniqueKeysWithValues: acts.map { ($0.id!, texts.reasons($0.reasons)) })
        guard let creditor = try await CreditorRecord.find(creditorID, on: database),
              let country = Country(rawValue: creditor.country),
              let claim = try await ClaimRecord.query(on: database).filter(\.$id == claimID).filter(\.$creditorID == creditorID).first()
        else { return ClaimFollowUp(decisions: decisions, acts: acts, actReasons: actReasons, ladder: nil, preview: []) }
        guard ![ClaimStage.closed, .handoverPending, .withAgency].map(\.rawValue).contains(claim.stage) else {
            return ClaimFollowUp(decisions: decisions, acts: acts, actReasons: actReasons, ladder: nil, preview: [])
        }
        let ladders = try await LadderBook.load(creditorID: creditorID, on: database)
        guard let due = try await DueClaims.load(
            [claimID], creditorID: creditorID, country: country, ladders: ladders, on: today, sql: database as! any SQLDatabase
        ).first else { return ClaimFollowUp(decisions: decisions, acts: acts, actReasons: actReasons, ladder: nil, preview: []) }
        let preview = Planner.timeline(due.facts, ladder: due.ladder, rulebook: .for(country), from: today, days: days)
        return ClaimFollowUp(decisions: decisions, acts: acts, actReasons: actReasons, ladder: due.ladder, preview: preview)
    }
}
