/// What a ladder step does. The raw values are stored in the database: never rename them.
public enum StepKind: String, Sendable, Codable, CaseIterable {
    /// A fee-free, friendly nudge, before or after the due date (NO påminnelse, SE påminnelse without fee).
    case friendlyReminder
    /// A formal reminder that may carry the statutory fee: NO purring, SE påminnelse (påminnelseavgift).
    case reminder
    /// The statutory pre-collection notice: NO inkassovarsel (inkl. § 9), SE inkassokrav (IkL 5 §).
    case collectionNotice
    /// A person calls the customer.
    case callTask
    /// The claim goes to a debt collection agency.
    case handover

    /// Whether the step sends the debtor a document (and so needs a channel the debtor can be reached on).
    public var sendsNotice: Bool { self == .friendlyReminder || self == .reminder || self == .collectionNotice }
}

/// How a notice reaches the debtor.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case letter
    case email
    case digitalMailbox

    /// An electronic channel may carry a formal notice only where the debtor accepted it (inkl. § 3 a).
    public var isElectronic: Bool { self != .letter }

    /// The channel as a reason names it (translated on its own).
    public var name: ReasonText {
        switch self {
        case .letter: ReasonText("letter")
        case .email: ReasonText("email")
        case .digitalMailbox: ReasonText("digitalMailbox")
        }
    }
}
