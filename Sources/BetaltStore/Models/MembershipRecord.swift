import FluentKit
import Foundation

/// Grants a user access to one creditor (an accounting bureau's user has many).
public final class MembershipRecord: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "role") public var role: String

    public init() {}

    public init(id: UUID? = nil, creditorID: UUID, userID: UUID, role: String) {
        self.id = id
        self.creditorID = creditorID
        self.userID = userID
        self.role = role
    }
}
