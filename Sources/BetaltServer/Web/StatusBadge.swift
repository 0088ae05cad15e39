import BetaltCore

/// A status as a word with a colour class: the word carries the meaning, the colour only helps.
struct StatusBadge: Encodable {
    let label: String
    let tone: String

    init(_ status: ClaimStatus, words: [String: String]) {
        label = words["status.\(status.rawValue)"] ?? status.rawValue
        tone = switch status {
        case .notDue, .promised, .onPlan: "neutral"
        case .overdue, .reminded: "warning"
        case .noticed, .disputed, .handoverPending, .withAgency: "danger"
        case .paid: "good"
        }
    }
}
