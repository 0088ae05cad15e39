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

    /// Renewed after every batch, so only a worker that has stopped loses it.
    static let leaseSeconds: TimeInterval = 120

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

    /// Extends the lease while the worker is still busy with the creditor.
    static func renew(creditorID: UUID, date: String, worker: String, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE creditor_runs SET lease_until = \(bind: now.addingTimeInterval(leaseSeconds))
            WHERE creditor_id = \(bind: creditorID) AND run_date = \(bind: date) AND worker = \(bind: worker)
            """).run()
    }

    static func finish(creditorID: UUID, date: String, worker: String, report: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE creditor_runs SET status = 'done', report = \(bind: report)
            WHERE creditor_id = \(bind: creditorID) AND run_date = \(bind: date) AND worker = \(bind: worker)
            """).run()
    }
}
