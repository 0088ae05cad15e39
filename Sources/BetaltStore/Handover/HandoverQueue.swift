import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// The claims the ladder has decided to hand over and that have not gone to an agency yet, each with what
/// still keeps it back (`HandoverReadiness`): nothing incomplete is ever sent, and a person sees why.
public enum HandoverQueue {
    /// A claim waiting for its handover.
    public struct Candidate: Sendable {
        public let act: CollectionActRecord
        public let claim: ClaimRecord
        public let customer: CustomerRecord
        public let blocks: [HandoverBlock]

        public var isReady: Bool { blocks.isEmpty }
    }

    /// The notices a claim's ladder sends, whose documents the agency must receive.
    static let noticeKinds = [StepKind.friendlyReminder, .reminder, .collectionNotice].map(\.rawValue)

    /// Up to `limit` waiting claims of the creditor, oldest decision first, with their readiness on `today`.
    /// A claim paid in full meanwhile has nothing left to hand over and is not listed.
    public static func candidates(creditorID: UUID, today: CivilDate, limit: Int = 500, on database: any Database) async throws -> [Candidate] {
        let acts = try await CollectionActRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$kind == StepKind.handover.rawValue).filter(\.$deliveryStatus == "pending").sort(\.$actDate).limit(limit).all()
        return try await assess(acts, creditorID: creditorID, today: today, on: database).filter { $0.claim.stage != ClaimStage.closed.rawValue }
    }

    /// The readiness on `today` of the claims of these handover acts: for the queue, and again for a package
    /// about to be sent, whose claims may have been paid or disputed since it was made.
    public static func assess(_ acts: [CollectionActRecord], creditorID: UUID, today: CivilDate, on database: any Database) async throws -> [Candidate] {
        guard !acts.isEmpty, let creditor = try await CreditorRecord.find(creditorID, on: database), let country = Country(rawValue: creditor.country)
        else { return [] }
        let claimIDs = acts.map(\.claimID)
        let due = try await DueClaims.load(
            claimIDs, creditorID: creditorID, country: country, ladders: try await LadderBook.load(creditorID: creditorID, on: database),
            on: today, sql: database as! any SQLDatabase
        )
        let facts = Dictionary(uniqueKeysWithValues: due.map { ($0.id, $0.facts) })
        let claims = Dictionary(uniqueKeysWithValues: try await ClaimRecord.query(on: database).filter(\.$id ~~ claimIDs).all().map { ($0.id!, $0) })
        let customers = Dictionary(uniqueKeysWithValues: try await CustomerRecord.query(on: database)
            .filter(\.$id ~~ Set(acts.map(\.customerID))).all().map { ($0.id!, $0) })
        let invoices = Set(try await InvoiceDocumentRecord.query(on: database).filter(\.$claimID ~~ claimIDs).field(\.$claimID).all().map(\.claimID))
        let notices = try await noticeTrail(claimIDs: claimIDs, creditorID: creditorID, on: database)
        let rulebook = Rulebook.for(country)
        return acts.compactMap { act in
            guard let claim = claims[act.claimID], let customer = customers[act.customerID], let claimFacts = facts[act.claimID] else { return nil }
            let debtor = DebtorIdentity(
                kind: CustomerKind(rawValue: customer.kind) ?? .consumer, name: customer.name,
                addressLines: [customer.addressLine, "\(customer.postalCode) \(customer.city)".trimmingCharacters(in: .whitespaces)],
                organisationNumber: customer.organisationNumber, nationalIdentityNumber: customer.nationalIdentityNumber,
                email: customer.email, phone: customer.phone, countryCode: customer.country
            )
            let blocks = HandoverReadiness.blocks(
                HandoverFacts(claim: claimFacts, debtor: debtor, originalInvoiceArchived: invoices.contains(act.claimID),
                              unarchivedNotices: notices.unarchived[act.claimID] ?? [], unsentNotices: notices.unsent[act.claimID] ?? []),
                rulebook: rulebook, on: today
            )
            return Candidate(act: act, claim: claim, customer: customer, blocks: blocks)
        }
    }

    /// For each claim, as "step on date": the steps taken whose notice is not in the archive, and those whose notice
    /// has not gone to the debtor (no notice of the act sent or posted; a letter written in place of an e-mail, or
    /// again for what is owed now, is the act's notice too).
    private static func noticeTrail(
        claimIDs: [UUID], creditorID: UUID, on database: any Database
    ) async throws -> (unarchived: [UUID: [String]], unsent: [UUID: [String]]) {
        let acts = try await CollectionActRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ claimIDs)
            .filter(\.$kind ~~ noticeKinds).filter(\.$deliveryStatus != UnsentActs.status).all()
        let links = try await NoticeClaimRecord.query(on: database).filter(\.$actID ~~ acts.compactMap(\.id)).all()
        let noticeIDs = Set(links.map(\.noticeID))
        let archived = Set(try await ArchivedDocumentRecord.query(on: database).filter(\.$noticeID ~~ noticeIDs)
            .field(\.$noticeID).all().map(\.noticeID))
        let gone = Set(try await NoticeRecord.query(on: database).filter(\.$id ~~ noticeIDs).filter(\.$status ~~ goneStatuses).all().compactMap(\.id))
        var unarchived: [UUID: [String]] = [:], unsent: [UUID: [String]] = [:]
        for act in acts {
            let notices = links.filter { $0.actID == act.id }.map(\.noticeID)
            if !notices.contains(where: archived.contains) { unarchived[act.claimID, default: []].append("\(act.stepID) on \(act.actDate)") }
            if !notices.contains(where: gone.contains) { unsent[act.claimID, default: []].append("\(act.stepID) on \(act.actDate)") }
        }
        return (unarchived, unsent)
    }

    /// The statuses of a notice that reached the debtor: an e-mail sent, a letter posted.
    static let goneStatuses = ["sent", "printed"]
}
