/// How a fødselsnummer or personnummer is shown anywhere but in the agency handover: personal data, so only its date
/// part, the rest starred (DESIGN §9). A number that is neither is starred whole.
public enum NationalIdentityMask {
    public static func masked(_ number: String) -> String {
        if let norwegian = try? NorwegianPersonalNumber(validating: number) { return norwegian.masked }
        if let swedish = try? SwedishPersonalNumber(validating: number) { return swedish.masked }
        return String(repeating: "•", count: number.count)
    }
}
