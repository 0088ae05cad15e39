/// How a business debtor is known to an agency: by its organisation number, or, for a Swedish sole trader
/// (enskild näringsidkare), by the personnummer that serves as one (NORDIC-RULES 13.3). A Norwegian sole
/// proprietorship (enkeltpersonforetak) has an organisasjonsnummer of its own.
public enum BusinessIdentity {
    /// Whether the numbers on file identify a business of the country `countryCode` (ISO 3166-1 alpha-2), by that
    /// country's registry, whatever the creditor's country: a Norwegian creditor's Swedish customer has a Swedish
    /// number. A sole trader's personnummer is kept as the national identity number, as personal data (masked on pages,
    /// exported only in the handover). Another country's number is kept as given, so any is taken.
    public static func isKnown(organisationNumber: String?, nationalIdentityNumber: String?, countryCode: String, today: CivilDate) -> Bool {
        switch Country(rawValue: countryCode.uppercased()) {
        case .norway:
            return organisationNumber.map { (try? NorwegianOrganisationNumber(validating: $0)) != nil } ?? false
        case .sweden:
            if let number = organisationNumber, (try? SwedishOrganisationNumber(validating: number)) != nil { return true }
            return nationalIdentityNumber.map { (try? SwedishPersonalNumber(validating: $0, referenceDate: today)) != nil } ?? false
        case nil:
            return organisationNumber.map { $0.contains { !$0.isWhitespace } } ?? false
        }
    }

    /// A Swedish business's number as typed: an organisationsnummer, else a sole trader's personnummer. When it is
    /// neither, the error is the personnummer's if the number reads as one (its third digit below 2: a month), else the
    /// organisationsnummer's, so a mistyped personnummer is told its own fault.
    public static func swedish(validating text: String) throws(IdentifierError) -> SwedishBusinessNumber {
        do {
            return .organisation(try SwedishOrganisationNumber(validating: text))
        } catch {
            do {
                return .soleTrader(try SwedishPersonalNumber(validating: text))
            } catch let personal {
                throw readsAsPersonal(text) ? personal : error
            }
        }
    }

    /// Whether a Swedish number reads as a personnummer rather than an organisationsnummer, valid or not: its third
    /// digit (of the 10-digit form) is below 2, a month.
    public static func readsAsPersonal(_ text: String) -> Bool {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let tenDigits = digits.count == 12 && !digits.hasPrefix("16") ? String(digits.dropFirst(2)) : digits
        return tenDigits.count == 10 && tenDigits.dropFirst(2).first.map { $0 < "2" } == true
    }

    /// The word for what is missing, in the language of `country`, the creditor's, as the planner's and the handover's
    /// reasons name it.
    public static func missingWord(_ country: Country) -> String {
        country == .norway ? "organisasjonsnummer" : "organisationsnummer"
    }
}

/// The number a Swedish business is registered by (`BusinessIdentity.swedish(validating:)`).
public enum SwedishBusinessNumber: Sendable, Equatable {
    case organisation(SwedishOrganisationNumber)
    /// A sole trader's personnummer, which serves as its organisationsnummer (NORDIC-RULES 13.3).
    case soleTrader(SwedishPersonalNumber)
}
