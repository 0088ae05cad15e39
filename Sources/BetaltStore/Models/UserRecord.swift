import FluentKit
import Foundation

/// A person who logs in to the web app. Which creditors they may see is in `MembershipRecord`.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    /// A bcrypt hash; the password itself is never stored.
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "language") public var language: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, email: String, name: String, passwordHash: String, language: String) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.language = language
    }
}
