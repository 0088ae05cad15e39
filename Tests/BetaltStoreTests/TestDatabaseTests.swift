import BetaltTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Test databases")
struct TestDatabaseTests {
    @Test("a PostgreSQL error that ends a test says what the server answered, not PostgresNIO's generic text")
    func postgresErrorsSayWhatTheServerAnswered() async throws {
        do {
            try await TestDatabase.with(.postgres) { store in
                try await (store.database as! any SQLDatabase).raw("SELECT * FROM no_such_table").run()
            }
            Issue.record("the query should have failed")
        } catch let failure as TestPostgresFailure {
            #expect(failure.description.contains("relation \"no_such_table\" does not exist"), "\(failure)")
        }
    }

    @Test("only so many PostgreSQL test databases are open at once; one opened inside another waits for none",
          .timeLimit(.minutes(1)))
    func theGateBoundsOpenDatabases() async throws {
        let bound = TestDatabase.postgresDatabasesAtOnce
        let open = OpenCount()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<(bound + 8) {
                group.addTask {
                    try await TestDatabase.withLocation(.postgres) { _ in
                        await open.opened()
                        try await Task.sleep(for: .milliseconds(200))
                        // Inside a permit, a second database takes none: were it to wait, twelve tests could wait forever.
                        try await TestDatabase.withLocation(.postgres) { _ in }
                        await open.closed()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await open.most <= bound)
    }
}

/// How many databases a test has open now, and the most it had at once.
private actor OpenCount {
    private var now = 0
    private(set) var most = 0

    func opened() {
        now += 1
        most = max(most, now)
    }

    func closed() {
        now -= 1
    }
}
