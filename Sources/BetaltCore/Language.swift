/// The languages Betalt writes in: Norwegian bokmål, Swedish and English.
public enum Language: String, Sendable, Codable, CaseIterable {
    case nb, sv, en
}

/// The jurisdictions whose collection law Betalt encodes.
public enum Country: String, Sendable, Codable, CaseIterable {
    case norway = "NO"
    case sweden = "SE"

    /// The country's own currency, in which its statutory amounts are stated.
    public var currency: Currency { self == .norway ? .nok : .sek }
    public var language: Language { self == .norway ? .nb : .sv }
    /// The IANA time zone business dates are reckoned in.
    public var timeZoneIdentifier: String { self == .norway ? "Europe/Oslo" : "Europe/Stockholm" }
}
