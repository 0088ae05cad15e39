import FluentKit
import SQLKit

/// A claim counts the changes to its facts that move neither its ledger nor its stage (a dispute raised, a promise made
/// or broken, a plan ended, an act taken back), so a daily-run batch that read it before writes nothing over them
/// (`ClaimRevision`).
struct AddClaimRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE claims ADD COLUMN revision BIGINT NOT NULL DEFAULT 0").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("ALTER TABLE claims DROP COLUMN revision").run()
    }
}
