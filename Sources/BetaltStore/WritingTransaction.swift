import FluentKit
import SQLKit
import SQLiteNIO

extension Database {
    /// A transaction that writes; every transaction Betalt opens is one. On SQLite its first statement takes the
    /// file's one writer lock, waiting while another connection holds it. SQLite refuses a transaction that read
    /// first and writes later once another connection has committed in between ("database is locked",
    /// SQLITE_BUSY_SNAPSHOT, which no waiting cures): while a daily run committed its batches, a payment, a
    /// dispute or a plan saved by a user could fail so. Holding the lock from its start, the transaction reads
    /// what the writer before it committed. On PostgreSQL it is a plain transaction (rows are locked where
    /// needed, see `LedgerWriter`). Inside a transaction already open, `body` runs in it.
    public func writing<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { tx in
            try await SQLiteWriterLock.take(on: tx as! any SQLDatabase)
            return try await body(tx)
        }
    }
}

/// SQLite's writer lock, taken by a statement that writes nothing: a transaction holds it from its first write
/// statement to its end. Nothing on PostgreSQL.
enum SQLiteWriterLock {
    /// How long a transaction waiting for the lock sleeps between tries.
    static let pause = Duration.milliseconds(5)
    /// How long a statement of a connection that took the lock once waits for it later (SQLite's own sleeping wait).
    static let busyTimeoutMilliseconds = 60_000

    static func take(on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        // sqlite-nio's busy handler tries again at once, without end, on a thread of the connection pool's few: two
        // transactions waiting so for a daily run's batch would hold both threads of a 2-core machine, and the run's
        // own next statement would find none free. So the lock is tried without a handler and waited for here, on
        // no thread; then the connection gets SQLite's sleeping wait, with a bound, for whatever it runs later.
        try await sql.raw("PRAGMA busy_timeout = 0").run()
        while true {
            do {
                try await sql.raw("UPDATE creditors SET id = id WHERE 0").run()
                break
            } catch let error as SQLiteError where error.reason == .busy {
                try await Task.sleep(for: pause)
            }
        }
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
    }
}
