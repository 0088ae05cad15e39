import Foundation

/// A JSON document as written, so validation can tell a decimal string from a JSON number and name every
/// bad field at once instead of stopping at the first decoding error.
indirect enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case string(String)
    /// A number, kept as its text: never converted to a binary float, and never accepted as money.
    case number(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else if let value = try? container.decode([String: JSONValue].self) { self = .object(value) }
        else { self = .number("\(try container.decode(Decimal.self))") }
    }

    /// The JSON type's name, for messages such as "must be a string, not a number".
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .string: "a string"
        case .number: "a number"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
