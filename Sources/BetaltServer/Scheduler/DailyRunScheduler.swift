import BetaltCore
import BetaltDelivery
import BetaltStore
import Fluent
import Foundation
import Synchronization
import Vapor

/// Starts the daily run inside `betalt serve`: once a minute it looks at each creditor's local time, and
/// from the configured hour on runs that creditor's day. The run is idempotent per creditor and day, and
/// several servers may do this at once: one wins per creditor (DESIGN.md §6).
final class DailyRunScheduler: LifecycleHandler, Sendable {
    private let runAt: LocalTime
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(runAt: LocalTime) { self.runAt = runAt }

    func didBootAsync(_ application: Application) async throws {
        let runAt = self.runAt
        let settings = application.betaltSettings
        let logger = application.logger
        let database = application.db
        task.withLock {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        try await Self.tick(runAt: runAt, settings: settings, database: database, logger: logger)
                    } catch {
                        logger.error("daily run failed: \(error)")
                    }
                    try? await Task.sleep(for: .seconds(60))
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLock { task in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }

    static func tick(runAt: LocalTime, settings: ServerSettings, database: any Database, logger: Logger, now: Date = Date()) async throws {
        for creditor in try await CreditorRecord.query(on: database).all() {
            guard runAt.hasPassed(inTimeZone: creditor.timeZone, at: now) else { continue }
            let agreements = try await AgreementReview.run(
                creditorID: try creditor.requireID(), today: settings.today(inTimeZone: creditor.timeZone, now: now), on: database
            )
            if agreements.changedAnything { logger.info("agreements of \(creditor.name): \(agreements.text)") }
            let report = try await DailyRun(
                date: settings.today(inTimeZone: creditor.timeZone, now: now), creditorID: try creditor.requireID()
            ).run(on: database)
            for share in report.creditors where share.outcome == "done" {
                logger.info("daily run \(report.date.iso) for \(share.creditorName): \(share.claimsConsidered) claims, acts \(share.acts)")
            }
        }
        // Every minute, not only after a run: retries come due and a restarted server picks up its outbox.
        let delivery = try await DeliveryRound(settings: settings.delivery).run(
            date: settings.today(inTimeZone: Country.norway.timeZoneIdentifier, now: now), now: now, on: database
        )
        if delivery.composed.composed > 0 || !(delivery.delivered?.isEmpty ?? true) {
            logger.info("\(delivery.text)")
        }
    }
}

/// A wall-clock time of day, HH:MM, as `BETALT_RUN_AT` gives it.
public struct LocalTime: Sendable, Equatable {
    public let hour: Int
    public let minute: Int

    public init(_ text: String) throws {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw SettingsError(variable: "BETALT_RUN_AT", value: text, expected: "a time of day HH:MM, e.g. 06:00")
        }
        self.hour = hour
        self.minute = minute
    }

    /// Whether this time of day has come in the given zone at `now`.
    func hasPassed(inTimeZone identifier: String, at now: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "Europe/Oslo")!
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        return (parts.hour ?? 0, parts.minute ?? 0) >= (hour, minute)
    }
}
