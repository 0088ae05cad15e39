import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@Suite("Checkpoints after bulk work")
struct SQLiteCheckpointerTests {
    /// Writes `rows` rows of about 1 KB in one transaction on a connection with the bulk settings.
    private func bulkWrite(_ rows: Int, on sql: any SQLDatabase, database: any Database) async throws {
        try await SQLiteTuning.prepare(sql)
        try await database.transaction { tx in
            try await (tx as! any SQLDatabase).raw("CREATE TABLE filler (n INTEGER, text TEXT)").run()
            try await (tx as! any SQLDatabase).raw("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(literal: rows))
                INSERT INTO filler SELECT i, printf('%.1000d', i) FROM n
                """).run()
        }
    }

    /// The rows of `filler` in the database file alone, as a copy without its write-ahead log reads it.
    private func rowsInFileAlone(_ path: String) async throws -> Int {
        let copy = path + "-alone.sqlite"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let store = try StandaloneDatabase(location: .sqliteFile(path: copy))
        do {
            let sql = store.database as! any SQLDatabase
            let exists = try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'filler'").first()!.decode(column: "n", as: Int.self)
            let count = exists == 0 ? 0 : try await sql.raw("SELECT COUNT(*) AS n FROM filler").first()!.decode(column: "n", as: Int.self)
            try await store.shutdown()
            return count
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    /// A fresh SQLite file with `rows` rows written in bulk and committed; `check` gets its path and connection.
    private func afterBulkWrite(_ rows: Int, _ check: @escaping (String, any SQLDatabase) async throws -> Void) async throws {
        try await TestDatabase.with(.sqlite) { store in
            guard case .sqliteFile(let path) = store.location else { Issue.record("not a file"); return }
            let database = store.database, sql = database as! any SQLDatabase
            try await bulkWrite(rows, on: sql, database: database)
            try await check(path, sql)
        }
    }

    @Test("SQLite: a bulk commit leaves its log to the checkpointer, which copies it into the database file")
    func copiesTheLog() async throws {
        try await afterBulkWrite(20_000) { path, sql in
            // Committed, but with the automatic checkpoint off the rows are in the log only.
            #expect(try await rowsInFileAlone(path) == 0)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM filler").first()!.decode(column: "n", as: Int.self) == 20_000)
            try await SQLiteTuning.finish(sql)
            await SQLiteCheckpointer.shared.wait()
            #expect(try await rowsInFileAlone(path) == 20_000)
            // The connection checkpoints by itself again.
            #expect(try await sql.raw("PRAGMA wal_autocheckpoint").first()!.decode(column: "wal_autocheckpoint", as: Int.self) == 1000)
        }
    }

    @Test("SQLite: a small log is left to SQLite's own checkpoint")
    func smallLog() async throws {
        try await afterBulkWrite(10) { path, sql in
            try await SQLiteTuning.finish(sql)
            await SQLiteCheckpointer.shared.wait()
            #expect(try await rowsInFileAlone(path) == 0)
        }
    }

    @Test("SQLite: a file whose folder name has ?, # and % in it is checkpointed too")
    func awkwardPath() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("betalt ?#% \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let store = try StandaloneDatabase(location: .sqliteFile(path: path))
        do {
            let database = store.database, sql = database as! any SQLDatabase
            try await bulkWrite(20_000, on: sql, database: database)
            try await SQLiteTuning.finish(sql)
            await SQLiteCheckpointer.shared.wait()
            #expect(try await rowsInFileAlone(path) == 20_000)
            try await store.shutdown()
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    @Test("PostgreSQL: nothing to do, and nothing fails")
    func postgres() async throws {
        try await TestDatabase.with(.postgres) { store in
            let sql = store.database as! any SQLDatabase
            try await SQLiteTuning.prepare(sql)
            try await SQLiteTuning.finish(sql)
            await SQLiteCheckpointer.shared.wait()
            #expect(try await sql.raw("SELECT 1 AS one").first()!.decode(column: "one", as: Int.self) == 1)
        }
    }
}
