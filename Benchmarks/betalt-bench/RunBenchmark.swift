import BetaltCore
import BetaltStore
import Foundation
import SQLKit

/// One daily run over a synthetic ledger on `location`: generation time, run time, claims per second.
/// With BETALT_BENCH_CACHE=PATH an SQLite ledger is generated once, kept at PATH and copied for later runs,
/// which saves the minute its generation takes while the run itself is being worked on. With
/// BETALT_BENCH_POSTGRES_DUMP=PATH the PostgreSQL ledger is dumped to PATH before its run.
func benchmarkDailyRun(_ location: DatabaseLocation, creditors: Int, claimsPerCreditor: Int) async throws {
    let today = try CivilDate(2026, 6, 22)  // a Monday, inside the half-years whose rates are known
    let cache = ProcessInfo.processInfo.environment["BETALT_BENCH_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
    if case .sqliteFile(let path) = location, let cache, FileManager.default.fileExists(atPath: cache) {
        try FileManager.default.copyItem(atPath: cache, toPath: path)
        print("\(location): copied the ledger generated before from \(cache)")
        let store = try StandaloneDatabase(location: location)
        // A ledger kept by an earlier version gets the migrations added since.
        try await store.migrate()
        return try await timeRun(on: store, location, today: today)
    }
    let fresh = try await freshSchema(location)
    let store = try StandaloneDatabase(location: fresh)
    do {
        try await store.migrate()
        let ledger = SyntheticLedger(creditors: creditors, customersPerCreditor: 20, claimsPerCreditor: claimsPerCreditor, today: today)
        // One connection throughout: each `store.database` may be another event loop's.
        let database = store.database, sql = database as! any SQLDatabase
        let generation = try await ContinuousClock().measure {
            try await SQLiteTuning.bulk(sql) { try await database.transaction { try await ledger.write(on: $0 as! any SQLDatabase) } }
        }
        await SQLiteCheckpointer.shared.wait()
        print("\(location): generated \(creditors * claimsPerCreditor) claims of \(creditors) creditors in \(seconds(generation)) s")
        if case .sqliteFile(let path) = location, let cache {
            try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            try FileManager.default.copyItem(atPath: path, toPath: cache)
        }
        if case .postgres(let url, let schema?) = fresh, let dump = ProcessInfo.processInfo.environment["BETALT_BENCH_POSTGRES_DUMP"], !dump.isEmpty {
            try dumpLedger(url: url, schema: schema, to: dump)
        }
    } catch {
        try? await store.shutdown()
        throw error
    }
    try await timeRun(on: store, location, today: today)
}

/// Times one daily run on `store` and shuts it down.
private func timeRun(on store: StandaloneDatabase, _ location: DatabaseLocation, today: CivilDate) async throws {
    do {
        var report: RunReport?
        let before = processorSeconds()
        let elapsed = try await ContinuousClock().measure { report = try await DailyRun(date: today).run(on: store.database) }
        let after = processorSeconds()
        let checkpoint = await ContinuousClock().measure { await SQLiteCheckpointer.shared.wait() }
        let considered = report?.totalClaims ?? 0
        let perSecond = Int(Double(considered) / max(0.001, secondsValue(elapsed)))
        print("\(location): daily run decided \(considered) claims in \(seconds(elapsed)) s = \(perSecond) claims/s; acts \(report?.totalActs ?? [:])")
        // Both cores busy throughout would be twice the run's time; the PostgreSQL server's processes are not counted.
        print(String(
            format: "processor time of this process during the run: %.1f s user, %.1f s system", after.user - before.user, after.system - before.system
        ))
        if case .sqliteFile = location { print("the checkpoint the run left to the background took \(seconds(checkpoint)) s more") }
        print("peak resident memory so far: \(peakResidentMegabytes()) MB")
        try await store.shutdown()
    } catch {
        try? await store.shutdown()
        throw error
    }
}

/// The PostgreSQL ledger as generated, before the run, for `Benchmarks/write-floor/write-floor-postgres.sh`: pg_dump's
/// custom format of its schema at `path`.
private func dumpLedger(url: String, schema: String, to path: String) throws {
    let dump = Process()
    dump.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    dump.arguments = ["pg_dump", "--format=custom", "--compress=0", "--schema=\(schema)", "--file=\(path)", url]
    try dump.run()
    dump.waitUntilExit()
    guard dump.terminationStatus == 0 else { throw BenchmarkFailed(reason: "pg_dump of the ledger to \(path) ended with status \(dump.terminationStatus)") }
    print("the ledger as generated is dumped to \(path); the run below follows a dump that read every table,"
        + " so time runs without BETALT_BENCH_POSTGRES_DUMP")
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
