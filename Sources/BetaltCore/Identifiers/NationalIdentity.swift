import Foundation

/// A fødselsnummer or personnummer as Betalt keeps it: personal data, shown anywhere but in the agency handover with
/// only its date part, the rest starred (DESIGN §9), and compared by its digits, however it was written.
public enum NationalIdentity {
    /// The number masked; a number that is neither a fødselsnummer nor a personnummer is starred whole.
    public static func masked(_ number: String) -> String {
        if let norwegian = try? NorwegianPersonalNumber(validating: number) { return norwegian.masked }
        if let swedish = try? SwedishPersonalNumber(validating: number) { return swedish.masked }
        return String(repeating: "•", count: number.count)
    }

    /// Whether `number` is a valid national identity number of the country `countryCode` names (any case): a
    /// fødselsnummer for Norway, a personnummer for Sweden; nil for another country, whose numbers Betalt cannot check.
    public static func isValid(_ number: String, countryCode: String, today: CivilDate) -> Bool? {
        switch Country(rawValue: countryCode.uppercased()) {
        case .norway?: (try? NorwegianPersonalNumber(validating: number)) != nil
        case .sweden?: (try? SwedishPersonalNumber(validating: number, referenceDate: today)) != nil
        case nil: nil
        }
    }

    /// The number's name in the words of `country`'s registry, for what an agency needs.
    public static func word(_ country: Country) -> String {
        country == .norway ? "fødselsnummer" : "personnummer"
    }

    /// Whether two numbers are the same person's: by their normal form where they are valid, else as written.
    public static func same(_ one: String, _ other: String) -> Bool {
        normalized(one) == normalized(other)
    }

    private static func normalized(_ number: String) -> String {
        if let norwegian = try? NorwegianPersonalNumber(validating: number) { return norwegian.normalized }
        if let swedish = try? SwedishPersonalNumber(validating: number) { return swedish.normalized }
        return number.trimmingCharacters(in: .whitespaces)
    }
}
