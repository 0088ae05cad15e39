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

    /// When `number`, kept for a person of the country `countryCode` names (any case), is not a valid number of it: the
    /// number's name there (fødselsnummer, personnummer), for saying what an agency would lack. Nil for a valid number,
    /// a blank one (none kept), and another country's, which Betalt cannot check.
    public static func invalidWord(_ number: String, countryCode: String, today: CivilDate) -> String? {
        guard number.contains(where: { !$0.isWhitespace }) else { return nil }
        switch Country(rawValue: countryCode.uppercased()) {
        case .norway?: return (try? NorwegianPersonalNumber(validating: number)) == nil ? "fødselsnummer" : nil
        case .sweden?: return (try? SwedishPersonalNumber(validating: number, referenceDate: today)) == nil ? "personnummer" : nil
        case nil: return nil
        }
    }

    /// Whether two numbers are the same person's: by their normal form where they are valid, else as written.
    public static func same(_ one: String, _ other: String) -> Bool {
        normalized(one) == normalized(other)
    }

    /// The number in its normal form where it is valid, else trimmed, as written.
    public static func normalized(_ number: String) -> String {
        if let norwegian = try? NorwegianPersonalNumber(validating: number) { return norwegian.normalized }
        if let swedish = try? SwedishPersonalNumber(validating: number) { return swedish.normalized }
        return number.trimmingCharacters(in: .whitespaces)
    }
}
