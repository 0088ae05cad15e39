import BetaltStore
import BetaltTestSupport
import FluentKit
import SQLKit
import Testing

@Suite("Schema migrations")
struct MigrationTests {
    @Test("migrating twice changes nothing and leaves every table in place", arguments: TestEngine.allCases)
    func migrateTwice(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await store.migrate()
            let sql = store.database as! any SQLDatabase
            for table in ["creditors", "users", "memberships", "customers", "claims", "ledger_entries", "audit_log"] {
                let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
                #expect(try row?.decode(column: "n", as: Int.self) == 0, "table \(table)")
            }
            let applied = try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()
            #expect(try applied?.decode(column: "n", as: Int.self) == BetaltMigrations.all.count)
        }
    }
}
