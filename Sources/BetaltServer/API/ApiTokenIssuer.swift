import BetaltStore
import Crypto
import FluentKit
import Foundation

/// Issues and checks API tokens of the form `betalt_<token id>_<secret>`: the id finds the row, the secret's
/// SHA-256 must equal the stored hash. Only the hash is stored, so the token is shown once, at issue.
public enum ApiTokenIssuer {
    static let prefix = "betalt_"

    /// Creates a token for the creditor and returns its row and the token text, which is not kept anywhere.
    public static func issue(
        creditorID: UUID, name: String, scopes: [ApiScope], on database: any Database
    ) async throws -> (record: ApiTokenRecord, token: String) {
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let record = ApiTokenRecord(
            id: TimeOrderedID.next(), creditorID: creditorID, name: name, tokenHash: hash(secret), scopes: scopes.map(\.rawValue)
        )
        try await ApiTokens.create(record, on: database)
        let id = try record.requireID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return (record, prefix + id + "_" + hex(secret))
    }

    /// The active token the text stands for, or nil when it is malformed, unknown, wrong or revoked.
    public static func verify(_ token: String, on database: any Database) async throws -> ApiTokenRecord? {
        guard token.hasPrefix(prefix) else { return nil }
        let parts = token.dropFirst(prefix.count).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32, let id = uuid(fromHex: parts[0]), let secret = bytes(fromHex: parts[1]),
              secret.count == 32 else { return nil }
        return try await ApiTokens.active(id: id, secretHash: hash(secret), on: database)
    }

    static func hash(_ secret: [UInt8]) -> String { sha256Hex(secret) }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func bytes(fromHex text: Substring) -> [UInt8]? {
        guard text.count.isMultiple(of: 2) else { return nil }
        var result: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            result.append(byte)
            index = next
        }
        return result
    }

    static func uuid(fromHex text: Substring) -> UUID? {
        let t = Array(text)
        let groups = [t[0..<8], t[8..<12], t[12..<16], t[16..<20], t[20..<32]].map { String($0) }
        return UUID(uuidString: groups.joined(separator: "-"))
    }
}
