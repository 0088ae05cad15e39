import BetaltCore
import BetaltStore
import Foundation
import SQLKit

/// One daily run over a synthetic ledger on `location`: generation time, run time, claims per second.
func benchmarkDailyRun(_ location: DatabaseLocation, creditors: Int, claimsPerCreditor: Int) async throws {
    let today = try CivilDate(2026, 6, 22)  // a Monday, inside the half-years whose rates are known
    let store = try StandaloneDatabase(location: try await freshSchema(location))
    do {
        try await store.migrate()
        let ledger = SyntheticLedger(creditors: creditors, customersPerCreditor: 20, claimsPerCreditor: claimsPerCreditor, today: today)
        let clock = ContinuousClock()
        try await SQLiteTuning.prepare(store.database as! any SQLDatabase)
        let generation = try await clock.measure {
            try await store.database.transaction { try await ledger.write(on: $0 as! any SQLDatabase) }
        }
        print("\(location): generated \(creditors * claimsPerCreditor) claims of \(creditors) creditors in \(seconds(generation)) s")
        var report: RunReport?
        let elapsed = try await clock.measure { report = try await DailyRun(date: today).run(on: store.database) }
        let considered = report?.totalClaims ?? 0
        let perSecond = Int(Double(considered) / max(0.001, secondsValue(elapsed)))
        print("\(location): daily run decided \(considered) claims in \(seconds(elapsed)) s = \(perSecond) claims/s; acts \(report?.totalActs ?? [:])")
        print("peak resident memory so far: \(peakResidentMegabytes()) MB")
        try await store.shutdown()
    } catch {
        try? await store.shutdown()
        throw error
    }
}

/// A new schema on PostgreSQL, so a benchmark never meets an earlier one's rows.
private func freshSchema(_ location: DatabaseLocation) async throws -> DatabaseLocation {
    guard case .postgres(let url, _) = location else { return location }
    let schema = "bench_\(UInt32.random(in: 0...UInt32.max))"
    let admin = try StandaloneDatabase(location: location)
    try await (admin.database as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
    try await admin.shutdown()
    return .postgres(url: url, searchPath: schema)
}

func secondsValue(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func seconds(_ duration: Duration) -> String { String(format: "%.2f", secondsValue(duration)) }
