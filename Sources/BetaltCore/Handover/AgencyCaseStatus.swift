/// Where a case stands at the agency, as the agency reports it (issue 7).
public enum AgencyCaseStatus: String, Sendable, Codable, CaseIterable {
    case registered
    /// NO betalingsoppfordring, SE betalningskrav: the agency's own demand to the debtor.
    case paymentDemandSent
    case instalmentAgreement
    /// Forliksråd, namsmann, Kronofogden: the case has gone to a court or enforcement authority.
    case legalStep
    case closed
}

/// Where a handed-over claim stands between the creditor and the agency.
public enum HandoverCaseState: String, Sendable, Codable, CaseIterable {
    /// The agency works on it; Betalt takes no steps of its own.
    case active
    /// The creditor asked for it back; the agency has not confirmed yet.
    case recallRequested
    /// The agency confirmed the recall: the claim is the creditor's again.
    case recalled
    /// The agency closed the case.
    case closed

    /// Whether the agency still holds the case.
    public var isWithAgency: Bool { self == .active || self == .recallRequested }
}
