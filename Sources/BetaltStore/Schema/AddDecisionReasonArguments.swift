import FluentKit
import SQLKit

/// A decision's reason is kept as its English template (`ReasonText.template`) with the values that fill it
/// beside it, so the decision trail can be shown in Norwegian and Swedish. Rows from before keep their
/// finished English text and no arguments, and read as they always did.
struct AddDecisionReasonArguments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE claim_decisions ADD COLUMN reason_arguments TEXT").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE claim_decisions DROP COLUMN reason_arguments").run()
    }
}
