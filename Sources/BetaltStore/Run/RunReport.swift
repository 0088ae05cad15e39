import BetaltCore
import Foundation

/// What one creditor's share of a daily run did: counts per step, refusals with their reasons.
public struct CreditorRunReport: Sendable, Codable, Equatable {
    public let creditorID: UUID
    public let creditorName: String
    /// done, dry-run, already-done (an earlier run finished this creditor today) or taken (another worker has it).
    public var outcome: String
    public var claimsConsidered = 0
    public var acts: [String: Int] = [:]
    public var feesCharged: [String: Int64] = [:]
    public var interestCharged: [String: Int64] = [:]
    public var waits = 0
    public var stops = 0
    /// Calls for attention and refusals, each counted under its reason's key (`key(of:)`).
    public var attention: [String: Int] = [:]
    public var refusals: [String: Int] = [:]

    public init(creditorID: UUID, creditorName: String, outcome: String) {
        self.creditorID = creditorID
        self.creditorName = creditorName
        self.outcome = outcome
    }

    /// A claim that changed while the run was writing it, again and again: nothing was done to it today.
    public static let leftForNextRun = key(of: Reason("changed while the run was at work: left for the next run"))

    /// A reason as a key of the counts: its JSON, so a page can show it in its own language (`reason(ofKey:)`).
    public static func key(of reason: Reason) -> String {
        String(decoding: ReasonsJSON.utf8(reason), as: UTF8.self)
    }

    /// The reason a key counts; a report kept before keys were JSON counts finished English texts.
    public static func reason(ofKey key: String) -> Reason {
        (try? JSONDecoder().decode(Reason.self, from: Data(key.utf8))) ?? Reason(ReasonText(verbatim: key))
    }

    /// Adds the counts of `other` (a batch's) to these.
    mutating func add(_ other: CreditorRunReport) {
        claimsConsidered += other.claimsConsidered
        acts.merge(other.acts, uniquingKeysWith: +)
        feesCharged.merge(other.feesCharged, uniquingKeysWith: +)
        interestCharged.merge(other.interestCharged, uniquingKeysWith: +)
        waits += other.waits
        stops += other.stops
        attention.merge(other.attention, uniquingKeysWith: +)
        refusals.merge(other.refusals, uniquingKeysWith: +)
    }

    mutating func countLeftForNextRun() {
        claimsConsidered += 1
        attention[Self.leftForNextRun, default: 0] += 1
    }

    mutating func count(_ plan: Plan, currency: Currency) {
        claimsConsidered += 1
        for decision in plan.decisions {
            switch decision {
            case .act(let act):
                acts[act.step.kind.rawValue, default: 0] += 1
                if let fee = act.fee { feesCharged[currency.code, default: 0] += fee.minorUnits }
                if let interest = act.interest { interestCharged[currency.code, default: 0] += interest.total.minorUnits }
            case .wait: waits += 1
            case .stop: stops += 1
            case .attention(let reason): attention[Self.key(of: reason), default: 0] += 1
            case .refuse(_, let reason): refusals[Self.key(of: reason), default: 0] += 1
            }
        }
    }
}

/// The report of one `betalt run`: the date, every creditor's share, and the time taken.
public struct RunReport: Sendable, Codable, Equatable {
    public let runID: UUID
    public let date: CivilDate
    public let dryRun: Bool
    public var creditors: [CreditorRunReport] = []
    public var seconds: Double = 0

    public var totalClaims: Int { creditors.reduce(0) { $0 + $1.claimsConsidered } }
    public var totalActs: [String: Int] {
        creditors.reduce(into: [:]) { total, report in report.acts.forEach { total[$0.key, default: 0] += $0.value } }
    }
    public var totalRefusals: [String: Int] {
        creditors.reduce(into: [:]) { total, report in report.refusals.forEach { total[$0.key, default: 0] += $0.value } }
    }
    public var totalAttention: [String: Int] {
        creditors.reduce(into: [:]) { total, report in report.attention.forEach { total[$0.key, default: 0] += $0.value } }
    }

    /// The report as the command line prints it.
    public var text: String {
        var lines = ["Run for \(date.iso)\(dryRun ? " (dry run: nothing saved)" : ""): \(totalClaims) claims considered in \(String(format: "%.1f", seconds)) s"]
        for (kind, count) in totalActs.sorted(by: { $0.key < $1.key }) { lines.append("  \(kind): \(count)") }
        for creditor in creditors where creditor.outcome != "done" && creditor.outcome != "dry-run" {
            lines.append("  \(creditor.creditorName): \(creditor.outcome)")
        }
        if !totalRefusals.isEmpty {
            lines.append("Refused:")
            for (key, count) in totalRefusals.sorted(by: { $0.value > $1.value }) {
                lines.append("  \(count) × \(CreditorRunReport.reason(ofKey: key))")
            }
        }
        if !totalAttention.isEmpty {
            lines.append("Needs attention:")
            for (key, count) in totalAttention.sorted(by: { $0.value > $1.value }) {
                lines.append("  \(count) × \(CreditorRunReport.reason(ofKey: key))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
