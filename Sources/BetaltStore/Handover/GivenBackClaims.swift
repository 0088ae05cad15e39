import BetaltCore
import FluentKit
import Foundation

/// Claims an agency gave back with money still owed that nobody has taken up since. Their ladder has run out,
/// so Betalt takes no step by itself: they wait in the work queue until a person calls, agrees a promise or a
/// plan, hands the claim over again, or a dispute, a payment or a write-off settles the matter.
public enum GivenBackClaims {
    /// A claim given back, by which agency and when.
    public struct Row: Sendable {
        public let claim: ClaimRecord
        public let customerName: String
        public let agencyName: String
        /// The day of the agency's last update on the case: the recall it confirmed or the case it closed.
        public let givenBackOn: String?
        public let open: Money
    }

    /// The creditor's claims given back and not taken up, those given back first at the top; a fixed number of
    /// queries whatever the count.
    public static func list(creditorID: UUID, limit: Int = 200, on database: any Database) async throws -> [Row] {
        // The claims that wait for a person are few; the cases agencies ended, paid ones included, only grow.
        let stalled = try await ClaimRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$stage == ClaimStage.noticed.rawValue).filter(\.$nextActionDate == nil).filter(\.$openMinor > 0).all()
        guard !stalled.isEmpty else { return [] }
        let ended = try await HandoverCaseRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$claimID ~~ stalled.map { $0.id! })
            .filter(\.$status ~~ [HandoverCaseState.recalled.rawValue, HandoverCaseState.closed.rawValue]).all()
        let givenBack = Set(ended.map(\.claimID))
        let waiting = stalled.filter { givenBack.contains($0.id!) }
        guard !waiting.isEmpty else { return [] }
        let claimIDs = waiting.map { $0.id! }
        let takenUp = try await takenUp(claimIDs, creditorID: creditorID, on: database)
        let claims = waiting.filter { !takenUp.contains($0.id!) }
        guard !claims.isEmpty else { return [] }

        let claimIDsLeft = Set(claims.map { $0.id! })
        let cases = ended.filter { claimIDsLeft.contains($0.claimID) }
        let lastUpdateOfCase = try await AgencyUpdateRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$caseID ~~ cases.map { $0.id! }).all()
            .reduce(into: [UUID: String]()) { last, update in last[update.caseID] = max(last[update.caseID] ?? "", update.happenedOn) }
        let batches = try await HandoverBatchRecord.query(on: database).filter(\.$id ~~ Set(cases.map(\.batchID)))
            .field(\.$id).field(\.$agencyID).all()
        let agencyOfBatch = Dictionary(uniqueKeysWithValues: batches.map { ($0.id!, $0.agencyID) })
        let agencies = Dictionary(uniqueKeysWithValues: try await AgencyRecord.query(on: database).filter(\.$creditorID == creditorID).all()
            .map { ($0.id!, $0.name) })
        // A claim handed over more than once was given back last by the case the agency updated last.
        let lastCase = Dictionary(grouping: cases, by: \.claimID).mapValues { cases in
            cases.max { (lastUpdateOfCase[$0.id!] ?? "") < (lastUpdateOfCase[$1.id!] ?? "") }!
        }
        let customers = Dictionary(uniqueKeysWithValues: try await CustomerRecord.query(on: database)
            .filter(\.$id ~~ Set(claims.map(\.customerID))).all().map { ($0.id!, $0.name) })
        return try claims
            .map { claim in
                let handover = lastCase[claim.id!]
                return Row(
                    claim: claim, customerName: customers[claim.customerID] ?? "",
                    agencyName: handover.flatMap { agencyOfBatch[$0.batchID] }.flatMap { agencies[$0] } ?? "",
                    givenBackOn: handover.flatMap { lastUpdateOfCase[$0.id!] },
                    open: Money(minorUnits: claim.openMinor, currency: try Currency.named(claim.currency))
                )
            }
            .sorted { ($0.givenBackOn ?? "", $0.claim.invoiceNumber) < ($1.givenBackOn ?? "", $1.claim.invoiceNumber) }
            .prefix(limit).map { $0 }
    }

    /// Of `claimIDs`, those a person has taken up since: a call task still open, an open promise, a plan offered
    /// or in force, or an open dispute.
    private static func takenUp(_ claimIDs: [UUID], creditorID: UUID, on database: any Database) async throws -> Set<UUID> {
        var taken = Set(try await CollectionActRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ claimIDs)
            .filter(\.$deliveryStatus == "task").field(\.$claimID).all().map(\.claimID))
        taken.formUnion(try await PromiseRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ claimIDs)
            .filter(\.$status == "open").all().map(\.claimID))
        taken.formUnion(try await DisputeRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ claimIDs)
            .filter(\.$status == "open").all().map(\.claimID))
        let onPlans = try await PaymentPlanClaimRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ claimIDs).all()
        if !onPlans.isEmpty {
            let live = Set(try await PaymentPlanRecord.query(on: database).filter(\.$creditorID == creditorID)
                .filter(\.$id ~~ Set(onPlans.map(\.planID))).filter(\.$status ~~ ["offered", "active"]).all().map { $0.id! })
            taken.formUnion(onPlans.filter { live.contains($0.planID) }.map(\.claimID))
        }
        return taken
    }
}
