import BetaltCore

/// Reads typed values out of UBL elements, turning every refusal into a `FormatError` with the XPath.
struct UBLFieldReader {
    let fileName: String

    /// The `cbc:` child `name`, or an error naming where it should have been.
    func required(_ name: String, in parent: XMLTreeElement) throws(FormatError) -> XMLTreeElement {
        guard let element = parent.child(name, namespace: UBLNamespace.basic), !element.text.isEmpty else {
            throw FormatError(
                file: fileName, location: .path("\(parent.path)/cbc:\(name)"), field: name,
                message: "the required element is missing or empty")
        }
        return element
    }

    /// The text at `names` below `parent` (local names, `cac:` steps then a `cbc:` leaf), nil when absent or empty.
    func text(_ names: String..., in parent: XMLTreeElement?) -> String? {
        guard let text = parent?.descendant(names)?.text, !text.isEmpty else { return nil }
        return text
    }

    /// An `xs:date` (`YYYY-MM-DD`) that is a real day.
    func date(_ element: XMLTreeElement) throws(FormatError) -> CivilDate {
        do {
            return try CivilDate(iso: element.text)
        } catch {
            throw failure(element, "'\(element.text)' is not a date (expected YYYY-MM-DD)")
        }
    }

    /// An `xs:decimal` amount in `currency`: refused, not rounded, when it has more decimals than the currency.
    func amount(_ element: XMLTreeElement, currency: Currency) throws(FormatError) -> Money {
        if let stated = element.attribute("currencyID"), stated.uppercased() != currency.code {
            throw failure(element, "the amount is in \(stated), but the document currency is \(currency.code)")
        }
        guard Self.isPlainDecimal(element.text) else {
            throw failure(element, "'\(element.text)' is not an amount (expected e.g. 1234.50)")
        }
        do {
            return try Money.parse(element.text, currency: currency)
        } catch .overflow {
            throw failure(element, "'\(element.text)' is too large an amount")
        } catch {
            throw failure(
                element,
                "'\(element.text)' has more than \(currency.minorUnitDigits) decimals, which \(currency.code) does not have")
        }
    }

    /// A currency Betalt knows (ISO 4217 code).
    func currency(_ element: XMLTreeElement) throws(FormatError) -> Currency {
        do {
            return try Currency.named(element.text)
        } catch {
            throw failure(element, "'\(element.text)' is not a currency Betalt handles")
        }
    }

    func failure(_ element: XMLTreeElement, _ message: String) -> FormatError {
        FormatError(file: fileName, location: .path(element.path), field: element.name, message: message)
    }

    /// `xs:decimal` only: optional sign, digits, optional dot and digits. Money.parse alone would also take
    /// a decimal comma or grouping spaces, which a UBL document never has.
    private static func isPlainDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }
}
