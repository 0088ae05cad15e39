import BetaltStore
import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit

/// The two engines every database test runs on.
public enum TestEngine: String, CaseIterable, Sendable {
    case sqlite
    case postgres
}

/// A fresh, migrated database for one test: a new SQLite file, or a new schema on the test PostgreSQL
/// server named by BETALT_TEST_POSTGRES_URL (started by `make test`). Without that variable a PostgreSQL
/// test fails: a database test that silently skips PostgreSQL would be a false pass.
public enum TestDatabase {
    /// Runs `body` with a fresh database that is not migrated yet: an SQLite file, removed after, or a schema of its
    /// own on the test server, left for the throwaway server to take away. A PostgreSQL one waits for a permit of
    /// `TestPostgresGate`, so the suite never asks the test server for more connections than it has.
    public static func withLocation<T: Sendable>(_ engine: TestEngine, _ body: (DatabaseLocation) async throws -> T) async throws -> T {
        func open() async throws -> T {
            do {
                let location = try await location(for: engine)
                defer { remove(location) }
                return try await body(location)
            } catch let error as PSQLError {
                // A PostgreSQL error describes itself generically, so that no log shows a query's values; a failed
                // test should say what the server answered ("too many clients already", a constraint, …).
                throw TestPostgresFailure(description: String(reflecting: error))
            }
        }
        return engine == .postgres ? try await TestPostgresGate.shared.holding(open) : try await open()
    }

    private static func location(for engine: TestEngine) async throws -> DatabaseLocation {
        switch engine {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("betalt-test-\(UUID().uuidString).sqlite").path
            return .sqliteFile(path: path)
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["BETALT_TEST_POSTGRES_URL"], !url.isEmpty else {
                throw MissingTestPostgres()
            }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            try await createSchema(String(schema), url: url)
            return .postgres(url: url, searchPath: String(schema))
        }
    }

    /// Runs `body` with a migrated database and always shuts it down; an SQLite file is removed after.
    public static func with<T: Sendable>(
        _ engine: TestEngine, _ body: (StandaloneDatabase) async throws -> T
    ) async throws -> T {
        try await withLocation(engine) { location in
            let store = try StandaloneDatabase(location: location)
            do {
                try await store.migrate()
                let result = try await body(store)
                try await store.shutdown()
                return result
            } catch {
                try? await store.shutdown()
                throw error
            }
        }
    }

    /// Runs `body` with one migrated database opened twice, as two processes would open it (each with its own
    /// connections), and always shuts both down.
    public static func withTwoConnections<T: Sendable>(
        _ engine: TestEngine, _ body: (StandaloneDatabase, StandaloneDatabase) async throws -> T
    ) async throws -> T {
        try await withLocation(engine) { location in
            let first = try StandaloneDatabase(location: location)
            let second = try StandaloneDatabase(location: location)
            do {
                try await first.migrate()
                let result = try await body(first, second)
                try await first.shutdown()
                try await second.shutdown()
                return result
            } catch {
                try? await first.shutdown()
                try? await second.shutdown()
                throw error
            }
        }
    }

    /// Removes an SQLite test file with its log and shared-memory index; a suite leaves hundreds otherwise.
    public static func remove(_ location: DatabaseLocation) {
        guard case .sqliteFile(let path) = location else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    private static func createSchema(_ schema: String, url: String) async throws {
        let admin = try StandaloneDatabase(location: .postgres(url: url))
        do {
            try await (admin.database as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
            try await admin.shutdown()
        } catch {
            try? await admin.shutdown()
            throw error
        }
    }
}

/// `make test` starts PostgreSQL and sets BETALT_TEST_POSTGRES_URL; running the tests without it is an error.
public struct MissingTestPostgres: Error, CustomStringConvertible {
    public var description: String {
        "BETALT_TEST_POSTGRES_URL is not set: run the tests with `make test`, which starts a throwaway PostgreSQL"
    }
}

/// A PostgreSQL error that ended a test, with what the server said.
public struct TestPostgresFailure: Error, CustomStringConvertible {
    public let description: String
}
