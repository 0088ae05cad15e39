import Synchronization
import BetaltServer
import BetaltStore
import Foundation
import Vapor

/// Starts a configured Vapor application for one command and always shuts it down again.
enum VaporApplication {
    static func with<T>(_ settings: ServerSettings, arguments: [String] = ["betalt"], _ body: (Application) async throws -> T) async throws -> T {
        var environment = Environment(name: "production", arguments: arguments)
        try LoggingSystem.bootstrapOnce(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app, settings: settings)
            let result = try await body(app)
            // A checkpoint that bulk work left to the background is let finish: the command ends with its log in the file.
            await SQLiteCheckpointer.shared.wait()
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

extension LoggingSystem {
    private static let bootstrapped = Mutex(false)

    /// Vapor's bootstrap may run only once per process; a command may start more than one application.
    static func bootstrapOnce(from environment: inout Environment) throws {
        let already = bootstrapped.withLock { done in
            defer { done = true }
            return done
        }
        if !already { try bootstrap(from: &environment) }
    }
}
