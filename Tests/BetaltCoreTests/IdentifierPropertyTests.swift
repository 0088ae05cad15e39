import PropertyBased
import Testing
@testable import BetaltCore

@Suite("Identifier properties")
struct IdentifierPropertyTests {
    /// Every text that differs from `text` in exactly one digit position, the check position included.
    /// `alternatives` lists what may replace a character at the last position.
    static func singleCharacterChanges(of text: String, lastPositionAlternatives: [Character]) -> [String] {
        let characters = Array(text)
        var changes: [String] = []
        for index in characters.indices {
            let options: [Character] = index == characters.count - 1
                ? lastPositionAlternatives : Array("0123456789")
            for replacement in options where replacement != characters[index] {
                var changed = characters
                changed[index] = replacement
                changes.append(String(changed))
            }
        }
        return changes
    }

    @Test("generated KIDs validate with their algorithm, and every single-character change is caught",
          arguments: KID.Algorithm.allCases)
    func kidRoundTrip(_ algorithm: KID.Algorithm) async throws {
        await propertyCheck(input: Gen.number.string(of: 1...24)) { base in
            let kid = try KID.generate(base: base, algorithm: algorithm)
            #expect(kid.normalized.hasPrefix(base))
            #expect(kid.normalized.count == base.count + 1)
            #expect(try KID(validating: kid.normalized, algorithm: algorithm) == kid)
            #expect(try KID(validating: kid.normalized).normalized == kid.normalized)
            let lastOptions = Array(algorithm == .mod11 ? "0123456789-" : "0123456789")
            for changed in Self.singleCharacterChanges(of: kid.normalized, lastPositionAlternatives: lastOptions) {
                #expect((try? KID(validating: changed, algorithm: algorithm)) == nil, "\(changed) slipped through")
            }
        }
    }

    @Test("MOD11 KIDs whose check value is 10 end in '-' and validate")
    func kidDashCheck() throws {
        let dashed = (0..<200).compactMap { try? KID.generate(base: String(100_000 + $0), algorithm: .mod11) }
            .filter { $0.normalized.hasSuffix("-") }
        #expect(!dashed.isEmpty)
        for kid in dashed {
            #expect(try KID(validating: kid.normalized, algorithm: .mod11).algorithm == .mod11)
            #expect((try? KID(validating: kid.normalized, algorithm: .mod10)) == nil)
        }
    }

    @Test("generated OCR references validate, and every single-digit change is caught", arguments: [false, true])
    func ocrRoundTrip(_ withLengthDigit: Bool) async throws {
        await propertyCheck(input: Gen.number.string(of: 1...23)) { base in
            let reference = try OCRReference.generate(base: base, withLengthDigit: withLengthDigit)
            #expect(reference.normalized.count == base.count + (withLengthDigit ? 2 : 1))
            let reread = try OCRReference(validating: reference.normalized, requireLengthDigit: withLengthDigit)
            #expect(reread == reference)
            if withLengthDigit { #expect(reference.hasValidLengthDigit) }
            let changes = Self.singleCharacterChanges(
                of: reference.normalized, lastPositionAlternatives: Array("0123456789"))
            for changed in changes {
                #expect((try? OCRReference(validating: changed)) == nil, "\(changed) slipped through")
            }
        }
    }

    @Test("synthetic fødselsnummer validate, are flagged synthetic and read back their birth date")
    func syntheticFodselsnummer() async throws {
        let first = try CivilDate(1854, 1, 1).daysSinceEpoch
        let last = try CivilDate(2039, 12, 31).daysSinceEpoch
        await propertyCheck(input: Gen.int(in: first...last), Gen.int(in: 0...999)) { day, individualNumber in
            let birthDate = CivilDate(daysSinceEpoch: day)
            guard let number = NorwegianPersonalNumber.synthetic(
                birthDate: birthDate, individualNumber: individualNumber) else {
                #expect(!Self.fitsCentury(individualNumber, birthDate.year) || Self.controlDigitWouldBeTen(
                    birthDate: birthDate, individualNumber: individualNumber))
                return
            }
            let parsed = try NorwegianPersonalNumber(validating: number.normalized)
            #expect(parsed.isSynthetic)
            #expect(parsed.kind == .synthetic)
            #expect(parsed.birthDate == birthDate)
            #expect(try #require(Int(number.normalized.dropFirst(2).prefix(2))) == birthDate.month + 80)
            #expect(try #require(Int(number.normalized.dropFirst(6).prefix(3))) == individualNumber)
        }
    }

    /// The individnummer series of NORDIC-RULES 7.1, written out again as an independent oracle.
    static func fitsCentury(_ individualNumber: Int, _ year: Int) -> Bool {
        switch year {
        case 1854...1899: (500...749).contains(individualNumber)
        case 1900...1939: (0...499).contains(individualNumber)
        case 1940...1999: (0...499).contains(individualNumber) || (900...999).contains(individualNumber)
        case 2000...2039: (500...999).contains(individualNumber)
        default: false
        }
    }

    static func controlDigitWouldBeTen(birthDate: CivilDate, individualNumber: Int) -> Bool {
        let digits = [
            birthDate.day / 10, birthDate.day % 10, (birthDate.month + 80) / 10, birthDate.month % 10,
            birthDate.year % 100 / 10, birthDate.year % 10,
            individualNumber / 100, individualNumber / 10 % 10, individualNumber % 10,
        ]
        let first = Mod11.checkValue(for: digits, weights: NorwegianPersonalNumber.firstControlWeights)
        return first == 10 || Mod11.checkValue(for: digits + [first]) == 10
    }

    @Test("synthetic fødselsnummer exist for most individual numbers of the right century")
    func syntheticFodselsnummerAreNotRare() throws {
        let birthDate = try CivilDate(1990, 1, 15)
        let made = (0...499).compactMap {
            NorwegianPersonalNumber.synthetic(birthDate: birthDate, individualNumber: $0)
        }
        #expect(made.count > 350)
        #expect(Set(made).count == made.count)
        #expect(NorwegianPersonalNumber.synthetic(birthDate: birthDate, individualNumber: 600) == nil)
        #expect(NorwegianPersonalNumber.synthetic(birthDate: birthDate, individualNumber: 1000) == nil)
    }

    @Test("every single-digit change of a fødselsnummer is caught")
    func fodselsnummerTypos() async throws {
        let first = try CivilDate(1900, 1, 1).daysSinceEpoch
        let last = try CivilDate(1999, 12, 31).daysSinceEpoch
        await propertyCheck(input: Gen.int(in: first...last), Gen.int(in: 0...499)) { day, individualNumber in
            guard let number = NorwegianPersonalNumber.synthetic(
                birthDate: CivilDate(daysSinceEpoch: day), individualNumber: individualNumber) else { return }
            let changes = Self.singleCharacterChanges(
                of: number.normalized, lastPositionAlternatives: Array("0123456789"))
            for changed in changes {
                #expect((try? NorwegianPersonalNumber(validating: changed)) == nil, "\(changed) slipped through")
            }
        }
    }

    @Test("completing an organisation number gives a valid number or nil, never a wrong one")
    func organisationNumberCompletion() async {
        await propertyCheck(input: Gen.number.string(of: 8...8), Gen.number.string(of: 9...9)) { norwegian, swedish in
            if let number = NorwegianOrganisationNumber.completing(norwegian) {
                let reread = try NorwegianOrganisationNumber(validating: number.normalized)
                #expect(number.normalized.hasPrefix(norwegian))
                #expect(reread == number)
            } else {
                #expect(Mod11.checkValue(for: norwegian.utf8.map { Int($0) - 48 }) == 10)
            }
            if let number = SwedishOrganisationNumber.completing(swedish) {
                #expect(number.normalized.hasPrefix(swedish))
                #expect(Luhn.isValid(number.normalized))
            } else {
                let thirdDigit = try #require(Int(String(swedish.dropFirst(2).prefix(1))))
                #expect(thirdDigit < 2)
            }
        }
    }

    @Test("a Norwegian account's IBAN validates and wraps the account")
    func accountIBAN() async {
        await propertyCheck(input: Gen.number.string(of: 10...10)) { stem in
            let check = Mod11.checkValue(for: stem.utf8.map { Int($0) - 48 })
            guard check < 10 else { return }
            let account = try NorwegianBankAccount(validating: stem + String(check))
            let iban = try IBAN(validating: account.iban.normalized)
            #expect(iban.countryCode == "NO")
            #expect(iban.bban == account.normalized)
            #expect(iban.normalized.count == 15)
        }
    }
}
