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

    @Test("a gate lets so many in at once; one who is in passes again without waiting", .timeLimit(.minutes(1)))
    func theGateBoundsWhoIsIn() async throws {
        let gate = TestPostgresGate(permits: 3)
        let inside = Inside()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await gate.holding {
                        await inside.entered()
                        try await Task.sleep(for: .milliseconds(50))
                        // A second database inside the first takes no permit: were it to wait, three could wait forever.
                        try await gate.holding {}
                        await inside.left()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await inside.most <= 3)
        #expect(await inside.total == 12)
    }

    @Test("a test cancelled while it waits for a permit stops waiting", .timeLimit(.minutes(1)))
    func aCancelledWaiterStopsWaiting() async throws {
        let gate = TestPostgresGate(permits: 1)
        try await gate.holding {
            // Detached: a task started from here would share the permit held.
            let waiter = Task.detached { try await gate.holding {} }
            try await Task.sleep(for: .milliseconds(20))
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
        }
        try await gate.holding {}
    }
}

/// How many tasks are inside a gate now, the most there were at once, and how many went in.
private actor Inside {
    private var now = 0
    private(set) var most = 0
    private(set) var total = 0

    func entered() {
        now += 1
        total += 1
        most = max(most, now)
    }

    func left() {
        now -= 1
    }
}
