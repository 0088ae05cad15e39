import BetaltCore
import BetaltDelivery
import BetaltDocuments
import BetaltStore
import Fluent
import Vapor

/// The creditor records a dispute (from a call or a letter) and decides it; each step writes its letter.
struct DisputesController: RouteCollection {
    struct RaiseForm: Content {
        var amount: String?
        var reason: String
        var text: String?
        var files: [File]?
    }

    struct AttachForm: Content {
        var files: [File]?
    }

    struct DecideForm: Content {
        var decision: String
        var explanation: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let creditor = routes.grouped("creditors", ":creditorID")
        creditor.on(.POST, "claims", ":claimID", "disputes", body: .collect(maxSize: DisputeFiles.requestLimit), use: raise)
        creditor.post("disputes", ":disputeID", "decide", use: decide)
        creditor.on(.POST, "disputes", ":disputeID", "attachments", body: .collect(maxSize: DisputeFiles.requestLimit), use: attach)
        creditor.get("disputes", "attachments", ":attachmentID", use: attachment)
    }

    func raise(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self),
              let claim = try await ClaimRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$id == claimID).first()
        else { throw Abort(.notFound) }
        let form = try req.content.decode(RaiseForm.self)
        guard let reason = DisputeReason(rawValue: form.reason) else { throw Abort(.badRequest, reason: "Unknown reason.") }
        let dispute: DisputeRecord
        do {
            let amount = try FormAmount.parse(form.amount, currency: claim.currency, field: "amount")
            let files = try DisputeFiles.read(form.files)
            dispute = try await Self.refusing {
                try await Disputes.raise(
                    claimID: claimID, creditorID: context.creditorID, amount: amount, reason: reason, text: form.text ?? "",
                    raisedBy: context.user.email, userID: context.user.id, attachments: files, on: context.today, database: req.db
                )
            }
        } catch let error as FieldError {
            // Files cannot be given back to the browser: the message asks for them again.
            let typed = ["reason": form.reason, "amount": form.amount ?? "", "text": form.text ?? ""]
            return try await CreditorPagesController.returnClaimPage(
                claimID, with: ReturnedForm(id: DisputesView.raiseFormID, error: error, values: typed), context: context, req: req
            )
        }
        try await NoticeComposer(settings: req.application.betaltSettings.delivery)
            .composeDisputeLetter(dispute, kind: .disputeAcknowledgement, date: context.today, on: req.db)
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)#disputes")
    }

    func decide(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let disputeID = req.parameters.get("disputeID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode(DecideForm.self)
        guard ["accept", "writeOff", "reject"].contains(form.decision) else { throw Abort(.badRequest, reason: "Unknown decision.") }
        let explanation = (form.explanation ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let dispute: DisputeRecord
        do {
            guard !explanation.isEmpty || form.decision != "reject" else {
                throw FieldError("explanation", "rejectionNeedsExplanation")
            }
            dispute = try await Self.refusing {
                try await Disputes.decide(
                    disputeID, creditorID: context.creditorID, accepted: form.decision != "reject",
                    settlement: form.decision == "writeOff" ? .writeOff : .creditNote, explanation: explanation,
                    by: context.user.email, userID: context.user.id, on: context.today, database: req.db
                )
            }
        } catch let error as FieldError {
            guard let claimID = try await DisputeRecord.query(on: req.db).filter(\.$creditorID == context.creditorID)
                .filter(\.$id == disputeID).first()?.claimID
            else { throw Abort(.notFound) }
            let returned = ReturnedForm(id: DisputesView.decideFormID(disputeID), error: error, values: ["explanation": form.explanation ?? ""])
            return try await CreditorPagesController.returnClaimPage(claimID, with: returned, context: context, req: req)
        }
        try await NoticeComposer(settings: req.application.betaltSettings.delivery)
            .composeDisputeLetter(dispute, kind: .disputeDecision, date: context.today, on: req.db)
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(dispute.claimID.uuidString)#disputes")
    }

    /// More files for a dispute, from a letter or an e-mail the creditor received.
    func attach(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let disputeID = req.parameters.get("disputeID", as: UUID.self),
              let dispute = try await DisputeRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$id == disputeID).first()
        else { throw Abort(.notFound) }
        do {
            let files = try DisputeFiles.read(try req.content.decode(AttachForm.self).files)
            guard !files.isEmpty else { throw FieldError("files", "noFile") }
            try await Disputes.attach(files, to: dispute, by: context.user.email, database: req.db)
        } catch let error as FieldError {
            let returned = ReturnedForm(id: DisputesView.attachFormID(disputeID), error: error, values: [:])
            return try await CreditorPagesController.returnClaimPage(dispute.claimID, with: returned, context: context, req: req)
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(dispute.claimID.uuidString)#disputes")
    }

    /// A dispute's file, to this creditor's users only; served as an attachment, never rendered inline.
    func attachment(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        guard let id = req.parameters.get("attachmentID", as: UUID.self),
              let file = try await DisputeAttachmentRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$id == id).first()
        else { throw Abort(.notFound) }
        return .download(file.content, fileName: file.fileName, mediaType: file.mediaType)
    }

    /// Runs a dispute operation and turns its refusal into a `FieldError` that says what is wrong and where.
    static func refusing<T>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let refusal as DisputeRefused {
            switch refusal {
            case .claimNotFound: throw Abort(.notFound)
            case .alreadyDecided: throw FieldError("", "disputeDecided")
            case .claimSettled: throw FieldError("", "nothingToDispute")
            case .amountOutOfRange(let open): throw FieldError("amount", "disputedAmountOutOfRange", .money(open))
            case .tooManyFiles: throw FieldError("files", "debtorTooManyToday")
            }
        }
    }
}
