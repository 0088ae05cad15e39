import FluentKit
import Foundation

/// Stores, finds and revokes API tokens. Hashing the secret is the caller's; this compares hashes in constant time.
public enum ApiTokens {
    public static func create(_ token: ApiTokenRecord, on database: any Database) async throws {
        guard try await CreditorRecord.find(token.creditorID, on: database) != nil else {
            throw ApiTokenError.noSuchCreditor(token.creditorID)
        }
        try await token.create(on: database)
    }

    /// The unrevoked token with this id whose stored hash equals `secretHash`, else nil.
    public static func active(id: UUID, secretHash: String, on database: any Database) async throws -> ApiTokenRecord? {
        guard let token = try await ApiTokenRecord.find(id, on: database), token.revokedAt == nil else { return nil }
        return hashesMatch(token.tokenHash, secretHash) ? token : nil
    }

    /// Revokes the token; false when there is no such token or it was revoked already.
    public static func revoke(id: UUID, at date: Date = Date(), on database: any Database) async throws -> Bool {
        guard let token = try await ApiTokenRecord.find(id, on: database), token.revokedAt == nil else { return false }
        token.revokedAt = date
        try await token.update(on: database)
        return true
    }

    /// Compares every byte whatever differs first, so the time taken says nothing about how close a guess came.
    public static func hashesMatch(_ stored: String, _ given: String) -> Bool {
        let lhs = Array(stored.utf8), rhs = Array(given.utf8)
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

/// Why a token could not be created.
public enum ApiTokenError: Error, CustomStringConvertible {
    case noSuchCreditor(UUID)

    public var description: String {
        switch self {
        case .noSuchCreditor(let id): "no creditor \(id)"
        }
    }
}
