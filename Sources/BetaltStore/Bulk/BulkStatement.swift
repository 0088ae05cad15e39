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

/// A column a row must still hold the value it was read with for an update to change the row: the value
/// travels in the rows as `expected`, after the key and the columns set.
struct BulkGuard {
    let column: String
    let expected: BulkColumn
}

/// INSERT and UPDATE statements that read their rows from one JSON parameter, in each engine's dialect.
enum BulkStatement {
    /// With `ignoringConflicts`, a row whose unique key is taken already is left out.
    static func insert(
        into table: String, _ columns: [BulkColumn], rows: JSONRows, ignoringConflicts: Bool = false, on sql: any SQLDatabase
    ) async throws {
        guard rows.count > 0 else { return }
        let names = SQLList(columns.map { SQLIdentifier($0.name) })
        let values = selectList(columns, on: sql).joined(separator: ", ")
        // SQLite reads an ON CONFLICT after a bare SELECT's FROM as part of a join unless a WHERE comes between.
        let conflicts = ignoringConflicts ? " WHERE true ON CONFLICT DO NOTHING" : ""
        try await sql.raw("""
            INSERT INTO \(ident: table) (\(names)) SELECT \(unsafeRaw: values) FROM \(source(rows, on: sql))\(unsafeRaw: conflicts)
            """).run()
    }

    /// Sets `columns` (after the key) on the rows of `table` whose `key` matches the row's first value and
    /// that meet `condition`, if one is given.
    static func update(
        _ table: String, key: BulkColumn, set columns: [BulkColumn], rows: JSONRows, where condition: SQLQueryString? = nil,
        on sql: any SQLDatabase
    ) async throws {
        guard rows.count > 0 else { return }
        try await sql.raw(updateStatement(table, key: key, set: columns, guards: [], condition: condition, rows: rows, on: sql)).run()
    }

    /// Like `update`, but a row is changed only where every guarded column still holds the row's expected
    /// value, so what another writer committed since the rows were read is never overwritten. Returns how
    /// many rows were changed; the caller compares it with the rows it gave.
    static func update(
        _ table: String, key: BulkColumn, set columns: [BulkColumn], unlessChanged guards: [BulkGuard], rows: JSONRows,
        on sql: any SQLDatabase
    ) async throws -> Int {
        guard rows.count > 0 else { return 0 }
        let update = updateStatement(table, key: key, set: columns, guards: guards, condition: nil, rows: rows, on: sql)
        // SQLite counts the last statement's rows with changes(), on the same connection; PostgreSQL has no such
        // function, and counts what the update returns.
        if isSQLite(sql) {
            try await sql.raw(update).run()
            return try await sql.raw("SELECT changes() AS n").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return try await sql.raw("WITH changed AS (\(update) RETURNING 1) SELECT COUNT(*) AS n FROM changed").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// `UPDATE table SET columns FROM rows AS v`, matching each row by its key and its guards, and `condition`.
    private static func updateStatement(
        _ table: String, key: BulkColumn, set columns: [BulkColumn], guards: [BulkGuard], condition: SQLQueryString?, rows: JSONRows,
        on sql: any SQLDatabase
    ) -> SQLQueryString {
        let assignments = SQLList(columns.map { column in
            SQLBinaryExpression(SQLIdentifier(column.name), .equal, SQLColumn(SQLIdentifier(column.name), table: SQLIdentifier("v")))
        })
        let matches = SQLList(([(key.name, key.name)] + guards.map { ($0.column, $0.expected.name) }).map { column, expected in
            SQLBinaryExpression(SQLColumn(SQLIdentifier(column), table: SQLIdentifier(table)), .equal, SQLColumn(SQLIdentifier(expected), table: SQLIdentifier("v")))
        }, separator: SQLRaw(" AND "))
        let also: SQLQueryString = condition.map { "AND \($0)" } ?? ""
        return """
            UPDATE \(ident: table) SET \(assignments)
            FROM \(relation(rows, [key] + columns + guards.map(\.expected), on: sql)) AS v WHERE \(matches) \(also)
            """
    }

    /// `(SELECT …)` giving `rows` as a table whose columns are named and typed by `columns`, to join with:
    /// one bound parameter for any number of rows, where tuples of binds would need one per value.
    static func relation(_ rows: JSONRows, _ columns: [BulkColumn], on sql: any SQLDatabase) -> SQLQueryString {
        let select = SQLList(zip(selectList(columns, on: sql), columns).map { expression, column in
            SQLAlias(SQLRaw(expression), as: SQLIdentifier(column.name))
        })
        return "(SELECT \(select) FROM \(source(rows, on: sql)))"
    }

    /// `SELECT columns` followed by `rest` (FROM, WHERE…), its rows gathered by the database into one JSON text
    /// (in the order of `orderBy`, if given) and read by position: see `JSONRowsReader`.
    static func rows(_ columns: [String], orderBy: String? = nil, _ rest: SQLQueryString, on sql: any SQLDatabase) async throws -> [JSONRowsReader.Row] {
        try JSONRowsReader(try await rowsText(columns, orderBy: orderBy, rest, on: sql)).rows
    }

    /// The JSON text `rows` reads, for a caller that reads it later, on another core than the database's.
    static func rowsText(_ columns: [String], orderBy: String? = nil, _ rest: SQLQueryString, on sql: any SQLDatabase) async throws -> String {
        let values = columns.joined(separator: ", "), order = orderBy.map { " ORDER BY \($0)" } ?? ""
        let gathered = isSQLite(sql)
            ? "json_group_array(json_array(\(values))\(order))"
            : "CAST(COALESCE(json_agg(json_build_array(\(values))\(order)), '[]') AS text)"
        return try await sql.raw("SELECT \(unsafeRaw: gathered) AS rows \(rest)").first()?.decode(column: "rows", as: String.self) ?? "[]"
    }

    private static func isSQLite(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "sqlite" }

    /// Both engines get the rows as binary JSON (SQLite's `jsonb_each`, PostgreSQL's `jsonb`), so reading a
    /// row's columns does not parse the row's text again for every column, as `json_each` and `json` would:
    /// on PostgreSQL a batch of 2,000 acts went in four times faster.
    ///
    /// On PostgreSQL the rows are taken by position from the document parsed once, for as many positions as
    /// there are rows, written into the statement: the planner then knows how many rows come, where it takes any
    /// set-returning function for 100. With that guess, and statistics made before today's rows existed, it
    /// matched a daily run's 1,000 creditors against `creditor_runs` by reading all of the function's rows for
    /// each row of the day: 1.5–2.8 s a statement on the bench ledger, against 20 ms.
    ///
    /// On SQLite each row's `value` is made once, into a table of the statement's own: read straight from
    /// `jsonb_each` it is made again, a copy of the whole row, for every column the statement takes from it.
    private static func source(_ rows: JSONRows, on sql: any SQLDatabase) -> SQLQueryString {
        if isSQLite(sql) { return "(WITH r AS MATERIALIZED (SELECT value FROM jsonb_each(\(bind: rows.text))) SELECT value FROM r)" }
        return """
            (WITH document AS MATERIALIZED (SELECT CAST(\(bind: rows.text) AS jsonb) AS doc)
             SELECT document.doc -> i AS e FROM document, generate_series(0, \(unsafeRaw: String(rows.count - 1))) AS i) AS r
            """
    }

    /// `(SELECT …)` giving `texts` as a column of rows, for `x IN \(…)`: one bound parameter for any number of
    /// values, where a list of binds would need one per value and a chunk per few hundred.
    static func values(_ texts: some Collection<String>, on sql: any SQLDatabase) -> SQLQueryString {
        var list = JSONRows.Texts()
        for text in texts { list.append(text) }
        return isSQLite(sql)
            ? "(SELECT value FROM json_each(\(bind: list.text)))"
            : "(SELECT jsonb_array_elements_text(CAST(\(bind: list.text) AS jsonb)))"
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
