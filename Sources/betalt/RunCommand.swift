import ArgumentParser
import BetaltCore
import BetaltDelivery
import BetaltServer
import BetaltStore
import Foundation

/// `betalt run`: the daily run for one date, all creditors or one.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Plan and record today's follow-up for every claim whose next action has come."
    )

    @Option(help: "The business date to run for, YYYY-MM-DD (default: BETALT_TODAY or today in Oslo).") var date: String?
    @Option(help: "Only this creditor (its id).") var creditor: String?
    @Flag(help: "Plan and report, but save nothing.") var dryRun = false
    @Option(help: "Claims per transaction.") var batchSize = 1000

    func run() async throws {
        let settings = try ServerSettings.fromEnvironment()
        let day = try date.map { try CivilDate(iso: $0) } ?? settings.today(inTimeZone: Country.norway.timeZoneIdentifier)
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
        var run = DailyRun(date: day, dryRun: dryRun)
        run.batchSize = batchSize
        if let creditor {
            guard let id = UUID(uuidString: creditor) else { throw ValidationError("--creditor '\(creditor)' is not a creditor id") }
            run.creditorID = id
        }
        let progress = ProgressLine()
        run.afterBatch = { done, total in progress.show(done: done, total: total) }
        let (agreements, report, delivery) = try await VaporApplication.with(settings) { app in
            // Promises and plans are reviewed before the ladder looks at their claims.
            let agreements = dryRun ? nil : try await AgreementReview.run(creditorID: run.creditorID, today: day, on: app.db)
            let report = try await run.run(on: app.db)
            let delivery = dryRun ? nil : try await DeliveryRound(settings: settings.delivery).run(date: day, creditorID: run.creditorID, on: app.db)
            return (agreements, report, delivery)
        }
        progress.finish()
        if let agreements { print(agreements.text) }
        print(report.text)
        if let delivery { print(delivery.text) }
    }
}
