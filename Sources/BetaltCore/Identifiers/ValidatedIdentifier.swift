/// An identifier that only exists once validated, and that travels (JSON, database) as its normalized text.
public protocol ValidatedIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identifier's everyday name, as used in error messages.
    static var kind: String { get }
    /// Accepts the usual human spellings and refuses anything that is not a valid identifier.
    init(validating text: String) throws(IdentifierError)
    /// The canonical form, as stored and compared.
    var normalized: String { get }
}

extension ValidatedIdentifier {
    /// Decoding validates again, so a corrupted store or a forged request cannot smuggle in a bad number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(normalized)
    }

    public var description: String { normalized }
}
