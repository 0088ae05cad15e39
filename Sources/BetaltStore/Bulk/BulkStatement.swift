import SQLKit

/// A column of a bulk statement and the SQL type PostgreSQL must cast its JSON text to.
struct BulkColumn {
    enum Kind {
        case uuid, text, bigint, boolean
        /// Filled by the database with the current time, not from the row.
        case now
    }

    let name: String
    let kind: Kind

    init(_ name: String, _ kind: Kind = .text) {
        self.name = name
        self.kind = kind
    }
}

/// INSERT and UPDATE statements that read their rows from one JSON parameter, in each engine's dialect.
enum BulkStatement {
    static func insert(into table: String, _ columns: [BulkColumn], rows: JSONRows, on sql: any SQLDatabase) async throws {
        guard rows.count > 0 else { return }
        let names = columns.map(\.name).joined(separator: ", ")
        let values = selectList(columns, on: sql).joined(separator: ", ")
        try await sql.raw("INSERT INTO \(ident: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) FROM \(source(rows, on: sql))").run()
    }

    /// Sets `columns` (after the key) on the rows of `table` whose `key` matches the row's first value.
    static func update(_ table: String, key: BulkColumn, set columns: [BulkColumn], rows: JSONRows, on sql: any SQLDatabase) async throws {
        guard rows.count > 0 else { return }
        let all = [key] + columns
        let select = zip(selectList(all, on: sql), all).map { "\($0) AS \($1.name)" }.joined(separator: ", ")
        let assignments = columns.map { "\($0.name) = v.\($0.name)" }.joined(separator: ", ")
        try await sql.raw("""
            UPDATE \(ident: table) SET \(unsafeRaw: assignments)
            FROM (SELECT \(unsafeRaw: select) FROM \(source(rows, on: sql))) AS v
            WHERE \(ident: table).\(unsafeRaw: key.name) = v.\(unsafeRaw: key.name)
            """).run()
    }

    private static func isSQLite(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "sqlite" }

    private static func source(_ rows: JSONRows, on sql: any SQLDatabase) -> SQLQueryString {
        isSQLite(sql) ? "json_each(\(bind: rows.text))" : "json_array_elements(CAST(\(bind: rows.text) AS json)) AS e"
    }

    private static func selectList(_ columns: [BulkColumn], on sql: any SQLDatabase) -> [String] {
        var index = 0
        return columns.map { column in
            if column.kind == .now { return isSQLite(sql) ? "unixepoch('subsec')" : "now()" }
            defer { index += 1 }
            if isSQLite(sql) { return "value->>\(index)" }
            switch column.kind {
            case .uuid: return "(e->>\(index))::uuid"
            case .bigint: return "(e->>\(index))::bigint"
            case .boolean: return "(e->>\(index))::boolean"
            case .text, .now: return "(e->>\(index))"
            }
        }
    }
}
