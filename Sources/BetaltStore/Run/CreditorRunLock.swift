import FluentKit
import Foundation
import SQLKit

/// Claims a creditor's share of a run day for one worker. The unique (creditor, date) row decides who wins
/// when runs overlap; a lease lets another worker take over from one that crashed (at once when the crashed
/// worker was a process on this host).
enum CreditorRunLock {
    enum Claim: Equatable {
        case acquired
        case alreadyDone
        case takenByAnother
    }

    /// Renewed while the worker is at work (`renewalIsDue`), so only a worker that has stopped loses it.
    static let leaseSeconds: TimeInterval = 120

    /// A lease is extended once a third of it has gone by: a worker still at work never loses one, and a run
    /// does not rewrite its creditors' rows after every batch (nearly two hundred times in a million-claim run).
    static func renewalIsDue(renewedAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(renewedAt) >= leaseSeconds / 3
    }

    static func claim(creditorID: UUID, date: String, worker: String, runID: UUID, now: Date = Date(), on sql: any SQLDatabase) async throws -> Claim {
        let lease = now.addingTimeInterval(leaseSeconds)
        let inserted = try await sql.raw("""
            INSERT INTO creditor_runs (id, creditor_id, run_date, status, worker, lease_until, run_id, report)
            VALUES (\(bind: UUID()), \(bind: creditorID), \(bind: date), 'running', \(bind: worker), \(bind: lease), \(bind: runID), '{}')
            ON CONFLICT (creditor_id, run_date) DO NOTHING
            RETURNING id
            """).all()
        if !inserted.isEmpty { return .acquired }
        let takenOver = try await sql.raw("""
            UPDATE creditor_runs SET worker = \(bind: worker), lease_until = \(bind: lease), run_id = \(bind: runID)
            WHERE creditor_id = \(bind: creditorID) AND run_date = \(bind: date) AND status = 'running'
              AND (lease_until < \(bind: now) OR worker = \(bind: worker))
            RETURNING id
            """).all()
        if !takenOver.isEmpty { return .acquired }
        guard let holder = try await sql.raw("""
            SELECT status, worker FROM creditor_runs WHERE creditor_id = \(bind: creditorID) AND run_date = \(bind: date)
            """).first() else { return .takenByAnother }
        if try holder.decode(column: "status", as: String.self) == "done" { return .alreadyDone }
        let holderWorker = try holder.decode(column: "worker", as: String.self)
        guard RunWorker.isEndedLocalProcess(holderWorker) else { return .takenByAnother }
        let fromEnded = try await sql.raw("""
            UPDATE creditor_runs SET worker = \(bind: worker), lease_until = \(bind: lease), run_id = \(bind: runID)
            WHERE creditor_id = \(bind: creditorID) AND run_date = \(bind: date) AND status = 'running'
              AND worker = \(bind: holderWorker)
            RETURNING id
            """).all()
        return fromEnded.isEmpty ? .takenByAnother : .acquired
    }

    /// Claims the day of several creditors: one statement takes every creditor no worker has started, and
    /// only the others (done, or held by a worker) are looked at, those not done one by one as above.
    /// The rows go in in the order given, so two workers claiming overlapping sets in the same order never
    /// wait for each other in a circle.
    static func claim(
        creditorIDs: [UUID], date: String, worker: String, runID: UUID, now: Date = Date(), on sql: any SQLDatabase
    ) async throws -> [UUID: Claim] {
        guard !creditorIDs.isEmpty else { return [:] }
        let lease = now.addingTimeInterval(leaseSeconds)
        let values = SQLList(creditorIDs.map { creditorID in
            SQLGroupExpression([
                SQLBind(UUID()), SQLBind(creditorID), SQLBind(date), SQLLiteral.string("running"), SQLBind(worker), SQLBind(lease),
                SQLBind(runID), SQLLiteral.string("{}"),
            ] as [any SQLExpression])
        })
        let inserted = try await sql.raw("""
            INSERT INTO creditor_runs (id, creditor_id, run_date, status, worker, lease_until, run_id, report)
            VALUES \(values)
            ON CONFLICT (creditor_id, run_date) DO NOTHING
            RETURNING creditor_id
            """).all()
        var claims: [UUID: Claim] = [:]
        for row in inserted { claims[try row.decode(column: "creditor_id", as: UUID.self)] = .acquired }
        let others = creditorIDs.filter { claims[$0] == nil }
        guard !others.isEmpty else { return claims }
        for row in try await sql.raw("""
            SELECT creditor_id, status FROM creditor_runs
            WHERE run_date = \(bind: date) AND creditor_id IN (\(SQLList(others.map { SQLBind($0) })))
            """).all() where try row.decode(column: "status", as: String.self) == "done" {
            claims[try row.decode(column: "creditor_id", as: UUID.self)] = .alreadyDone
        }
        for creditorID in others where claims[creditorID] == nil {
            claims[creditorID] = try await claim(creditorID: creditorID, date: date, worker: worker, runID: runID, now: now, on: sql)
        }
        return claims
    }

    /// Extends the worker's lease of each of the creditors it is still busy with on `date`, found through the
    /// unique (creditor, date) key rather than among every day's rows.
    static func renew(creditorIDs: [UUID], date: String, worker: String, now: Date, on sql: any SQLDatabase) async throws {
        guard !creditorIDs.isEmpty else { return }
        try await sql.raw("""
            UPDATE creditor_runs SET lease_until = \(bind: now.addingTimeInterval(leaseSeconds))
            WHERE creditor_id IN (\(SQLList(creditorIDs.map { SQLBind($0) }))) AND run_date = \(bind: date)
              AND worker = \(bind: worker) AND status = 'running'
            """).run()
    }

    /// Marks the creditors' day done with each one's report, in one statement; a creditor another worker
    /// has taken over meanwhile is left to that worker.
    static func finish(_ reports: [CreditorRunReport], date: String, worker: String, on sql: any SQLDatabase) async throws {
        var rows = JSONRows()
        for report in reports {
            rows.append(.uuid(report.creditorID), .text("done"), .text(try StableJSON.string(report)))
        }
        try await BulkStatement.update(
            "creditor_runs", key: BulkColumn("creditor_id", .uuid), set: [BulkColumn("status"), BulkColumn("report")], rows: rows,
            where: "run_date = \(bind: date) AND worker = \(bind: worker)", on: sql
        )
    }
}
