/// Where a claim stands in its life (DESIGN.md §5), as persisted. `open` covers both not yet due and overdue
/// without any step taken; which of the two it is depends on the day it is looked at (see `ClaimStatus`).
public enum ClaimStage: String, Sendable, Codable, CaseIterable {
    case open
    case reminded
    case noticed
    case promised
    case onPlan
    case disputed
    /// The ladder's handover step has come; the claim waits to be packaged and sent (or for what it lacks).
    case handoverPending
    case withAgency
    case closed
}

/// The status shown to a person: the stage, refined by the date (an open claim is either not due or overdue).
public enum ClaimStatus: String, Sendable, Codable, CaseIterable {
    case notDue
    case overdue
    case reminded
    case noticed
    case promised
    case onPlan
    case disputed
    case handoverPending
    case withAgency
    case paid

    public static func of(stage: ClaimStage, dueDate: CivilDate, today: CivilDate) -> ClaimStatus {
        switch stage {
        case .open: today > dueDate ? .overdue : .notDue
        case .reminded: .reminded
        case .noticed: .noticed
        case .promised: .promised
        case .onPlan: .onPlan
        case .disputed: .disputed
        case .handoverPending: .handoverPending
        case .withAgency: .withAgency
        case .closed: .paid
        }
    }
}
