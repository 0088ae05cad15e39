import BetaltCore

/// The kinds of document Betalt writes to a debtor; each has one template per language.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case friendlyReminder
    /// NO purring, SE påminnelse (the fee-bearing reminder).
    case reminder
    /// NO inkassovarsel, SE inkassokrav.
    case collectionNotice
    case promiseConfirmation
    case paymentPlanAgreement
    /// The one reminder about a missed plan payment.
    case paymentPlanReminder
    case disputeAcknowledgement
    case disputeDecision
    case handoverNotice

    /// The document a ladder step sends, if it sends one.
    public init?(step: StepKind) {
        switch step {
        case .friendlyReminder: self = .friendlyReminder
        case .reminder: self = .reminder
        case .collectionNotice: self = .collectionNotice
        case .handover: self = .handoverNotice
        case .callTask: return nil
        }
    }

    /// Whether the document asks for money, and so carries the amount table and the payment slip.
    public var asksForPayment: Bool {
        switch self {
        case .friendlyReminder, .reminder, .collectionNotice, .promiseConfirmation, .paymentPlanAgreement, .paymentPlanReminder: true
        case .disputeAcknowledgement, .disputeDecision, .handoverNotice: false
        }
    }

    /// A plan's agreement or reminder: it asks for one payment, so its table's total is what remains.
    public var isPlanLetter: Bool { self == .paymentPlanAgreement || self == .paymentPlanReminder }

    /// The template file's name for a language: "collectionNotice.nb".
    public func templateName(_ language: Language) -> String { "\(rawValue).\(language.rawValue)" }
}
