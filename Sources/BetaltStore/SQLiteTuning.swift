import SQLKit

/// Settings that make an SQLite connection fit for bulk work: write-ahead logging (readers never block the
/// writer), fsync at checkpoints rather than every commit, and a page cache large enough for a million-claim
/// run. PostgreSQL needs none of this. A power cut may lose the last commits in this mode, never corrupt the
/// file; production deployments use PostgreSQL (README).
public enum SQLiteTuning {
    /// Applies to the connection `sql` is bound to; journal_mode=WAL also stays with the file.
    public static func prepare(_ sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        for pragma in ["journal_mode = WAL", "synchronous = NORMAL", "cache_size = -65536", "temp_store = MEMORY"] {
            try await sql.raw("PRAGMA \(unsafeRaw: pragma)").run()
        }
    }
}
