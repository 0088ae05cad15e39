import FluentKit
import Foundation

/// Which creditors a user may see. Every page and query starts here, so one creditor's user reaches
/// nothing of another's (DESIGN.md §9).
public enum CreditorAccess {
    public static func creditors(for userID: UUID, on database: any Database) async throws -> [CreditorRecord] {
        let memberships = try await MembershipRecord.query(on: database).filter(\.$userID == userID).all()
        let ids = memberships.map(\.creditorID)
        guard !ids.isEmpty else { return [] }
        return try await CreditorRecord.query(on: database).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    /// The creditor if the user is a member of it, else nil (callers answer 404, revealing nothing).
    public static func creditor(_ creditorID: UUID, for userID: UUID, on database: any Database) async throws -> CreditorRecord? {
        let isMember = try await MembershipRecord.query(on: database)
            .filter(\.$userID == userID).filter(\.$creditorID == creditorID).first() != nil
        guard isMember else { return nil }
        return try await CreditorRecord.find(creditorID, on: database)
    }
}
