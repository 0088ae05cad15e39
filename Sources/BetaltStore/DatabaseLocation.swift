import Foundation

/// Where Betalt keeps its data: an embedded SQLite file (the default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteInMemory
    case postgres(url: String, searchPath: String? = nil)

    /// The default when `BETALT_DATABASE_URL` is unset: `betalt.sqlite` in the working directory.
    public static let defaultLocation = DatabaseLocation.sqliteFile(path: "betalt.sqlite")

    /// Reads `postgres://…`/`postgresql://…`, `sqlite://PATH`, `sqlite::memory:` or a bare file path.
    public init(url text: String) throws(DatabaseLocationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else if trimmed == "sqlite::memory:" {
            self = .sqliteInMemory
        } else if trimmed.hasPrefix("sqlite://") {
            let path = String(trimmed.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw .unreadable(text) }
            self = .sqliteFile(path: path)
        } else if !trimmed.isEmpty, !trimmed.contains("://") {
            self = .sqliteFile(path: trimmed)
        } else {
            throw .unreadable(text)
        }
    }

    /// From the environment (`BETALT_DATABASE_URL`), falling back to the default SQLite file.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(DatabaseLocationError) -> DatabaseLocation
    {
        guard let value = environment["BETALT_DATABASE_URL"], !value.isEmpty else { return defaultLocation }
        return try DatabaseLocation(url: value)
    }

    public var isPostgres: Bool { if case .postgres = self { true } else { false } }

    /// Safe to print: a PostgreSQL password is never shown.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "SQLite file \(path)"
        case .sqliteInMemory: return "SQLite in memory"
        case .postgres(let url, _):
            if var parts = URLComponents(string: url) {
                if parts.password != nil { parts.password = "***" }
                return "PostgreSQL \(parts.string ?? "server")"
            }
            return "PostgreSQL server"
        }
    }
}

/// A database URL Betalt cannot use.
public enum DatabaseLocationError: Error, CustomStringConvertible {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let text):
            "BETALT_DATABASE_URL '\(text)' is neither postgres://USER:PASSWORD@HOST:PORT/DATABASE, sqlite://PATH nor a file path"
        }
    }
}
