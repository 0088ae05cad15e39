import BetaltStore
import FluentKit
import Foundation
import SQLKit
import Testing

@Suite("SQLite files")
struct SQLiteFileTests {
    /// Opens the file at `path`, brings its schema up to date and returns its page size and journal mode.
    private func migrated(_ path: String, before: ((any SQLDatabase) async throws -> Void)? = nil) async throws -> (Int, String) {
        let store = try StandaloneDatabase(location: .sqliteFile(path: path))
        do {
            let sql = store.database as! any SQLDatabase
            try await before?(sql)
            try await store.migrate()
            let pageSize = try await sql.raw("PRAGMA page_size").first()!.decode(column: "page_size", as: Int.self)
            let mode = try await sql.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self)
            try await store.shutdown()
            return (pageSize, mode)
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    @Test("SQLite: a new file is made with 16 KB pages in write-ahead-log mode; a file made before keeps its pages")
    func newFilesHaveLargePages() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("betalt-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let (pageSize, mode) = try await migrated(folder.appendingPathComponent("new.sqlite").path)
        #expect(pageSize == 16_384 && pageSize == SQLiteTuning.pageSize)
        #expect(mode == "wal")

        let older = try await migrated(folder.appendingPathComponent("older.sqlite").path) { sql in
            try await sql.withSession { session in
                try await session.raw("PRAGMA page_size = 4096").run()
                try await session.raw("CREATE TABLE made_before (n INTEGER)").run()
            }
        }
        #expect(older.0 == 4096, "a file made before keeps its page size: only VACUUM changes it")
        #expect(older.1 == "wal")
    }
}
