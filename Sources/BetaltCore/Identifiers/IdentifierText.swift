/// Reading identifiers the way people write them: digits grouped by spaces, dashes or dots.
enum IdentifierText {
    /// Spaces of any width, hyphens and en dashes, and dots: the group separators seen on invoices.
    static func isGroupSeparator(_ character: Character) -> Bool {
        character.isWhitespace || character == "-" || character == "\u{2010}" || character == "\u{2013}"
            || character == "."
    }

    /// The digits of `text` with group separators removed, or the first character that is neither.
    static func digits(of text: String, kind: String) throws(IdentifierError) -> String {
        var digits = ""
        for character in text where !isGroupSeparator(character) {
            guard character.isASCIIDigitCharacter else { throw .notADigit(kind, text, character) }
            digits.append(character)
        }
        guard !digits.isEmpty else { throw .empty(kind, text) }
        return digits
    }

    /// The digits of `text` with an exact count.
    static func digits(of text: String, kind: String, count: Int) throws(IdentifierError) -> String {
        let digits = try digits(of: text, kind: kind)
        guard digits.count == count else {
            throw .digitCount(kind, text, expected: String(count), actual: digits.count)
        }
        return digits
    }

    /// The digits of `text` with a count in `counts`.
    static func digits(of text: String, kind: String, counts: ClosedRange<Int>) throws(IdentifierError) -> String {
        let digits = try digits(of: text, kind: kind)
        guard counts.contains(digits.count) else {
            let expected = switch counts.count {
            case 1: "\(counts.lowerBound)"
            case 2: "\(counts.lowerBound) or \(counts.upperBound)"
            default: "\(counts.lowerBound) to \(counts.upperBound)"
            }
            throw .digitCount(kind, text, expected: expected, actual: digits.count)
        }
        return digits
    }

    /// Digit values of a text already known to hold only ASCII digits.
    static func values(_ digits: some StringProtocol) -> [Int] {
        digits.utf8.map { Int($0) - 48 }
    }

    /// `text` cut into groups of the given sizes, joined by `separator`; the last group takes what is left.
    static func grouped(_ text: String, sizes: [Int], separator: String = " ") -> String {
        var groups: [Substring] = []
        var rest = Substring(text)
        for size in sizes where !rest.isEmpty {
            groups.append(rest.prefix(size))
            rest = rest.dropFirst(size)
        }
        if !rest.isEmpty { groups.append(rest) }
        return groups.joined(separator: separator)
    }
}
