import BetaltCore
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
    /// The reason's English template, or its finished text in rows from before reasons had templates.
    @Field(key: "reason") public var reason: String
    /// The values that fill the template's places, as JSON (`[ReasonArgument]`); nil when there are none.
    @OptionalField(key: "reason_arguments") public var reasonArguments: String?
    @OptionalField(key: "citation") public var citation: String?
    @OptionalField(key: "run_id") public var runID: UUID?

    public init() {}
}

extension ClaimDecisionRecord {
    /// The reason with its values, ready to be shown in any language. Values this version cannot read are
    /// shown as they are kept, after the template, rather than dropped.
    public var reasonText: ReasonText {
        guard let reasonArguments else { return ReasonText(verbatim: reason) }
        guard let arguments = try? JSONDecoder().decode([ReasonArgument].self, from: Data(reasonArguments.utf8)) else {
            return ReasonText(verbatim: "\(reason) \(reasonArguments)")
        }
        return ReasonText(template: reason, arguments: arguments)
    }
}
