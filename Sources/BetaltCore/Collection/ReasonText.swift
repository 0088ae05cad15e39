/// A reason's words: an English template with numbered places ({1}, {2}, …) and the values that fill them.
/// The planner writes a reason as an ordinary string literal; its interpolations become the values, so a page
/// can show the same reason in Norwegian or Swedish (the template is the key of its translations) with dates
/// and amounts written as the reader's language writes them.
public struct ReasonText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public let template: String
    public let arguments: [ReasonArgument]

    public init(template: String, arguments: [ReasonArgument]) {
        self.template = template
        self.arguments = arguments
    }

    /// Text made elsewhere (a person's note, a stored text from before reasons had templates): shown as it is.
    public init(verbatim text: String) {
        self.init(template: text, arguments: [])
    }

    public init(stringLiteral value: String) {
        self.init(verbatim: value)
    }

    public init(stringInterpolation: Interpolation) {
        self.init(template: stringInterpolation.template, arguments: stringInterpolation.arguments)
    }

    /// The reason in English as logs and the command line print it (dates as ISO 8601, amounts as "37.50 NOK").
    public var description: String { filled(template) { $0.description } }

    /// The reason in `language`, given that language's template (nil: the English one) for this and every
    /// nested reason.
    public func text(in language: Language, translating translate: (String) -> String?) -> String {
        filled(translate(template) ?? template) { $0.text(in: language, translating: translate) }
    }

    /// Two reasons' words one after the other, the second's places numbered on from the first's.
    static func + (lhs: ReasonText, rhs: ReasonText) -> ReasonText {
        let shift = lhs.arguments.count
        return ReasonText(
            template: lhs.template + rhs.replacingPlaces(in: rhs.template) { number in "{\(number + shift)}" },
            arguments: lhs.arguments + rhs.arguments
        )
    }

    private func filled(_ template: String, _ render: (ReasonArgument) -> String) -> String {
        replacingPlaces(in: template) { number in render(arguments[number - 1]) }
    }

    /// The template with each {n} that names an argument replaced. Written by hand, over UTF-8 because the
    /// daily run joins reasons for most claims: Foundation's format strings would read a stray "%" in a stored
    /// text as a place.
    private func replacingPlaces(in template: String, _ replacement: (Int) -> String) -> String {
        guard !arguments.isEmpty else { return template }
        let bytes = template.utf8
        var result = ""
        result.reserveCapacity(bytes.count + 16 * arguments.count)
        var plainStart = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "{") else {
                index = bytes.index(after: index)
                continue
            }
            var cursor = bytes.index(after: index)
            var number = 0
            while cursor != bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), number < 1_000 {
                number = number * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor = bytes.index(after: cursor)
            }
            guard cursor != bytes.endIndex, bytes[cursor] == UInt8(ascii: "}"), arguments.indices.contains(number - 1) else {
                index = bytes.index(after: index)
                continue
            }
            result += template[plainStart..<index]
            result += replacement(number)
            index = bytes.index(after: cursor)
            plainStart = index
        }
        return result + template[plainStart...]
    }

    /// Collects the literal parts into the template and the interpolated values into the arguments.
    public struct Interpolation: StringInterpolationProtocol {
        var template = ""
        var arguments: [ReasonArgument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            template.reserveCapacity(literalCapacity + 3 * interpolationCount)
            arguments.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { template += literal }

        public mutating func appendInterpolation(_ date: CivilDate) { append(.date(date)) }
        public mutating func appendInterpolation(_ money: Money) { append(.money(money)) }
        public mutating func appendInterpolation(_ reason: ReasonText) { append(.reason(reason)) }
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { append(.text(value.description)) }
        /// A rulebook's error is a reason of its own (translated); any other error is shown as it describes itself.
        public mutating func appendInterpolation(_ error: any Error) {
            append((error as? RuleLookupError).map { .reason($0.reason) } ?? .text("\(error)"))
        }
        public mutating func appendInterpolation(_ error: RuleLookupError) { append(.reason(error.reason)) }
        public mutating func appendInterpolation(_ half: HalfYear) { append(.reason(half.name)) }

        private mutating func append(_ argument: ReasonArgument) {
            arguments.append(argument)
            template += "{\(arguments.count)}"
        }
    }
}

/// A value in a reason: a date or an amount (written in the reader's language), a nested reason (translated
/// on its own), or text shown as it is (names, ids, counts).
public enum ReasonArgument: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case date(CivilDate)
    case money(Money)
    case reason(ReasonText)

    public var description: String {
        switch self {
        case .text(let text): text
        case .date(let date): date.iso
        case .money(let money): money.description
        case .reason(let reason): reason.description
        }
    }

    func text(in language: Language, translating translate: (String) -> String?) -> String {
        switch self {
        case .text(let text): text
        case .date(let date): date.formatted(language)
        case .money(let money): money.formatted(language)
        case .reason(let reason): reason.text(in: language, translating: translate)
        }
    }
}

/// Kept as {"text": template, "arguments": [...]}, the arguments left out when there are none, so a reason
/// without values reads as the plain {"text": …} that reasons were kept as before they had templates.
extension ReasonText: Codable {
    enum CodingKeys: String, CodingKey { case text, arguments }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            template: try container.decode(String.self, forKey: .text),
            arguments: try container.decodeIfPresent([ReasonArgument].self, forKey: .arguments) ?? []
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(template, forKey: .text)
        if !arguments.isEmpty { try container.encode(arguments, forKey: .arguments) }
    }
}

/// Kept as a short tagged string ("d:2026-11-24", "m:3750 NOK", "t:…") or, for a nested reason, its object:
/// an act row carries a few of these, and the daily run writes hundreds of thousands of rows.
extension ReasonArgument: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let tagged = try? container.decode(String.self) else {
            self = .reason(try container.decode(ReasonText.self))
            return
        }
        guard let (tag, value) = Self.split(tagged) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a reason argument without a tag: \(tagged)")
        }
        switch tag {
        case "t":
            self = .text(value)
        case "d":
            guard let date = try? CivilDate(iso: value) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(value)")
            }
            self = .date(date)
        case "m":
            let parts = value.split(separator: " ")
            guard parts.count == 2, let minor = Int64(parts[0]), let currency = Currency.known[String(parts[1])] else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an amount: \(value)")
            }
            self = .money(Money(minorUnits: minor, currency: currency))
        default:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown reason argument tag: \(tag)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let tagged {
            try container.encode(tagged)
        } else if case .reason(let nested) = self {
            try container.encode(nested)
        }
    }

    /// The tagged string of a value argument (nil for a nested reason, which is kept as an object).
    private var tagged: String? {
        switch self {
        case .text(let text): "t:\(text)"
        case .date(let date): "d:\(date.iso)"
        case .money(let money): "m:\(money.minorUnits) \(money.currency.code)"
        case .reason: nil
        }
    }

    private static func split(_ tagged: String) -> (Substring, String)? {
        guard let colon = tagged.firstIndex(of: ":") else { return nil }
        return (tagged[..<colon], String(tagged[tagged.index(after: colon)...]))
    }
}
