import ArgumentParser
import BetaltCore
import BetaltServer
import BetaltStore

/// `betalt demo`: fill an empty database with the demo ledger and the demo user.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Load the demo ledger (two creditors, 200 customers, 2,000 invoices) into an empty database."
    )

    @Flag(help: "Do nothing, successfully, if the database already holds data.") var ifEmpty = false
    @Option(help: "The demo's today, YYYY-MM-DD (default: BETALT_TODAY or today in Oslo).") var date: String?

    func run() async throws {
        let settings = try ServerSettings.fromEnvironment()
        let today = try date.map { try CivilDate(iso: $0) } ?? settings.today(inTimeZone: Country.norway.timeZoneIdentifier)
        let loaded = try await VaporApplication.with(settings) { app in
            guard try await DemoSeeder.databaseIsEmpty(app.db) else { return false }
            let ledger = try DemoLedger(today: today)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: try PasswordHasher.hash(DemoLedger.demoUserPassword), on: app.db)
            return true
        }
        if loaded {
            print("Loaded the demo ledger as of \(today.iso) into \(settings.database).")
        } else if ifEmpty {
            print("\(settings.database) already holds data; the demo ledger was not loaded again.")
        } else {
            throw ValidationError("\(settings.database) already holds data; the demo only fills an empty database.")
        }
        print("Log in as \(DemoLedger.demoUserEmail) with the password \(DemoLedger.demoUserPassword)")
    }
}
