/// Why a ladder cannot be saved: what is wrong, with the rule it would break, and the step (nil: the ladder
/// as a whole or its options).
public struct LadderViolation: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for forms and tests. The raw values are stable.
    public enum Problem: String, Sendable, Codable, CaseIterable {
        case countryMismatch, noSteps, emptyStepID, duplicateStepID, reservedStepID
        case noChannels, negativeDeadline, noDeadlineToFollow, outOfOrder, beforeDueDate
        case feeOnFriendlyReminder, feeOnStepWithoutNotice
        case feeTooEarly, tooManyFees, nextFeeTooSoon, feeAfterCollectionNotice
        case noticeDeadlineTooShort
        case handoverWithoutNotice, handoverBeforeDeadline, moreThanOneHandover, handoverNotLast, noticeWithoutHandover
        case invalidOption, ruleUnknown
    }

    public let problem: Problem
    public let stepID: String?
    public let reason: Reason

    public init(_ problem: Problem, stepID: String?, _ reason: Reason) {
        self.problem = problem
        self.stepID = stepID
        self.reason = reason
    }

    /// "step 'notice': the inkassovarsel gives 10 days; it must give at least 14 (inkl. § 9 (2) [C])".
    public var description: String { (stepID.map { "step '\($0)': " } ?? "") + reason.description }
}
