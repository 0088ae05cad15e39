import FluentKit
import Foundation

/// One line of the append-only audit log: who did what, when, and why.
public final class AuditRecord: Model, @unchecked Sendable {
    public static let schema = "audit_log"

    @ID(key: .id) public var id: UUID?
    /// Nil only for acts that belong to no creditor (a failed login).
    @OptionalField(key: "creditor_id") public var creditorID: UUID?
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "actor") public var actor: String
    @Field(key: "action") public var action: String
    @Field(key: "subject") public var subject: String
    @Field(key: "detail") public var detail: String
    @Timestamp(key: "at", on: .create) public var at: Date?

    public init() {}

    public init(
        id: UUID? = nil, creditorID: UUID?, userID: UUID?, actor: String, action: String, subject: String,
        detail: String
    ) {
        self.id = id
        self.creditorID = creditorID
        self.userID = userID
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
