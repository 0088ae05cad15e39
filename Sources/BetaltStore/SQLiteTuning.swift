import SQLKit

/// Settings that make an SQLite connection fit for bulk work: write-ahead logging (readers never block the
/// writer), fsync at checkpoints rather than every commit, a page cache large enough for a million-claim
/// run, and no automatic checkpoint at commit: `finish` hands it to `SQLiteCheckpointer` (and a log SQLite
/// restarts is cut back to 64 MB, where a large run would leave it gigabytes long). PostgreSQL needs none
/// of this. A power cut may lose the last commits in this mode, never corrupt the file; production
/// deployments use PostgreSQL (README).
public enum SQLiteTuning {
    /// The page size new SQLite files are made with, four times SQLite's default: the daily run writes the same
    /// rows in fewer pages, B-tree levels and log frames. On the bench ledger, run for run in the same hour,
    /// 16 KB pages took 27.5 and 29.1 s against 32.1 and 32.7 s with 4 KB (32 and 64 KB were no faster).
    public static let pageSize = 16_384

    /// Makes a new, empty SQLite file with `pageSize` pages in write-ahead-log mode, before anything is written to it;
    /// a file made earlier keeps its page size (SQLite changes it only by VACUUM, outside WAL mode; see README).
    public static func makeFile(_ sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        // One connection for both: SQLite remembers the page size per connection until the file is first written.
        try await sql.withSession { session in
            try await session.raw("PRAGMA page_size = \(unsafeRaw: String(pageSize))").run()
            try await session.raw("PRAGMA journal_mode = WAL").run()
        }
    }

    /// Applies to the connection `sql` is bound to; journal_mode=WAL also stays with the file.
    public static func prepare(_ sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        for pragma in [
            "journal_mode = WAL", "synchronous = NORMAL", "cache_size = -65536", "temp_store = MEMORY", "wal_autocheckpoint = 0",
            "journal_size_limit = 67108864",
        ] {
            try await sql.raw("PRAGMA \(unsafeRaw: pragma)").run()
        }
    }

    /// Runs `work` with the bulk settings and `finish`es after it, whether it succeeded or not.
    public static func bulk<T>(_ sql: any SQLDatabase, _ work: () async throws -> T) async throws -> T {
        try await prepare(sql)
        let result: T
        do {
            result = try await work()
        } catch {
            // The work's own error is the one to tell.
            try? await finish(sql)
            throw error
        }
        try await finish(sql)
        return result
    }

    /// Gives the connection its automatic checkpoint back and copies what the bulk work logged into the
    /// database file in the background.
    public static func finish(_ sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA wal_autocheckpoint = 1000").run()
        try await SQLiteCheckpointer.shared.request(for: sql)
    }
}
