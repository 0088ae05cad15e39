import FluentPostgresDriver

/// A PostgreSQL error told plainly: what the server answered, or why no connection was made. PostgresNIO describes
/// its errors generically ("PSQLError – Generic description…") so that no page or log shows a query or its values;
/// this text leaves out the query and anything that may quote a value, so the person running Betalt can read what
/// went wrong where the command's output is kept (a terminal, cron's mail, the journal).
public struct DatabaseFailure: Error, CustomStringConvertible {
    public let description: String

    /// `error` told plainly if PostgreSQL's client raised it; nil for any other error.
    public init?(_ error: any Error) {
        guard let error = error as? PSQLError else { return nil }
        if let info = error.serverInfo, let state = info[.sqlState] {
            // The message names a database, table or constraint, except in class 22 (data exceptions: "invalid input
            // syntax for type uuid: …"), which quotes the value; the detail may quote values in any class.
            let message = state.hasPrefix("22")
                ? "data exception" + (info[.columnName].map { " in column \($0)" } ?? "")
                : info[.message] ?? "error"
            description = "PostgreSQL answered: \(message)" + (info[.hint].map { " (\($0))" } ?? "") + " [SQLSTATE \(state)]"
        } else if error.code == .connectionError, let underlying = error.underlying {
            description = "PostgreSQL: no connection could be made: \(underlying)"
        } else {
            // Other failures' underlying errors can carry a server message's bytes: the code says enough.
            description = "PostgreSQL: \(error.code)"
        }
    }
}
