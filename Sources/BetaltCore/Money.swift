/// An ISO 4217 currency with the number of minor units it is counted in.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String
    public let minorUnitDigits: Int

    public init(code: String, minorUnitDigits: Int = 2) {
        self.code = code
        self.minorUnitDigits = minorUnitDigits
    }

    public static let nok = Currency(code: "NOK")
    public static let sek = Currency(code: "SEK")
    public static let eur = Currency(code: "EUR")
    public static let dkk = Currency(code: "DKK")
    public static let usd = Currency(code: "USD")
    public static let gbp = Currency(code: "GBP")

    /// The currencies Betalt knows by code, with their ISO 4217 minor units; others are refused at the
    /// boundary rather than guessed (a bank file may carry a foreign payment's own currency, e.g. CHF).
    public static let known: [String: Currency] = {
        var known: [String: Currency] = ["NOK": .nok, "SEK": .sek, "EUR": .eur, "DKK": .dkk, "USD": .usd, "GBP": .gbp]
        for (code, digits) in [
            ("AUD", 2), ("CAD", 2), ("CHF", 2), ("CNY", 2), ("CZK", 2), ("HKD", 2), ("HUF", 2), ("ISK", 0), ("JPY", 0),
            ("NZD", 2), ("PLN", 2), ("SGD", 2),
        ] {
            known[code] = Currency(code: code, minorUnitDigits: digits)
        }
        return known
    }()

    public static func named(_ code: String) throws(MoneyError) -> Currency {
        guard let currency = known[code.uppercased()] else { throw .unknownCurrency(code) }
        return currency
    }

    public var description: String { code }
}

/// What can go wrong with money: mixing currencies, overflow, text that is not an amount.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case currencyMismatch(Currency, Currency)
    case overflow
    case unknownCurrency(String)
    case notAnAmount(String)

    public var description: String {
        switch self {
        case .currencyMismatch(let a, let b): "cannot combine \(a.code) with \(b.code)"
        case .overflow: "amount out of range"
        case .unknownCurrency(let code): "unknown currency code '\(code)'"
        case .notAnAmount(let text): "'\(text)' is not an amount (expected e.g. 1234.50 or 1 234,50)"
        }
    }
}

/// An amount of money: an integer count of minor units (øre, öre, cent) in one currency. Never floating point.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Whole major units (kroner), for rule tables written in kroner.
    public static func major(_ units: Int64, _ currency: Currency) -> Money {
        Money(minorUnits: units * pow10(currency.minorUnitDigits), currency: currency)
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isZero: Bool { minorUnits == 0 }
    public var isPositive: Bool { minorUnits > 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var negated: Money { Money(minorUnits: -minorUnits, currency: currency) }
    public var magnitude: Money { Money(minorUnits: Swift.abs(minorUnits), currency: currency) }

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        return try Money.checked(sum, overflow: overflow, currency)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        return try Money.checked(difference, overflow: overflow, currency)
    }

    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        return try Money.checked(product, overflow: overflow, currency)
    }

    /// Arithmetic never yields `Int64.min`: it has no positive counterpart, so negating it would trap.
    private static func checked(_ value: Int64, overflow: Bool, _ currency: Currency) throws(MoneyError) -> Money {
        guard !overflow, value != .min else { throw .overflow }
        return Money(minorUnits: value, currency: currency)
    }

    public func isLess(than other: Money) throws(MoneyError) -> Bool {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        return minorUnits < other.minorUnits
    }

    /// The smaller of two amounts in the same currency.
    public func min(_ other: Money) throws(MoneyError) -> Money {
        try isLess(than: other) ? self : other
    }

    /// Sums amounts of one currency; an empty list sums to zero in `currency`.
    public static func sum(_ amounts: some Sequence<Money>, in currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// Parses a decimal amount as written in files and forms: "1234.50", "1 234,50", "-12,5", "1234".
    /// More decimals than the currency has are refused, not rounded: an import must not change an amount.
    /// Spaces group the whole part in threes or not at all: "1 23" is refused, not read as 123.
    public static func parse(_ text: String, currency: Currency) throws(MoneyError) -> Money {
        var body = text.trimmingWhitespace()
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("\u{2212}") { negative = true; body.removeFirst() }
        else if body.hasPrefix("+") { body.removeFirst() }
        body = String(body.drop(while: isGroupingSpace))
        let parts = body.split(separator: body.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholeDigits = groupedDigits(parts[0]), !wholeDigits.isEmpty,
              parts.count == 1 || parts[1].allSatisfy(\.isASCIIDigitCharacter) else { throw .notAnAmount(text) }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= currency.minorUnitDigits, parts.count == 1 || !fraction.isEmpty else {
            throw .notAnAmount(text)
        }
        let padded = fraction + String(repeating: "0", count: currency.minorUnitDigits - fraction.count)
        guard let whole = Int64(wholeDigits), let minor = Int64(padded.isEmpty ? "0" : padded) else {
            throw .overflow
        }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: pow10(currency.minorUnitDigits))
        let (total, o2) = scaled.addingReportingOverflow(minor)
        guard !o1, !o2 else { throw .overflow }
        return Money(minorUnits: negative ? -total : total, currency: currency)
    }

    /// A space that may group digits or follow a sign: a space, a no-break space or a narrow no-break space.
    private static func isGroupingSpace(_ character: Character) -> Bool {
        character == " " || character == "\u{00A0}" || character == "\u{202F}"
    }

    /// The digits of a whole part written plain ("1234") or grouped in threes after the first group ("1 234",
    /// as nb and sv write amounts); nil otherwise.
    private static func groupedDigits(_ whole: Substring) -> String? {
        let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: isGroupingSpace)
        guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }) else { return nil }
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return groups.joined()
    }

    /// The amount as a plain decimal string with a dot, e.g. "-1234.50" (for files and APIs).
    public var decimalString: String {
        let digits = currency.minorUnitDigits
        let scale = Money.pow10(digits)
        let whole = minorUnits.magnitude / UInt64(scale)
        let fraction = minorUnits.magnitude % UInt64(scale)
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fractionText = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: digits - fractionText.count))\(fractionText)"
    }

    public var description: String { "\(decimalString) \(currency.code)" }

    static func pow10(_ n: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<n { result *= 10 }
        return result
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
