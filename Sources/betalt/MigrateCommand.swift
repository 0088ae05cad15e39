import ArgumentParser
import BetaltServer

/// `betalt migrate`: bring the database schema up to date (also done on every start).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database schema.")

    func run() async throws {
        let settings = try ServerSettings.fromEnvironment()
        try await VaporApplication.with(settings) { _ in }
        print("The schema of \(settings.database) is up to date.")
    }
}
