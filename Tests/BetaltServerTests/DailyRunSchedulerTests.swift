@testable import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite("The scheduler inside betalt serve")
struct DailyRunSchedulerTests {
    @Test("BETALT_RUN_AT reads HH:MM and refuses anything else")
    func localTime() throws {
        #expect(try LocalTime("06:30") == LocalTime("06:30"))
        #expect(throws: SettingsError.self) { try LocalTime("6") }
        #expect(throws: SettingsError.self) { try LocalTime("24:00") }
        let settings = try ServerSettings.fromEnvironment(["BETALT_RUN_AT": "off"])
        #expect(settings.runAt == nil)
        #expect(try ServerSettings.fromEnvironment([:]).runAt == LocalTime("06:00"))
    }

    @Test("a creditor's day runs once its local run time has come, and only once", arguments: TestEngine.allCases)
    func runsAtLocalTime(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let runAt = try LocalTime("06:00")
            var settings = test.app.betaltSettings
            settings.fixedToday = TestApp.today.adding(days: 1)
            // 05:00 in Oslo and Stockholm: too early for both creditors.
            let early = ISO8601DateFormatter().date(from: "2026-11-23T04:00:00Z")!
            try await DailyRunScheduler.tick(runAt: runAt, settings: settings, database: test.app.db, logger: test.app.logger, now: early)
            #expect(try await CreditorRunRecord.query(on: test.app.db).count() == 0)
            let later = ISO8601DateFormatter().date(from: "2026-11-23T06:30:00Z")!
            try await DailyRunScheduler.tick(runAt: runAt, settings: settings, database: test.app.db, logger: test.app.logger, now: later)
            try await DailyRunScheduler.tick(runAt: runAt, settings: settings, database: test.app.db, logger: test.app.logger, now: later)
            let runs = try await CreditorRunRecord.query(on: test.app.db).all()
            #expect(runs.count == 2)
            #expect(runs.allSatisfy { $0.status == "done" && $0.runDate == "2026-11-23" })
            #expect(try await CollectionActRecord.query(on: test.app.db).count() > 0)
        }
    }
}
