import BetaltCore
import FluentKit
import Foundation

/// The claims a creditor has handed to agencies, as the Inkasso page lists them, with the messages waiting
/// for or sent to the agencies.
public enum AgencyCases {
    /// One handed-over claim and where it stands.
    public struct Row: Sendable {
        public let caseID: UUID
        public let claimID: UUID
        public let invoiceNumber: String
        public let customerName: String
        public let agencyName: String
        public let sentOn: String
        public let state: HandoverCaseState
        public let agencyStatus: AgencyCaseStatus?
        public let agencyStatusOn: String?
        public let open: Money
        /// What the agency reports it has collected, and passed on to the creditor.
        public let collected: Money
        public let remitted: Money
    }

    /// The latest `limit` cases sent, those still with an agency first; with `claimID`, only that claim's.
    public static func list(creditorID: UUID, claimID: UUID? = nil, limit: Int = 200, on database: any Database) async throws -> [Row] {
        let batches = try await HandoverBatchRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$status == "sent")
            .field(\.$id).field(\.$agencyID).field(\.$sentOn).all()
        guard !batches.isEmpty else { return [] }
        let batchByID = Dictionary(uniqueKeysWithValues: batches.map { ($0.id!, $0) })
        var query = HandoverCaseRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$batchID ~~ batches.map { $0.id! })
        if let claimID { query = query.filter(\.$claimID == claimID) }
        let cases = try await query.all()
            .sorted { ($0.state.isWithAgency ? 0 : 1, batchByID[$1.batchID]?.sentOn ?? "") < ($1.state.isWithAgency ? 0 : 1, batchByID[$0.batchID]?.sentOn ?? "") }
            .prefix(limit)
        let claims = Dictionary(uniqueKeysWithValues: try await ClaimRecord.query(on: database).filter(\.$id ~~ cases.map(\.claimID)).all().map { ($0.id!, $0) })
        let customers = Dictionary(uniqueKeysWithValues: try await CustomerRecord.query(on: database)
            .filter(\.$id ~~ Set(claims.values.map(\.customerID))).all().map { ($0.id!, $0.name) })
        let agencies = Dictionary(uniqueKeysWithValues: try await AgencyRecord.query(on: database).filter(\.$creditorID == creditorID).all()
            .map { ($0.id!, $0.name) })
        let money = try await AgencyUpdateRecord.query(on: database).filter(\.$caseID ~~ cases.map { $0.id! })
            .filter(\.$kind ~~ ["payment", "remittance"]).all()
        return try cases.compactMap { handover in
            guard let claim = claims[handover.claimID], let batch = batchByID[handover.batchID] else { return nil }
            let currency = try Currency.named(claim.currency)
            func sum(_ kind: String) -> Money {
                Money(minorUnits: money.filter { $0.caseID == handover.id && $0.kind == kind }.reduce(0) { $0 + ($1.amountMinor ?? 0) }, currency: currency)
            }
            return Row(
                caseID: handover.id!, claimID: claim.id!, invoiceNumber: claim.invoiceNumber, customerName: customers[claim.customerID] ?? "",
                agencyName: agencies[batch.agencyID] ?? "", sentOn: batch.sentOn ?? "", state: handover.state,
                agencyStatus: handover.agencyStatus.flatMap(AgencyCaseStatus.init(rawValue:)), agencyStatusOn: handover.agencyStatusOn,
                open: Money(minorUnits: claim.openMinor, currency: currency), collected: sum("payment"), remitted: sum("remittance")
            )
        }
    }

    /// The creditor's latest messages to agencies, newest first.
    public static func messages(creditorID: UUID, limit: Int = 100, on database: any Database) async throws -> [AgencyMessageRecord] {
        try await AgencyMessageRecord.query(on: database).filter(\.$creditorID == creditorID)
            .field(\.$id).field(\.$creditorID).field(\.$agencyID).field(\.$caseID).field(\.$claimID).field(\.$kind).field(\.$messageKey)
            .field(\.$createdOn).field(\.$fileName).field(\.$sha256).field(\.$status).field(\.$deliveredOn)
            .sort(\.$createdAt, .descending).limit(limit).all()
    }
}
