// The check-digit arithmetic is written out by hand: it is a few lines each, and no Swift package
// implements the Nordic variants (MOD11 with "-", fødselsnummer weights) this project needs.

/// The Luhn (MOD10, "10-modul") check digit used by Swedish personnummer, organisationsnummer, OCR,
/// bankgiro and plusgiro, and by Norwegian MOD10 KIDs.
public enum Luhn {
    /// Whether the last digit of `digits` is the Luhn check digit of the others. False for anything
    /// but two or more ASCII digits.
    public static func isValid(_ digits: String) -> Bool {
        guard digits.count >= 2, digits.allSatisfy(\.isASCIIDigitCharacter) else { return false }
        return sum(IdentifierText.values(digits), doublingFirst: false) % 10 == 0
    }

    /// The digit to append to `payload` so that the whole passes `isValid`; nil unless `payload` is
    /// one or more ASCII digits.
    public static func checkDigit(for payload: String) -> Int? {
        guard !payload.isEmpty, payload.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        return (10 - sum(IdentifierText.values(payload), doublingFirst: true) % 10) % 10
    }

    /// Digits are weighted 1, 2, 1, 2… from the right (or 2, 1, 2… when `doublingFirst`); a doubled
    /// digit above 9 counts as the sum of its two digits.
    private static func sum(_ values: [Int], doublingFirst: Bool) -> Int {
        var total = 0
        for (offset, value) in values.reversed().enumerated() {
            let doubled = (offset % 2 == 0) == doublingFirst
            let term = doubled ? value * 2 : value
            total += term > 9 ? term - 9 : term
        }
        return total
    }
}

/// The MOD11 check value used by Norwegian organisasjonsnummer, kontonummer, KID and fødselsnummer.
public enum Mod11 {
    /// The weights 2, 3, 4, 5, 6, 7 repeated from the rightmost digit, as Norwegian banks and Brønnøysund use.
    public static func standardWeights(count: Int) -> [Int] {
        (0..<count).map { 2 + (count - 1 - $0) % 6 }
    }

    /// 11 − (weighted sum mod 11), with 11 written as 0. The result is 0…10; 10 fits no single digit,
    /// so each identifier decides what it means (KID writes "-", the others are impossible numbers).
    public static func checkValue(for digits: [Int], weights: [Int]) -> Int {
        (11 - weightedSum(digits, weights: weights) % 11) % 11
    }

    /// `checkValue(for:weights:)` with the standard weights.
    public static func checkValue(for digits: [Int]) -> Int {
        checkValue(for: digits, weights: standardWeights(count: digits.count))
    }

    static func weightedSum(_ digits: [Int], weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
