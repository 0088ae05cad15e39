import FluentKit
import Foundation

/// A creditor's own ladder, stored as its JSON definition (validated against the law before it is saved).
public final class LadderRecord: Model, @unchecked Sendable {
    public static let schema = "ladders"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "key") public var key: String
    @Field(key: "country") public var country: String
    @Field(key: "definition") public var definition: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, creditorID: UUID, key: String, country: String, definition: String) {
        self.id = id
        self.creditorID = creditorID
        self.key = key
        self.country = country
        self.definition = definition
    }
}
