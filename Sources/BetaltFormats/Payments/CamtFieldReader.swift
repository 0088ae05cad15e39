import BetaltCore

/// Reads typed values out of camt elements, turning every refusal into a `FormatError` with the XPath.
struct CamtFieldReader {
    let fileName: String

    /// The element at `names` below `parent`, or an error naming the path where it should have been.
    func required(_ names: String..., in parent: XMLTreeElement) throws(FormatError) -> XMLTreeElement {
        guard let element = parent.descendant(names), !(element.text.isEmpty && element.children.isEmpty) else {
            let steps = names.map { name in parent.prefix.map { "\($0):\(name)" } ?? name }
            throw FormatError(
                file: fileName, location: .path(([parent.path] + steps).joined(separator: "/")), field: names.last,
                message: "the required element is missing or empty")
        }
        return element
    }

    /// The text at `names` below `parent`, nil when absent or empty.
    func text(_ names: String..., in parent: XMLTreeElement?) -> String? {
        guard let text = parent?.descendant(names)?.text, !text.isEmpty else { return nil }
        return text
    }

    /// An ISO 20022 amount: digits with an optional decimal point, its currency in `Ccy`, never more decimals
    /// than the currency has (refused, not rounded: an import must not change an amount). The sign is `CdtDbtInd`.
    func amount(_ element: XMLTreeElement) throws(FormatError) -> Money {
        guard let code = element.attribute("Ccy"), !code.isEmpty else {
            throw failure(element, "the amount has no currency (Ccy attribute)")
        }
        guard let currency = try? Currency.named(code) else {
            throw failure(element, "'\(code)' is not a currency Betalt handles")
        }
        let parts = element.text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw failure(
                element, "'\(element.text)' is not an amount (expected digits and a decimal point, e.g. 1234.50)")
        }
        let decimals = parts.count == 2 ? parts[1].count : 0
        guard decimals <= currency.minorUnitDigits else {
            throw failure(
                element, "'\(element.text)' has \(decimals) decimals, but \(code) has \(currency.minorUnitDigits)")
        }
        do {
            return try Money.parse(element.text, currency: currency)
        } catch {
            throw failure(element, "'\(element.text)' is too large an amount")
        }
    }

    /// The civil date of a `BookgDt`/`ValDt`-style element holding `Dt` or `DtTm`.
    func date(in parent: XMLTreeElement) throws(FormatError) -> CivilDate {
        if let date = parent.child("Dt") { return try self.date(date) }
        if let dateTime = parent.child("DtTm") { return try self.dateOfDateTime(dateTime) }
        throw failure(parent, "neither a date (Dt) nor a date and time (DtTm) is given")
    }

    /// An `xs:date`: `YYYY-MM-DD`, a time zone after it allowed and ignored.
    func date(_ element: XMLTreeElement) throws(FormatError) -> CivilDate {
        let text = element.text
        let zone = text.dropFirst(10)
        guard zone.isEmpty || zone == "Z" || Self.isOffset(zone),
              let date = try? CivilDate(iso: String(text.prefix(10))) else {
            throw failure(element, "'\(text)' is not a date (expected YYYY-MM-DD)")
        }
        return date
    }

    /// The date part of an `xs:dateTime` as written: the bank's own day counts, so the offset is not applied.
    func dateOfDateTime(_ element: XMLTreeElement) throws(FormatError) -> CivilDate {
        let text = element.text
        let time = Array(text.dropFirst(10).prefix(9))
        let shape = time.count == 9 && time[0] == "T" && time[3] == ":" && time[6] == ":"
            && [1, 2, 4, 5, 7, 8].allSatisfy { time[$0].isASCIIDigit }
        guard shape, let date = try? CivilDate(iso: String(text.prefix(10))) else {
            throw failure(element, "'\(text)' is not a date and time (expected YYYY-MM-DDThh:mm:ss)")
        }
        return date
    }

    func indicator(_ element: XMLTreeElement) throws(FormatError) -> CamtIndicator {
        switch element.text {
        case "CRDT": return .credit
        case "DBIT": return .debit
        default: throw failure(element, "'\(element.text)' is neither CRDT nor DBIT")
        }
    }

    /// An `xs:boolean`.
    func boolean(_ element: XMLTreeElement) throws(FormatError) -> Bool {
        switch element.text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw failure(element, "'\(element.text)' is neither true nor false")
        }
    }

    func failure(_ element: XMLTreeElement, _ message: String) -> FormatError {
        FormatError(file: fileName, location: .path(element.path), field: element.name, message: message)
    }

    private static func isOffset(_ zone: Substring) -> Bool {
        let characters = Array(zone)
        return characters.count == 6 && (characters[0] == "+" || characters[0] == "-") && characters[3] == ":"
            && [1, 2, 4, 5].allSatisfy { characters[$0].isASCIIDigit }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
