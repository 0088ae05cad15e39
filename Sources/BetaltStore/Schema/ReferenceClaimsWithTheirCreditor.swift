import FluentKit
import SQLKit

/// On PostgreSQL the daily run's tables (acts, ledger entries, the decision trail) refer to their claim with
/// one composite key, (creditor_id, claim_id) → claims (creditor_id, id), instead of one reference to the
/// claim and one to the creditor.
///
/// Each reference is a query per inserted row; with two, the checks took 30 of the 50 ms a batch of 2,000
/// acts needed (28 ms with one). The composite key also holds a row to its claim's creditor, which two
/// separate references did not. SQLite checks a reference with one index lookup and can add a constraint
/// only by rebuilding the table, so there the single-column references stay (decision record 0003).
struct ReferenceClaimsWithTheirCreditor: AsyncMigration {
    static let tables = ["collection_acts", "ledger_entries", "claim_decisions"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ALTER TABLE claims ADD CONSTRAINT claims_creditor_and_id UNIQUE (creditor_id, id)").run()
        for table in Self.tables {
            for name in try await singleColumnReferences(of: table, on: sql) {
                try await sql.raw("ALTER TABLE \(ident: table) DROP CONSTRAINT \(ident: name)").run()
            }
            try await sql.raw("""
                ALTER TABLE \(ident: table) ADD CONSTRAINT \(ident: "\(table)_claim_of_creditor")
                FOREIGN KEY (creditor_id, claim_id) REFERENCES claims (creditor_id, id)
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        for table in Self.tables {
            try await sql.raw("ALTER TABLE \(ident: table) DROP CONSTRAINT \(ident: "\(table)_claim_of_creditor")").run()
            try await sql.raw("ALTER TABLE \(ident: table) ADD FOREIGN KEY (creditor_id) REFERENCES creditors (id)").run()
            try await sql.raw("ALTER TABLE \(ident: table) ADD FOREIGN KEY (claim_id) REFERENCES claims (id)").run()
        }
        try await sql.raw("ALTER TABLE claims DROP CONSTRAINT claims_creditor_and_id").run()
    }

    /// The names of the table's references to a claim or a creditor by one column, as Fluent named them.
    private func singleColumnReferences(of table: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("""
            SELECT c.conname AS name FROM pg_constraint c
            WHERE c.conrelid = to_regclass(\(bind: table)) AND c.contype = 'f' AND cardinality(c.conkey) = 1
              AND c.confrelid IN (to_regclass('claims'), to_regclass('creditors'))
            """).all().map { try $0.decode(column: "name", as: String.self) }
    }
}
