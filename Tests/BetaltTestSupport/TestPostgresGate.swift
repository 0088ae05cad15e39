/// How many PostgreSQL test databases are open at once. Swift Testing starts every test together, and each open
/// database keeps a pool of up to eight connections: with no bound, a busy moment of the suite asked the test server
/// for more connections than its `max_connections` (200, `scripts/test-postgres.sh`) and a test failed with "sorry,
/// too many clients already". Written by hand: no package this project may use has an async semaphore.
actor TestPostgresGate {
    /// The one gate of the test process.
    static let shared = TestPostgresGate(permits: 12)

    /// Whether the current task (or one it was started from) holds a permit: a test that opens a second database
    /// inside its first takes none, so tests holding every permit never wait for one another.
    @TaskLocal static var held = false

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    private init(permits: Int) {
        free = permits
    }

    /// Runs `body` holding a permit, waiting first while none is free.
    static func holding<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if held { return try await body() }
        await shared.take()
        do {
            let result = try await $held.withValue(true) { try await body() }
            await shared.give()
            return result
        } catch {
            await shared.give()
            throw error
        }
    }

    private func take() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func give() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
