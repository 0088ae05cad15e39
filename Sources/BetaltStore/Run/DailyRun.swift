import BetaltCore
import FluentKit
import Foundation
import SQLKit
import Synchronization

/// The daily run (DESIGN.md §6): for every creditor, the claims whose next-action date has come are planned
/// and the decisions persisted in batches. Safe to run twice (a creditor's day is done once), concurrently
/// (one worker wins per creditor) and after a crash (each batch is one transaction; what is left is redone).
///
/// Creditors are taken a share at a time: the share's days are claimed together, its due claims listed
/// together and planned and written in batches that cross creditors, so ten thousand small creditors cost
/// a few statements per batch rather than a dozen each. Every guarantee stays per creditor: each has its
/// own day row, lease and report.
public struct DailyRun: Sendable {
    public var date: CivilDate
    public var creditorID: UUID?
    public var dryRun = false
    /// Claims planned and written per transaction. Each commit logs every page the batch changed, and
    /// neighbouring batches change many of the same index and claim pages: on the bench ledger 5,000 took the
    /// run from 29-30 s to 27 s on SQLite (2,000 before), at about 50 MB more memory.
    public var batchSize = 5000
    /// Creditors claimed and listed together; their leases are renewed while the share is at work.
    /// A share's first batch is read, and its last written, with nothing alongside: 1,000 creditors of a
    /// million claims make a share of a few dozen batches, where 200 made the run 2-3 s longer.
    public var creditorsPerShare = 1000
    /// Shares worked on at once on PostgreSQL, each with its own connections: one connection is one server
    /// process on one core, and a share's SQL keeps that core busy, so a second share uses the other core
    /// (on the bench ledger 57 s against 100 s in the same hour). SQLite has one writer: there shares go one at a time.
    public var sharesAtOnce = 2
    /// Times a batch whose claims changed after they were read (or that PostgreSQL rolled back to end a deadlock)
    /// is read and planned again before the claims that keep changing are left for the next run.
    public var replans = 3
    public var worker = RunWorker.current()
    /// Called after each persisted batch with the number of claims done so far and the total due;
    /// tests use it to stop the run midway as a crash would, or to change claims while the run is at work.
    public var afterBatch: (@Sendable (_ done: Int, _ total: Int) async throws -> Void)?
    /// The wall clock for leases; a test moves it on to take over from a crashed run.
    public var clock: @Sendable () -> Date = { Date() }

    public init(date: CivilDate, creditorID: UUID? = nil, dryRun: Bool = false) {
        self.date = date
        self.creditorID = creditorID
        self.dryRun = dryRun
    }

    public func run(on database: any Database) async throws -> RunReport {
        let sql = database as! any SQLDatabase
        return try await SQLiteTuning.bulk(sql) { try await runPrepared(on: database, sql: sql) }
    }

    private func runPrepared(on database: any Database, sql: any SQLDatabase) async throws -> RunReport {
        let started = Date()
        var report = RunReport(runID: UUID(), date: date, dryRun: dryRun)
        var creditors = CreditorRecord.query(on: database).sort(\.$id)
        if let creditorID { creditors = creditors.filter(\.$id == creditorID) }
        let record = RunRecord(id: report.runID, runDate: date.iso, startedAt: started, dryRun: dryRun, worker: worker, report: "{}")
        if !dryRun { try await record.create(on: database) }
        let progress = Progress(total: try await DueClaims.count(creditorID: creditorID, through: date, on: sql))
        let shares = try await creditors.all().chunked(into: creditorsPerShare).map { Array($0) }
        let queue = ShareQueue(count: shares.count)
        let lanes = sql.dialect.name == "sqlite" ? 1 : max(1, min(sharesAtOnce, shares.count))
        var byShare = [[CreditorRunReport]](repeating: [], count: shares.count)
        try await withThrowingTaskGroup(of: [(Int, [CreditorRunReport])].self) { lanesAtWork in
            for _ in 0..<lanes {
                lanesAtWork.addTask { [runID = report.runID] in
                    var done: [(Int, [CreditorRunReport])] = []
                    while let index = queue.next() {
                        done.append((index, try await run(shares[index], runID: runID, progress: progress, database: database, sql: sql)))
                    }
                    return done
                }
            }
            for try await done in lanesAtWork {
                for (index, reports) in done { byShare[index] = reports }
            }
        }
        report.creditors = byShare.flatMap { $0 }
        report.seconds = Date().timeIntervalSince(started)
        if !dryRun {
            record.finishedAt = Date()
            record.report = try StableJSON.string(report)
            try await record.update(on: database)
        }
        return report
    }

    /// Claims done so far across creditors, for the progress callback; shares at work at once add to it.
    private final class Progress: Sendable {
        let total: Int
        private let done = Mutex(0)
        init(total: Int) { self.total = total }

        /// Adds `count` claims done and returns the claims done so far.
        func add(_ count: Int) -> Int { done.withLock { $0 += count; return $0 } }
    }

    /// Hands out the shares' indexes, each once, to the lanes that work on shares at once.
    private final class ShareQueue: Sendable {
        private let count: Int
        private let taken = Mutex(0)
        init(count: Int) { self.count = count }

        func next() -> Int? {
            taken.withLock { taken in
                guard taken < count else { return nil }
                defer { taken += 1 }
                return taken
            }
        }
    }

    /// The reports of a share's creditors, counted as batches are written: one batch is written at a time.
    private final class Tally: @unchecked Sendable {
        var reports: [UUID: CreditorRunReport]
        init(_ reports: [UUID: CreditorRunReport]) { self.reports = reports }
    }

    /// What a share's batches are written with.
    private struct Share {
        let runID: UUID
        let creditors: [UUID: DueClaims.Creditor]
        let progress: Progress
        let leases: Leases
        let tally: Tally
    }

    /// The creditors of a share whose day this worker holds, and when their leases were last extended.
    private final class Leases: @unchecked Sendable {
        let creditorIDs: [UUID]
        var renewedAt: Date
        init(creditorIDs: [UUID], renewedAt: Date) {
            self.creditorIDs = creditorIDs
            self.renewedAt = renewedAt
        }
    }

    /// One share of creditors: the reports in the order of `share`.
    private func run(
        _ share: [CreditorRecord], runID: UUID, progress: Progress, database: any Database, sql: any SQLDatabase
    ) async throws -> [CreditorRunReport] {
        var reports: [UUID: CreditorRunReport] = [:]
        for creditor in share {
            let id = try creditor.requireID()
            reports[id] = CreditorRunReport(creditorID: id, creditorName: creditor.name, outcome: dryRun ? "dry-run" : "done")
        }
        var mine = share
        let claimedAt = clock()
        if !dryRun {
            let claims = try await CreditorRunLock.claim(
                creditorIDs: share.map { $0.id! }, date: date.iso, worker: worker, runID: runID, now: claimedAt, on: sql
            )
            for (creditorID, claim) in claims {
                switch claim {
                case .acquired: break
                case .alreadyDone: reports[creditorID]!.outcome = "already-done"
                case .takenByAnother: reports[creditorID]!.outcome = "taken"
                }
            }
            mine = share.filter { claims[$0.id!] == .acquired }
        }
        let leases = Leases(creditorIDs: mine.map { $0.id! }, renewedAt: claimedAt)
        let ladders = try await LadderBook.load(creditorIDs: leases.creditorIDs, on: database)
        let creditors = try Dictionary(uniqueKeysWithValues: mine.map { creditor in
            guard let country = Country(rawValue: creditor.country) else {
                throw UnreadableLadder(key: creditor.country, reason: "creditor \(creditor.name) has no known country")
            }
            return (creditor.id!, DueClaims.Creditor(country: country, ladders: ladders[creditor.id!]!))
        })
        let keys = try await DueClaims.keys(creditorIDs: leases.creditorIDs, through: date, on: sql)
        let context = Share(runID: runID, creditors: creditors, progress: progress, leases: leases, tally: Tally(reports))
        // Each batch is planned, and its rows made, while the database writes the one before it and then reads
        // the one after it, so the two cores share the work. On SQLite reads and writes share one connection.
        let batches = keys.chunked(into: batchSize)
        var planned = RunBatchWriter.Output()
        var read = try await DueClaims.read(batches.first ?? [], creditors: creditors, on: date, sql: sql)
        for index in batches.indices {
            let before = planned, following = index + 1 < batches.count ? batches[index + 1] : []
            async let written: DueClaims.Batch = {
                try await persist(before, share: context, database: database, sql: sql)
                return try await DueClaims.read(following, creditors: creditors, on: date, sql: sql)
            }()
            let next = try read.claims().map(plan)
            let rows = dryRun ? RunBatchWriter.Output(counting: next) : try RunBatchWriter.rows(next, runID: runID)
            read = try await written
            planned = rows
        }
        try await persist(planned, share: context, database: database, sql: sql)
        reports = context.tally.reports
        if !dryRun {
            try await CreditorRunLock.finish(mine.map { reports[$0.id!]! }, date: date.iso, worker: worker, on: sql)
        }
        return share.map { reports[$0.id!]! }
    }

    private func plan(_ claim: DueClaim) -> (claim: DueClaim, plan: Plan) {
        (claim: claim, plan: Planner.plan(claim.facts, ladder: claim.ladder, rulebook: .for(claim.facts.country), on: date))
    }

    /// Writes one planned batch in one transaction, counts what it did in the reports, and renews the worker's
    /// leases when that is due.
    private func persist(_ planned: RunBatchWriter.Output, share: Share, database: any Database, sql: any SQLDatabase) async throws {
        guard planned.claimCount > 0 else { return }
        let progress = share.progress, leases = share.leases
        var written = planned
        if !dryRun {
            let leftOver: [DueClaimKey]
            (written, leftOver) = try await write(planned, share: share, database: database, sql: sql)
            for claim in leftOver { share.tally.reports[claim.creditorID]!.countLeftForNextRun() }
            let now = clock()
            if CreditorRunLock.renewalIsDue(renewedAt: leases.renewedAt, now: now) {
                try await CreditorRunLock.renew(creditorIDs: leases.creditorIDs, date: date.iso, worker: worker, now: now, on: sql)
                leases.renewedAt = now
            }
            // The log is copied into the file while the run goes on, so it never grows to the whole run.
            try await SQLiteCheckpointer.shared.request(for: sql)
        }
        for (creditorID, counts) in written.counts { share.tally.reports[creditorID]!.add(counts) }
        let done = progress.add(planned.claimCount)
        try await afterBatch?(done, max(progress.total, done))
    }

    /// Writes the batch; when claims changed after they were read (`ClaimsChangedMeanwhile`), or PostgreSQL rolled
    /// the batch back to end a deadlock with another writer of its claims (`DatabaseConflict`), the batch is read,
    /// planned and made anew, `replans` times, after which the claims that keep changing are left for the next
    /// run. Returns what was written and the claims left.
    private func write(
        _ batch: RunBatchWriter.Output, share: Share, database: any Database, sql: any SQLDatabase
    ) async throws -> (written: RunBatchWriter.Output, leftOver: [DueClaimKey]) {
        var batch = batch, leftOver: [DueClaimKey] = [], replanned = 0
        while true {
            do {
                let attempt = batch
                try await database.writing { tx in try await RunBatchWriter.write(attempt, on: tx as! any SQLDatabase) }
                return (attempt, leftOver)
            } catch let error where error is ClaimsChangedMeanwhile || DatabaseConflict.rolledBack(error) {
                let changed = try await RunBatchWriter.changedClaims(batch.read, on: sql)
                // The guard and this comparison look at the same columns, so a failed guard names a claim here;
                // if none is named, something else kept the rows from being updated, and trying again would not help.
                if error is ClaimsChangedMeanwhile, changed.isEmpty { throw error }
                var claims = try await DueClaims.read(batch.read.map(\.key), creditors: share.creditors, on: date, sql: sql).claims()
                if replanned < replans {
                    replanned += 1
                } else {
                    // A conflict that keeps coming back while no claim changes is not the claims' doing.
                    if changed.isEmpty { throw error }
                    leftOver += batch.read.map(\.key).filter { changed.contains($0.id) }
                    claims.removeAll { changed.contains($0.id) }
                }
                batch = try RunBatchWriter.rows(claims.map(plan), runID: share.runID)
            }
        }
    }
}
