import FluentKit
import Foundation

/// An API client's token for one creditor: only the SHA-256 of its secret is kept, with the scopes it grants.
public final class ApiTokenRecord: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    /// What the token is for, so a person can tell tokens apart when revoking one.
    @Field(key: "name") public var name: String
    /// SHA-256 of the secret, in hex; the secret itself is shown once and never stored.
    @Field(key: "token_hash") public var tokenHash: String
    /// Granted scopes, comma-separated, e.g. `invoices:write,payments:write`.
    @Field(key: "scopes") public var scopes: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(id: UUID? = nil, creditorID: UUID, name: String, tokenHash: String, scopes: [String]) {
        self.id = id
        self.creditorID = creditorID
        self.name = name
        self.tokenHash = tokenHash
        self.scopes = scopes.joined(separator: ",")
    }

    /// The granted scopes as a set.
    public var scopeSet: Set<String> { Set(scopes.split(separator: ",").map(String.init)) }
}
