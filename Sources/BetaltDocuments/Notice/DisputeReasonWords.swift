import BetaltCore

/// The reasons a debtor may give for a dispute, in each language: one wording for the web pages and for
/// the letters that quote a dispute without the debtor's own words.
public enum DisputeReasonWords {
    public static func label(_ reason: String, _ language: Language) -> String {
        let words: [String: [Language: String]] = [
            "wrongAmount": [.nb: "Feil beløp", .sv: "Fel belopp", .en: "Wrong amount"],
            "notDelivered": [.nb: "Ikke levert", .sv: "Inte levererad", .en: "Not delivered"],
            "quality": [.nb: "Mangler ved varen eller tjenesten", .sv: "Fel i varan eller tjänsten", .en: "Faulty goods or service"],
            "alreadyPaid": [.nb: "Allerede betalt", .sv: "Redan betald", .en: "Already paid"],
            "other": [.nb: "Annet", .sv: "Annat", .en: "Other"],
        ]
        return words[reason]?[language] ?? reason
    }
}
