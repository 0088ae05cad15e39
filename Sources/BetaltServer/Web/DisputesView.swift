import BetaltCore
import BetaltDocuments
import BetaltStore
import Foundation

/// A claim's disputes as its page shows them, with the forms to record and decide one.
struct DisputesView: Encodable {
    struct Line: Encodable {
        let raisedOn: String
        let amount: String
        let reason: String
        let text: String
        let raisedBy: String
        let status: StatusBadge
        let decision: String?
        let isOpen: Bool
        let decideAction: String
        let attachAction: String
        let decideForm: FormState
        let attachForm: FormState
        let files: [FileLink]
    }

    /// The ids of the forms that `ReturnedForm` names: the one that records a dispute, and each dispute's two.
    static let raiseFormID = "raise-dispute"
    static func decideFormID(_ disputeID: UUID) -> String { "decide-\(disputeID.uuidString)" }
    static func attachFormID(_ disputeID: UUID) -> String { "attach-\(disputeID.uuidString)" }

    struct FileLink: Encodable {
        let href: String
        let name: String
        let size: String
    }

    struct Choice: Encodable {
        let value: String
        let label: String
    }

    let lines: [Line]
    let hasDisputes: Bool
    let raiseAction: String
    let reasons: [Choice]
    let canRaise: Bool

    init(
        _ disputes: [DisputeRecord], attachments: [UUID: [DisputeAttachmentRecord]] = [:], claim: ClaimRecord, creditorID: String,
        language: Language, words: [String: String], returned: ReturnedForm? = nil
    ) {
        lines = disputes.map { dispute in
            let currency = (try? Currency.named(dispute.currency)) ?? Currency(code: dispute.currency)
            return Line(
                raisedOn: (try? CivilDate(iso: dispute.raisedOn))?.formatted(language) ?? dispute.raisedOn,
                amount: Money(minorUnits: dispute.amountMinor, currency: currency).formatted(language),
                reason: DisputeReasonWords.label(dispute.reason, language), text: dispute.text,
                raisedBy: dispute.raisedBy == "debtor" ? words["raisedByDebtor"]! : dispute.raisedBy,
                status: StatusBadge(
                    label: words["dispute.\(dispute.status)"] ?? dispute.status,
                    tone: dispute.status == "open" ? "danger" : dispute.status == "accepted" ? "good" : "neutral"
                ),
                decision: dispute.decisionText.flatMap { $0.isEmpty ? nil : $0 }, isOpen: dispute.status == "open",
                decideAction: "/creditors/\(creditorID)/disputes/\(dispute.id!.uuidString)/decide",
                attachAction: "/creditors/\(creditorID)/disputes/\(dispute.id!.uuidString)/attachments",
                decideForm: FormState(Self.decideFormID(dispute.id!), returned, language: language),
                attachForm: FormState(Self.attachFormID(dispute.id!), returned, language: language),
                files: (attachments[dispute.id!] ?? []).map {
                    FileLink(href: "/creditors/\(creditorID)/disputes/attachments/\($0.id!.uuidString)", name: $0.fileName,
                             size: "\(max(1, $0.byteCount / 1024)) kB")
                }
            )
        }
        hasDisputes = !lines.isEmpty
        raiseAction = "/creditors/\(creditorID)/claims/\(claim.id!.uuidString)/disputes"
        reasons = DisputeReason.allCases.map { Choice(value: $0.rawValue, label: DisputeReasonWords.label($0.rawValue, language)) }
        canRaise = claim.openMinor > 0
    }
}
