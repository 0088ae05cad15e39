/// How a business debtor is known to an agency: by its organisation number, or, for a Swedish sole trader
/// (enskild näringsidkare), by the personnummer that serves as one (NORDIC-RULES 13.3). A Norwegian sole
/// proprietorship (enkeltpersonforetak) has an organisasjonsnummer of its own.
public enum BusinessIdentity {
    /// Whether the numbers on file identify a business of the country `countryCode` (ISO 3166-1 alpha-2), by that
    /// country's registry, whatever the creditor's country: a Norwegian creditor's Swedish customer has a Swedish
    /// number. A sole trader's personnummer is kept as the national identity number, as personal data (masked on pages,
    /// exported only in the handover). Another country's number is kept as given, so any is taken.
    public static func isKnown(organisationNumber: String?, nationalIdentityNumber: String?, countryCode: String, today: CivilDate) -> Bool {
        switch Country(rawValue: countryCode) {
        case .norway:
            return organisationNumber.map { (try? NorwegianOrganisationNumber(validating: $0)) != nil } ?? false
        case .sweden:
            if let number = organisationNumber, (try? SwedishOrganisationNumber(validating: number)) != nil { return true }
            return nationalIdentityNumber.map { (try? SwedishPersonalNumber(validating: $0, referenceDate: today)) != nil } ?? false
        case nil:
            return organisationNumber.map { $0.contains { !$0.isWhitespace } } ?? false
        }
    }

    /// The word for what is missing, in the language of `country`, the creditor's, as the planner's and the handover's
    /// reasons name it.
    public static func missingWord(_ country: Country) -> String {
        country == .norway ? "organisasjonsnummer" : "organisationsnummer"
    }
}
