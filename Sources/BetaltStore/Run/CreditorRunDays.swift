import FluentKit
import Foundation

/// A creditor's days of the daily run, newest first, with what each did: the Runs page.
public enum CreditorRunDays {
    /// One day of one creditor: who ran it, when, and its report (nil while the day is still being worked on).
    public struct Day: Sendable {
        public let date: String
        /// running or done.
        public let status: String
        /// Until when the worker holding a running day may keep it: past it, the worker stopped (a crash, a
        /// restart) and the next run takes the day over.
        public let leaseUntil: Date
        public let worker: String
        public let report: CreditorRunReport?
        public let startedAt: Date?
        public let finishedAt: Date?
    }

    /// The days of page `page` (from 1), `perPage` to a page, and how many days there are.
    public static func page(creditorID: UUID, page: Int, perPage: Int = 30, on database: any Database) async throws -> ListPage<Day> {
        let query = CreditorRunRecord.query(on: database).filter(\.$creditorID == creditorID)
        let total = try await query.count()
        let records = try await query.sort(\.$runDate, .descending).range((page - 1) * perPage..<page * perPage).all()
        return ListPage(rows: try await days(records, on: database), totalCount: total, page: page, pageSize: perPage)
    }

    /// The creditor's day `date`, if the run has come to it.
    public static func day(creditorID: UUID, date: String, on database: any Database) async throws -> Day? {
        let records = try await CreditorRunRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$runDate == date).all()
        return try await days(records, on: database).first
    }

    private static func days(_ records: [CreditorRunRecord], on database: any Database) async throws -> [Day] {
        let runIDs = Set(records.compactMap(\.runID))
        let runs = runIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await RunRecord.query(on: database).filter(\.$id ~~ runIDs).all()
            .map { ($0.id!, $0) })
        return records.map { record in
            let run = record.runID.flatMap { runs[$0] }
            return Day(
                date: record.runDate, status: record.status, leaseUntil: record.leaseUntil, worker: record.worker,
                // A day still at work holds "{}"; a finished one the report the run wrote.
                report: record.status == "done" ? try? JSONDecoder().decode(CreditorRunReport.self, from: Data(record.report.utf8)) : nil,
                startedAt: run?.startedAt, finishedAt: run?.finishedAt
            )
        }
    }
}
