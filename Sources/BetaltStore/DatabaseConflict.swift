import FluentPostgresDriver

/// The answers a database gives when it rolled a transaction back to end a conflict with another one: nothing
/// of the transaction was written, and the same work succeeds when done again.
enum DatabaseConflict {
    /// PostgreSQL's deadlock_detected (40P01) and serialization_failure (40001). SQLite has one writer, which
    /// every transaction takes first (`Database.writing`): it never ends a conflict so.
    static func rolledBack(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }
}
