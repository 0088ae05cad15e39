import BetaltCore
import Foundation

/// Reads fields out of a JSON object, collecting one error per bad field with its JSON pointer.
struct FieldValidation {
    private(set) var errors: [ApiFieldError] = []

    mutating func fail(_ pointer: String, _ message: String) {
        errors.append(ApiFieldError(field: pointer, message: message))
    }

    /// Reports fields the schema does not have: a misspelt optional field would otherwise be silently dropped.
    mutating func refuseUnknown(in object: [String: JSONValue], known: Set<String>, at pointer: String) {
        for key in object.keys.sorted() where !known.contains(key) { fail("\(pointer)/\(key)", "is not a field Betalt knows") }
    }

    mutating func string(_ key: String, in object: [String: JSONValue], at pointer: String, required: Bool = false) -> String? {
        switch object[key] {
        case .string(let text) where !text.trimmingCharacters(in: .whitespaces).isEmpty:
            return text.trimmingCharacters(in: .whitespaces)
        case .string, .null, nil:
            if required { fail("\(pointer)/\(key)", "is required") }
            return nil
        case let other?:
            fail("\(pointer)/\(key)", "must be a string, not \(other.typeName)")
            return nil
        }
    }

    mutating func bool(_ key: String, in object: [String: JSONValue], at pointer: String) -> Bool? {
        switch object[key] {
        case .bool(let value): return value
        case .null, nil: return nil
        case let other?:
            fail("\(pointer)/\(key)", "must be true or false, not \(other.typeName)")
            return nil
        }
    }

    mutating func strings(_ key: String, in object: [String: JSONValue], at pointer: String) -> [String] {
        switch object[key] {
        case .array(let items):
            return items.enumerated().compactMap { index, item in
                if case .string(let text) = item { return text }
                fail("\(pointer)/\(key)/\(index)", "must be a string, not \(item.typeName)")
                return nil
            }
        case .null, nil: return []
        case let other?:
            fail("\(pointer)/\(key)", "must be an array of strings, not \(other.typeName)")
            return []
        }
    }

    mutating func date(_ key: String, in object: [String: JSONValue], at pointer: String) -> CivilDate? {
        guard let text = string(key, in: object, at: pointer, required: true) else { return nil }
        do { return try CivilDate(iso: text) } catch {
            fail("\(pointer)/\(key)", "must be a date YYYY-MM-DD, not \"\(text)\"")
            return nil
        }
    }

    mutating func currency(_ key: String, in object: [String: JSONValue], at pointer: String) -> Currency? {
        guard let code = string(key, in: object, at: pointer, required: true) else { return nil }
        do { return try Currency.named(code) } catch {
            fail("\(pointer)/\(key)", "\"\(code)\" is not a currency Betalt knows")
            return nil
        }
    }

    /// A positive amount written as a decimal string with a dot ("1250.00"). A JSON number is refused: binary
    /// floats cannot hold every amount exactly, and an amount must arrive exactly as the client meant it.
    mutating func amount(_ key: String, in object: [String: JSONValue], at pointer: String, currency: Currency?) -> Money? {
        let field = "\(pointer)/\(key)"
        if case .number(let text)? = object[key] {
            fail(field, "must be a decimal string such as \"\(text)\", not a JSON number")
            return nil
        }
        guard let text = string(key, in: object, at: pointer, required: true), let currency else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let money = try? Money.parse(text, currency: currency)
        else {
            fail(field, "must be a decimal string with at most \(currency.minorUnitDigits) decimals after a dot, e.g. \"1250.00\"")
            return nil
        }
        guard money.isPositive else {
            fail(field, "must be more than zero")
            return nil
        }
        return money
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
