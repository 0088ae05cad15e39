import Foundation

/// How many PostgreSQL test databases are open at once. Swift Testing starts every test together, and each open
/// database keeps a pool of four connections per event loop: with no bound, a busy moment of the suite asked the test
/// server for more connections than its `max_connections` (200, `scripts/test-postgres.sh`) and a test failed with
/// "sorry, too many clients already". Written by hand: no package this project may use has an async semaphore.
public actor TestPostgresGate {
    /// The one gate of the test process. A test application has an event loop per core (a `StandaloneDatabase` two),
    /// so the permits share out 96 connections (192 if every test opened its database twice) by the cores: 12 on CI's 2.
    static let permits = max(2, 96 / (4 * max(2, ProcessInfo.processInfo.activeProcessorCount)))
    static let shared = TestPostgresGate(permits: permits)

    /// The gates whose permit the current task holds. A task started from it (`async let`, a task group's child,
    /// `Task {}`) inherits them and shares the permit: a test that opens a second database inside its first takes
    /// none, so tests holding every permit never wait for one another.
    @TaskLocal private static var held: Set<ObjectIdentifier> = []

    private var free: Int
    private var waiting: [(id: UUID, continuation: CheckedContinuation<Void, any Error>)] = []

    /// A gate of its own, for a test of the gate itself; the suite's databases go through `shared`.
    public init(permits: Int) {
        free = permits
    }

    /// Runs `body` holding a permit, waiting first while none is free; a task cancelled while it waits throws.
    public nonisolated func holding<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let gate = ObjectIdentifier(self)
        if Self.held.contains(gate) { return try await body() }
        try await take()
        do {
            let result = try await Self.$held.withValue(Self.held.union([gate])) { try await body() }
            await give()
            return result
        } catch {
            await give()
            throw error
        }
    }

    private func take() async throws {
        if free > 0 {
            free -= 1
            return
        }
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Cancelled before it queued, the task is not queued: the handler below found nothing to end.
                if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else { waiting.append((id, continuation)) }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    private func cancel(_ id: UUID) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    private func give() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().continuation.resume()
        }
    }
}
