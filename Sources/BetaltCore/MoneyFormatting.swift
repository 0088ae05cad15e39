extension Money {
    /// The amount as a reader in `language` expects it: nb/sv "1 234,50 kr", en "NOK 1,234.50".
    /// Grouping and the space before the unit are no-break spaces so an amount never wraps; a negative
    /// amount gets a true minus sign (U+2212), as typeset Nordic text does.
    public func formatted(_ language: Language) -> String {
        let digits = currency.minorUnitDigits
        let scale = Money.pow10(digits)
        let whole = minorUnits.magnitude / UInt64(scale)
        let fraction = minorUnits.magnitude % UInt64(scale)
        let (group, decimal): (Character, Character) = language == .en ? (",", ".") : ("\u{00A0}", ",")
        var wholeText = ""
        for (index, digit) in String(whole).reversed().enumerated() {
            if index > 0, index % 3 == 0 { wholeText.append(group) }
            wholeText.append(digit)
        }
        wholeText = String(wholeText.reversed())
        let fractionText = String(fraction)
        let number = digits == 0
            ? wholeText
            : "\(wholeText)\(decimal)\(String(repeating: "0", count: digits - fractionText.count))\(fractionText)"
        let sign = minorUnits < 0 ? "\u{2212}" : ""
        switch language {
        case .en:
            return "\(sign)\(currency.code)\u{00A0}\(number)"
        case .nb, .sv:
            let home: Currency = language == .nb ? .nok : .sek
            let unit = currency == home ? "kr" : currency.code
            return "\(sign)\(number)\u{00A0}\(unit)"
        }
    }
}
