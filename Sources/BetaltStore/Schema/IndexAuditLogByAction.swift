import FluentKit
import SQLKit

/// Failed logins are counted per e-mail address from the audit log (`LoginThrottle`) at every login: without
/// this index each count would read the whole log, which only grows.
struct IndexAuditLogByAction: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_log_by_action").on(AuditRecord.schema).column("action").column("actor").column("at").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "audit_log_by_action").run()
    }
}
