import BetaltCore
import BetaltDocuments
import BetaltStore

/// The conversation timeline as the creditor's pages show it, in the page's language.
struct TimelineLine: Encodable {
    let date: String
    let label: String
    let tone: String
    let text: String
    let detail: String
    let invoices: String
    let actor: String

    init(_ entry: TimelineEntry, language: Language, words: [String: String]) {
        date = entry.date.formatted(language)
        label = words["timeline.\(entry.kind.rawValue)"] ?? entry.kind.rawValue
        tone = switch entry.kind {
        case .payment, .waiver, .planAccepted: "good"
        case .disputeRaised, .message, .handover, .agencyUpdate, .agencyMessage: "warning"
        case .promiseClosed: entry.status == "broken" ? "danger" : "good"
        case .planClosed: entry.status == "breached" ? "danger" : entry.status == "completed" ? "good" : "neutral"
        default: "neutral"
        }
        var details: [String] = []
        if let amount = entry.amount { details.append(amount.formatted(language)) }
        if let until = entry.until {
            let key = entry.kind == .letter || entry.kind == .email ? "timeline.waiverUntil" : "timeline.payBy"
            details.append("\(words[key]!) \(until.formatted(language))")
        }
        if let status = entry.status {
            let word: String? = switch entry.kind {
            case .letter, .email: words["notice.\(status)"]
            case .call: words["timeline.call.\(status)"]
            case .disputeRaised: DisputeReasonWords.label(status, language)
            case .disputeDecided: words["dispute.\(status)"]
            case .promiseClosed: words["promise.\(status)"]
            case .planClosed: words["plan.\(status)"]
            case .agencyUpdate: words["agencyStatus.\(status)"] ?? words["agencyUpdate.\(status)"]
            case .agencyMessage: words["agencyMessage.\(status)"]
            default: nil
            }
            details.append(word ?? status)
        }
        if entry.goodPayer { details.append(words["timeline.goodPayer"]!) }
        detail = details.joined(separator: " · ")
        text = entry.kind == .detailsChanged ? Self.changedDetails(entry.text, words: words) : entry.text
        invoices = entry.invoiceNumbers.joined(separator: ", ")
        actor = entry.actor.map { $0 == "debtor" ? words["raisedByDebtor"]! : $0 } ?? "Betalt"
    }

    /// The lines "field: old → new" of a change of details with each field named in the page's language.
    private static func changedDetails(_ text: String, words: [String: String]) -> String {
        text.split(separator: "\n").map { line in
            guard let colon = line.firstIndex(of: ":"), let first = line.first,
                  let name = words["detail\(first.uppercased())\(line[line.index(after: line.startIndex)..<colon])"] else { return String(line) }
            return name + line[colon...]
        }.joined(separator: "\n")
    }

    static func lines(_ entries: [TimelineEntry], language: Language, words: [String: String]) -> [TimelineLine] {
        entries.map { TimelineLine($0, language: language, words: words) }
    }
}
