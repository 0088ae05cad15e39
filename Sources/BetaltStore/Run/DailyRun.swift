import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// The daily run (DESIGN.md §6): for every creditor, the claims whose next-action date has come are planned
/// and the decisions persisted in batches. Safe to run twice (a creditor's day is done once), concurrently
/// (one worker wins per creditor) and after a crash (each batch is one transaction; what is left is redone).
public struct DailyRun: Sendable {
    public var date: CivilDate
    public var creditorID: UUID?
    public var dryRun = false
    public var batchSize = 1000
    public var worker = RunWorker.current()
    /// Called after each persisted batch with the number of claims done so far and the total due;
    /// a test uses it to stop the run midway as a crash would.
    public var afterBatch: (@Sendable (_ done: Int, _ total: Int) throws -> Void)?
    /// The wall clock for leases; a test moves it on to take over from a crashed run.
    public var clock: @Sendable () -> Date = { Date() }

    public init(date: CivilDate, creditorID: UUID? = nil, dryRun: Bool = false) {
        self.date = date
        self.creditorID = creditorID
        self.dryRun = dryRun
    }

    public func run(on database: any Database) async throws -> RunReport {
        let sql = database as! any SQLDatabase
        try await SQLiteTuning.prepare(sql)
        let started = Date()
        var report = RunReport(runID: UUID(), date: date, dryRun: dryRun)
        var creditors = CreditorRecord.query(on: database).sort(\.$id)
        if let creditorID { creditors = creditors.filter(\.$id == creditorID) }
        let record = RunRecord(id: report.runID, runDate: date.iso, startedAt: started, dryRun: dryRun, worker: worker, report: "{}")
        if !dryRun { try await record.create(on: database) }
        let progress = Progress(total: try await DueClaims.count(creditorID: creditorID, through: date, on: sql))
        for creditor in try await creditors.all() {
            report.creditors.append(try await run(creditor, runID: report.runID, progress: progress, database: database, sql: sql))
        }
        report.seconds = Date().timeIntervalSince(started)
        if !dryRun {
            record.finishedAt = Date()
            record.report = try StableJSON.string(report)
            try await record.update(on: database)
        }
        return report
    }

    /// Claims done so far across creditors, for the progress callback.
    private final class Progress: @unchecked Sendable {
        let total: Int
        var done = 0
        init(total: Int) { self.total = total }
    }

    private func run(
        _ creditor: CreditorRecord, runID: UUID, progress: Progress, database: any Database, sql: any SQLDatabase
    ) async throws -> CreditorRunReport {
        let creditorID = try creditor.requireID()
        var report = CreditorRunReport(creditorID: creditorID, creditorName: creditor.name, outcome: dryRun ? "dry-run" : "done")
        if !dryRun {
            switch try await CreditorRunLock.claim(
                creditorID: creditorID, date: date.iso, worker: worker, runID: runID, now: clock(), on: sql
            ) {
            case .acquired: break
            case .alreadyDone: report.outcome = "already-done"; return report
            case .takenByAnother: report.outcome = "taken"; return report
            }
        }
        guard let country = Country(rawValue: creditor.country) else {
            throw UnreadableLadder(key: creditor.country, reason: "creditor \(creditor.name) has no known country")
        }
        let rulebook = Rulebook.for(country)
        let ladders = try await LadderBook.load(creditorID: creditorID, on: database)
        let ids = try await DueClaims.ids(creditorID: creditorID, through: date, on: sql)
        for batch in ids.chunked(into: batchSize) {
            let claims = try await DueClaims.load(batch, creditorID: creditorID, country: country, ladders: ladders, on: date, sql: sql)
            let planned = claims.map { claim in
                (claim: claim, plan: Planner.plan(claim.facts, ladder: claim.ladder, rulebook: rulebook, on: date))
            }
            for (claim, plan) in planned { report.count(plan, currency: claim.currency) }
            if !dryRun {
                try await database.transaction { tx in
                    try await RunBatchWriter.write(planned, creditorID: creditorID, runID: runID, on: tx as! any SQLDatabase)
                }
                try await CreditorRunLock.renew(creditorID: creditorID, date: date.iso, worker: worker, now: clock(), on: sql)
            }
            progress.done += batch.count
            try afterBatch?(progress.done, max(progress.total, progress.done))
        }
        if !dryRun {
            let text = try StableJSON.string(report)
            try await CreditorRunLock.finish(creditorID: creditorID, date: date.iso, worker: worker, report: text, on: sql)
        }
        return report
    }
}
