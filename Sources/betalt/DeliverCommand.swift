import ArgumentParser
import BetaltCore
import BetaltDelivery
import BetaltServer
import Foundation

/// `betalt deliver`: write the notices still pending and drain the e-mail outbox (also done by `run`).
struct DeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver", abstract: "Compose pending notices and send the e-mails waiting in the outbox."
    )

    @Option(help: "The date written on new notices, YYYY-MM-DD (default: BETALT_TODAY or today in Oslo).") var date: String?

    func run() async throws {
        let settings = try ServerSettings.fromEnvironment()
        let day = try date.map { try CivilDate(iso: $0) } ?? settings.today(inTimeZone: Country.norway.timeZoneIdentifier)
        let report = try await VaporApplication.with(settings) { app in
            try await DeliveryRound(settings: settings.delivery).run(date: day, on: app.db)
        }
        print(report.text)
    }
}
