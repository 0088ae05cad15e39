import ArgumentParser
import BetaltStore

/// The `betalt` command line: serve the web app, migrate the database, load the demo ledger.
@main
struct Betalt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "betalt",
        abstract: "Betalt follows up unpaid invoices in Norway and Sweden, lawfully.",
        discussion: "Configuration comes from BETALT_* environment variables; see the README.",
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, RunCommand.self, DeliverCommand.self, PreviewCommand.self, LadderCommand.self, ImportCommand.self, ApiTokenCommand.self, RoutesCommand.self]
    )

    /// ArgumentParser's own start, except that a database error ends the command with what PostgreSQL said rather
    /// than PostgresNIO's generic text.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: DatabaseFailure(error) ?? error)
        }
    }
}
