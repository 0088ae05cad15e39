import FluentPostgresDriver

/// A PostgreSQL error told plainly: what the server answered, or why no connection was made. PostgresNIO describes
/// its errors generically ("PSQLError – Generic description…") so that no page or log shows a query or its values;
/// this text has neither, so the person running Betalt can read what went wrong.
public struct DatabaseFailure: Error, CustomStringConvertible {
    public let description: String

    /// `error` told plainly if PostgreSQL's client raised it; nil for any other error.
    public init?(_ error: any Error) {
        guard let error = error as? PSQLError else { return nil }
        if let info = error.serverInfo, let message = info[.message] {
            // The server's message names a table, a constraint or a database, never a value; its detail can quote
            // values and is left out.
            description = "PostgreSQL answered: \(message)" + (info[.hint].map { " (\($0))" } ?? "")
                + (info[.sqlState].map { " [SQLSTATE \($0)]" } ?? "")
        } else if error.code == .connectionError, let underlying = error.underlying {
            description = "PostgreSQL: no connection could be made: \(underlying)"
        } else {
            description = "PostgreSQL: \(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
    }
}
