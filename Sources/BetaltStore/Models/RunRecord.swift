import FluentKit
import Foundation

/// One invocation of the daily run and its report (JSON), kept for the Runs page and the CLI.
public final class RunRecord: Model, @unchecked Sendable {
    public static let schema = "runs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "run_date") public var runDate: String
    @Field(key: "started_at") public var startedAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @Field(key: "dry_run") public var dryRun: Bool
    @Field(key: "worker") public var worker: String
    @Field(key: "report") public var report: String

    public init() {}

    public init(id: UUID? = nil, runDate: String, startedAt: Date, dryRun: Bool, worker: String, report: String) {
        self.id = id
        self.runDate = runDate
        self.startedAt = startedAt
        self.dryRun = dryRun
        self.worker = worker
        self.report = report
    }
}

/// A creditor's share of a run day: claimed by one worker at a time (unique per creditor and date), so two
/// runs at once split or serialise per creditor and nothing is done twice.
public final class CreditorRunRecord: Model, @unchecked Sendable {
    public static let schema = "creditor_runs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "run_date") public var runDate: String
    /// running or done.
    @Field(key: "status") public var status: String
    @Field(key: "worker") public var worker: String
    /// A crashed worker's claim lapses at this time and another may take the creditor over.
    @Field(key: "lease_until") public var leaseUntil: Date
    @OptionalField(key: "run_id") public var runID: UUID?
    @Field(key: "report") public var report: String

    public init() {}
}
