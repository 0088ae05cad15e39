import FluentKit
import Foundation

/// One line of a claim's decision trail: what the planner decided on a day, and why.
public final class ClaimDecisionRecord: Model, @unchecked Sendable {
    public static let schema = "claim_decisions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    @Field(key: "decided_on") public var decidedOn: String
    /// act, wait, refuse, stop or attention.
    @Field(key: "outcome") public var outcome: String
    @OptionalField(key: "step_id") public var stepID: String?
    @Field(key: "reason") public var reason: String
    @OptionalField(key: "citation") public var citation: String?
    @OptionalField(key: "run_id") public var runID: UUID?

    public init() {}
}
