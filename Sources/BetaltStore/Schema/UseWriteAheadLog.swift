import FluentKit
import SQLKit

/// Puts an SQLite file in write-ahead-log mode once, when it is made, rather than at the first daily run or
/// import (`SQLiteTuning`): the mode stays with the file. Changing the mode needs the file to itself, so two
/// runs starting at once on a new file could fail with "database is locked", and until then concurrent
/// readers and a writer blocked each other. PostgreSQL needs nothing.
struct UseWriteAheadLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await setJournalMode("WAL", on: database)
    }

    func revert(on database: any Database) async throws {
        try await setJournalMode("DELETE", on: database)
    }

    private func setJournalMode(_ mode: String, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode = \(unsafeRaw: mode)").run()
    }
}
