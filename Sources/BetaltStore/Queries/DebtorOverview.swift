import BetaltCore
import FluentKit
import Foundation

/// What a debtor sees behind their private link: the creditor, their own open claims and the letters sent
/// to them. Everything is scoped to the one customer the link was issued for.
public struct DebtorOverview: Sendable {
    public struct OpenClaim: Sendable {
        public let id: UUID
        public let invoiceNumber: String
        public let issueDate: CivilDate
        public let dueDate: CivilDate
        public let principal: Money
        public let fees: Money
        public let interest: Money
        public let open: Money
        public let paymentReference: String?
        /// Whether an open dispute stops its collection.
        public let disputed: Bool
        /// Whether an open promise to pay pauses it.
        public let promised: Bool
        /// Whether an offered or active payment plan covers it.
        public let onPlan: Bool
        /// An agency holds it: the debtor pays and speaks to the agency.
        public let withAgency: Bool
    }

    public struct Letter: Sendable {
        public let documentID: UUID
        public let date: CivilDate
        public let title: String
        public let fileName: String
    }

    public let creditor: CreditorRecord
    public let customer: CustomerRecord
    public let claims: [OpenClaim]
    public let letters: [Letter]
    /// What the customer has to their credit (overpayments not yet used or paid back).
    public let credits: [Money]
    /// The newest notice's own KID/OCR when every claim it covered is still open: one payment for them all.
    public let combinedReference: (reference: String, invoiceNumbers: [String])?
    /// The customer's plans that are offered or in force.
    public let plans: [PlanSummary]

    /// The claims a plan the debtor makes on their page would cover: open, not disputed, not on a plan.
    public var claimsForAPlan: [OpenClaim] { claims.filter { !$0.disputed && !$0.onPlan && !$0.withAgency } }

    /// The link's customer, or nil when the token is unknown or revoked; `expired` when its last day passed.
    public enum Lookup: Sendable {
        case found(DebtorOverview)
        case expired(creditorName: String, language: String)
        case unknown
    }

    public static func load(tokenHash: String, today: (CreditorRecord) -> CivilDate, on database: any Database) async throws -> Lookup {
        guard let link = try await DebtorLinkRecord.query(on: database).filter(\.$tokenHash == tokenHash).first(),
              link.revokedAt == nil,
              let creditor = try await CreditorRecord.find(link.creditorID, on: database),
              let customer = try await CustomerRecord.find(link.customerID, on: database), customer.creditorID == creditor.id
        else { return .unknown }
        guard link.expiresOn >= today(creditor).iso else { return .expired(creditorName: creditor.name, language: customer.language) }
        let records = try await ClaimRecord.query(on: database)
            .filter(\.$creditorID == creditor.id!).filter(\.$customerID == customer.id!)
            .filter(\.$openMinor > 0).filter(\.$stage != ClaimStage.closed.rawValue)
            .sort(\.$dueDate).all()
        let disputed = Set(try await DisputeRecord.query(on: database)
            .filter(\.$creditorID == creditor.id!).filter(\.$customerID == customer.id!).filter(\.$status == "open").all().map(\.claimID))
        let promised = Set(try await PromiseRecord.query(on: database)
            .filter(\.$creditorID == creditor.id!).filter(\.$customerID == customer.id!).filter(\.$status == "open").all().map(\.claimID))
        let plans = try await PaymentPlanRecord.query(on: database).filter(\.$creditorID == creditor.id!)
            .filter(\.$customerID == customer.id!).filter(\.$status ~~ PaymentPlans.pausing).sort(\.$createdAt).all()
        let planned = Set(try await PaymentPlanClaimRecord.query(on: database).filter(\.$planID ~~ plans.compactMap(\.id)).all().map(\.claimID))
        let claims = try records.map { record in
            let currency = try Currency.named(record.currency)
            return OpenClaim(
                id: record.id!, invoiceNumber: record.invoiceNumber, issueDate: try CivilDate(iso: record.issueDate), dueDate: try CivilDate(iso: record.dueDate),
                principal: Money(minorUnits: record.principalOpenMinor, currency: currency),
                fees: Money(minorUnits: record.feeOpenMinor + record.compensationOpenMinor, currency: currency),
                interest: Money(minorUnits: record.interestOpenMinor, currency: currency),
                open: Money(minorUnits: record.openMinor, currency: currency), paymentReference: record.paymentReference,
                disputed: disputed.contains(record.id!), promised: promised.contains(record.id!), onPlan: planned.contains(record.id!),
                withAgency: record.stage == ClaimStage.withAgency.rawValue
            )
        }
        // A notice that never went (withdrawn because its claims changed first, or never composed) is not the debtor's.
        let notices = try await NoticeRecord.query(on: database)
            .filter(\.$creditorID == creditor.id!).filter(\.$customerID == customer.id!).filter(\.$status !~ ["withdrawn", "failed"])
            .sort(\.$noticeDate, .descending).all()
        let documents = try await ArchivedDocumentRecord.query(on: database)
            .filter(\.$creditorID == creditor.id!).filter(\.$customerID == customer.id!).filter(\.$role == "letter")
            .field(\.$id).field(\.$noticeID).field(\.$fileName).all()
        let letters = try notices.compactMap { notice -> Letter? in
            guard let document = documents.first(where: { $0.noticeID == notice.id }) else { return nil }
            return Letter(documentID: document.id!, date: try CivilDate(iso: notice.noticeDate), title: notice.title, fileName: document.fileName)
        }
        var combined: (String, [String])?
        if let newest = notices.first(where: { $0.paymentReference != nil }) {
            let covered = try await NoticeClaimRecord.query(on: database).filter(\.$noticeID == newest.id!).all().map(\.claimID)
            let stillOpen = records.filter { covered.contains($0.id!) }
            // Offered only while it would pay exactly what is owed: every claim still open and none disputed
            // (paying a disputed claim through a shared reference would settle what the debtor contests).
            // Nor for claims on a plan, which are paid with the plan's own references.
            if stillOpen.count == Set(covered).count, stillOpen.allSatisfy({ !disputed.contains($0.id!) && !planned.contains($0.id!) }) {
                combined = (newest.paymentReference!, stillOpen.map(\.invoiceNumber))
            }
        }
        let credits = try await CustomerCredit.balances(customerID: customer.id!, creditorID: creditor.id!, on: database)
        return .found(DebtorOverview(
            creditor: creditor, customer: customer, claims: claims, letters: letters, credits: credits, combinedReference: combined,
            plans: try await PlanSummary.load(plans, today: today(creditor), on: database)
        ))
    }

    /// A letter sent to this customer, bytes and all; nil for anyone else's document and for one that never went.
    public static func letter(_ id: UUID, of overview: DebtorOverview, on database: any Database) async throws -> ArchivedDocumentRecord? {
        guard let document = try await ArchivedDocumentRecord.query(on: database)
            .filter(\.$creditorID == overview.creditor.id!).filter(\.$customerID == overview.customer.id!)
            .filter(\.$role == "letter").filter(\.$id == id).first()
        else { return nil }
        let shown = Set(overview.letters.map(\.documentID))
        return shown.contains(document.id!) ? document : nil
    }
}
