import BetaltCore
import BetaltDocuments
import BetaltFormats
import BetaltStore
import FluentKit
import Foundation

/// Builds the handover package's manifest and files from the archive and the ledger: for each claim the
/// debtor's identity, every ledger line, the open amounts, every notice with its documents, the disputes
/// with their files, the promises and plans, and the original invoice. Documents go in as archived, byte
/// for byte, each named with the SHA-256 of exactly those bytes.
enum CaseFiles {
    static func assemble(
        _ claims: [(claim: ClaimRecord, customer: CustomerRecord)], creditor: CreditorRecord, agency: AgencyRecord, batchID: UUID,
        today: CivilDate, on database: any Database
    ) async throws -> (manifest: HandoverManifest, files: [HandoverPackage.File]) {
        var files: [HandoverPackage.File] = []
        var cases: [HandoverManifest.Case] = []
        for (claim, customer) in claims {
            let folder = "documents/\(claim.id!.uuidString.lowercased())"
            func document(_ name: String, mediaType: String, content: Data) -> HandoverManifest.Document {
                let path = "\(folder)/\(safe(name))"
                files.append(HandoverPackage.File(path: path, content: content))
                return HandoverManifest.Document(path: path, mediaType: mediaType, sha256: sha256Hex(Array(content)))
            }
            let currency = try Currency.named(claim.currency)
            let ledger = try await LedgerEntryRecord.query(on: database).filter(\.$claimID == claim.id!).sort(\.$sequence).all()
                .map { HandoverManifest.LedgerLine(try $0.domainEntry()) }
            var notices: [HandoverManifest.Notice] = []
            let links = try await NoticeClaimRecord.query(on: database).filter(\.$claimID == claim.id!).all()
            let acts = try await CollectionActRecord.query(on: database).filter(\.$id ~~ links.compactMap(\.actID)).all()
            for (index, notice) in try await NoticeRecord.query(on: database).filter(\.$id ~~ Set(links.map(\.noticeID)))
                .sort(\.$noticeDate).sort(\.$createdAt).all().enumerated() {
                let deadline = acts.filter { act in links.contains { $0.noticeID == notice.id && $0.actID == act.id } }
                    .compactMap(\.deadline).max()
                let archived = try await ArchivedDocumentRecord.query(on: database).filter(\.$noticeID == notice.id!).sort(\.$fileName).all()
                guard !archived.isEmpty else { continue }
                notices.append(HandoverManifest.Notice(
                    date: try CivilDate(iso: notice.noticeDate), kind: notice.kind, channel: notice.channel, recipient: notice.recipient,
                    status: notice.status, deadline: try deadline.map { try CivilDate(iso: $0) },
                    documents: archived.map { document("notice-\(index + 1)-\($0.fileName)", mediaType: $0.mediaType, content: $0.content) }
                ))
            }
            var disputes: [HandoverManifest.Dispute] = []
            for (index, dispute) in try await Disputes.of(claimID: claim.id!, creditorID: claim.creditorID, on: database).enumerated() {
                let attached = try await DisputeAttachmentRecord.query(on: database).filter(\.$disputeID == dispute.id!).sort(\.$createdAt).all()
                disputes.append(HandoverManifest.Dispute(
                    raisedOn: dispute.raisedOn, raisedBy: dispute.raisedBy,
                    amount: .init(Money(minorUnits: dispute.amountMinor, currency: currency)), reason: dispute.reason, text: dispute.text,
                    status: dispute.status, decidedOn: dispute.decidedOn, decision: dispute.decisionText,
                    documents: attached.map { document("dispute-\(index + 1)-\($0.fileName)", mediaType: $0.mediaType, content: $0.content) }
                ))
            }
            // An agreement for several claims says which: its amount is for them together, not for this case alone.
            func together(_ claimIDs: [UUID]) async throws -> [String]? {
                guard claimIDs.count > 1 else { return nil }
                return try await ClaimRecord.query(on: database).filter(\.$creditorID == claim.creditorID).filter(\.$id ~~ claimIDs).all()
                    .sorted { ($0.dueDate, $0.invoiceNumber) < ($1.dueDate, $1.invoiceNumber) }.map(\.invoiceNumber)
            }
            var agreements: [HandoverManifest.Agreement] = []
            for promise in try await Promises.of(claimID: claim.id!, creditorID: claim.creditorID, on: database) {
                agreements.append(HandoverManifest.Agreement(
                    kind: "promise", madeOn: promise.madeOn, status: promise.status,
                    amount: .init(Money(minorUnits: promise.amountMinor, currency: currency)), payBy: promise.payBy,
                    invoiceNumbers: try await together(
                        try await Promises.rows(of: promise.agreementID, creditorID: claim.creditorID, on: database).map(\.claimID))
                ))
            }
            for plan in try await PaymentPlans.of(claimID: claim.id!, creditorID: claim.creditorID, on: database) {
                agreements.append(HandoverManifest.Agreement(
                    kind: "plan", madeOn: plan.proposedOn, status: plan.status,
                    amount: .init(Money(minorUnits: plan.debtMinor + plan.feeMinor, currency: currency)), payBy: nil,
                    invoiceNumbers: try await together(try await PaymentPlans.claimIDsOf(plan.id!, on: database))
                ))
            }
            let original = try await InvoiceDocumentRecord.query(on: database).filter(\.$claimID == claim.id!).filter(\.$kind == "invoice").first()
            cases.append(HandoverManifest.Case(
                claimID: claim.id!.uuidString.lowercased(), invoiceNumber: claim.invoiceNumber, issueDate: try CivilDate(iso: claim.issueDate),
                dueDate: try CivilDate(iso: claim.dueDate), paymentReference: claim.paymentReference,
                debtor: party(customer, consents: try await NoticeConsent.history(of: customer, on: database)),
                ledger: ledger,
                open: .init(try claim.balances()),
                notices: notices, disputes: disputes, agreements: agreements,
                originalInvoice: original.map { document("invoice.\($0.fileExtension)", mediaType: $0.mediaType, content: $0.bytes) }
            ))
        }
        let manifest = HandoverManifest(
            batchID: batchID.uuidString.lowercased(), createdOn: today, creditor: party(creditor),
            agency: .init(name: agency.name, agreementReference: agency.agreementReference), cases: cases
        )
        return (manifest, files)
    }

    /// The creditor as the agency addresses and pays it.
    static func party(_ creditor: CreditorRecord) -> HandoverManifest.Party {
        let account = NoticeCreditor(creditor)
        return HandoverManifest.Party(
            kind: CustomerKind.business.rawValue, name: creditor.name, address: account.addressLines.isEmpty ? [creditor.name] : account.addressLines,
            country: creditor.country, organisationNumber: creditor.organisationNumber, email: creditor.email, phone: creditor.phone,
            bankAccount: account.bankAccount)
    }

    static func party(_ customer: CustomerRecord, consents: [NoticeConsent.Record]) -> HandoverManifest.Party {
        HandoverManifest.Party(
            kind: customer.kind, name: customer.name,
            address: [customer.addressLine, "\(customer.postalCode) \(customer.city)".trimmingCharacters(in: .whitespaces)].filter { !$0.isEmpty },
            country: customer.country, organisationNumber: customer.organisationNumber,
            nationalIdentityNumber: customer.nationalIdentityNumber, customerNumber: customer.customerNumber,
            email: customer.email, phone: customer.phone,
            emailConsents: consents.isEmpty ? nil : consents.map { .init(on: $0.on.iso, accepted: $0.accepted, basis: $0.basis) }
        )
    }

    /// A file name safe in any ZIP tool: letters, digits, dot, dash and underscore.
    private static func safe(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) ? Character($0) : "_" })
    }
}
