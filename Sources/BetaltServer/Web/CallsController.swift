import BetaltCore
import BetaltDelivery
import BetaltStore
import Fluent
import Vapor

/// What a person records about talking with a customer: how a call went — with any agreement turned at
/// once into a promise or a plan offer with its written confirmation, and the next follow-up — a call
/// planned by hand, a note, and that a debtor's message was dealt with.
struct CallsController: RouteCollection {
    struct CallForm: Content {
        var outcome: String
        var note: String?
        var followUpOn: String?
        /// none, promise or plan.
        var agreement: String?
        var payBy: String?
        var promiseAmount: String?
        /// "on" when the promise also covers the customer's other overdue claims.
        var promiseAlsoOverdue: String?
        var instalments: String?
        var firstDate: String?
        var downPayment: String?
        var downPaymentDate: String?
        var back: String?

        /// What was typed, for the form shown again after a refusal.
        var typed: [String: String] {
            [
                "note": note ?? "", "followUpOn": followUpOn ?? "", "agreement": agreement ?? "none", "payBy": payBy ?? "",
                "promiseAmount": promiseAmount ?? "", "promiseAlsoOverdue": promiseAlsoOverdue ?? "", "instalments": instalments ?? "", "firstDate": firstDate ?? "",
                "downPayment": downPayment ?? "", "downPaymentDate": downPaymentDate ?? "",
            ]
        }
    }

    struct ScheduleForm: Content {
        var claim: UUID
        var date: String
        var reason: String?
    }

    struct NoteForm: Content {
        var text: String
        /// Empty when the note is about the customer as a whole.
        var claim: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let creditor = routes.grouped("creditors", ":creditorID")
        creditor.post("work-queue", "calls", ":actID", use: completeCall)
        creditor.post("customers", ":customerID", "calls", use: scheduleCall)
        creditor.post("customers", ":customerID", "notes", use: addNote)
        creditor.post("work-queue", "messages", ":noteID", "handled", use: handleMessage)
    }

    func completeCall(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let actID = req.parameters.get("actID", as: UUID.self),
              let act = try await CollectionActRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$id == actID)
                .filter(\.$deliveryStatus == "task").first(),
              let claim = try await ClaimRecord.find(act.claimID, on: req.db)
        else { throw Abort(.notFound) }
        let form = try req.content.decode(CallForm.self)
        guard ["reached", "notReached"].contains(form.outcome) else { throw Abort(.badRequest, reason: "Unknown outcome.") }
        let followUp: CivilDate?
        do {
            followUp = try PlansController.date(form.followUpOn, field: "followUpOn")
            // The agreement first: if it cannot be made, the call stays open and nothing is recorded.
            try await recordAgreement(form, claim: claim, context: context, req: req)
        } catch let error as FieldError {
            return try await CustomerPageController.returnCustomerPage(
                claim.customerID, with: ReturnedForm(id: CustomerPageController.callFormID(actID), error: Self.onCallForm(error), values: form.typed),
                context: context, req: req
            )
        }
        guard try await CallTasks.complete(
            actID, creditorID: context.creditorID, reached: form.outcome == "reached", note: form.note ?? "", followUpOn: followUp,
            by: context.user.email, userID: context.user.id, today: context.today, on: req.db
        ) else { throw Abort(.notFound) }
        return req.redirect(to: Self.back(form.back, context: context, fallback: "/work-queue#calls"))
    }

    /// Makes the promise or plan offer the call agreed, with its written confirmation; throws a `FieldError`
    /// about the call form's fields when it cannot be made.
    private func recordAgreement(_ form: CallForm, claim: ClaimRecord, context: CreditorContext, req: Request) async throws {
        let composer = NoticeComposer(settings: req.application.betaltSettings.delivery)
        switch form.agreement ?? "none" {
        case "promise":
            let promise = try await PromisesController.record(
                PromisesController.PromiseForm(
                    payBy: form.payBy ?? "", amount: form.promiseAmount, reason: form.note, alsoOverdue: form.promiseAlsoOverdue
                ),
                claim: claim, madeBy: context.user.email, userID: context.user.id, today: context.today, on: req.db
            )
            try await composer.composePromiseConfirmation(promise, date: context.today, on: req.db)
        case "plan":
            let plan = try await PlansController.refusing {
                try await PaymentPlans.make(
                    PlanRequest(
                        claimIDs: try await PaymentPlans.eligibleClaims(customerID: claim.customerID, creditorID: context.creditorID, on: req.db).map { $0.id! },
                        downPayment: try FormAmount.parse(form.downPayment, currency: claim.currency, field: "downPayment"),
                        downPaymentDate: try PlansController.date(form.downPaymentDate, field: "downPaymentDate"),
                        instalmentCount: try FormCount.parse(form.instalments, field: "instalments") ?? 0,
                        firstInstalmentDate: try PlansController.date(form.firstDate, field: "firstDate") ?? context.today,
                        wantsFee: context.creditor.planFee, note: form.note ?? ""
                    ),
                    creditorID: context.creditorID, proposedBy: context.user.email, userID: context.user.id, limits: nil,
                    on: context.today, database: req.db
                )
            }
            try await composer.composePlanAgreement(plan, date: context.today, on: req.db)
        default:
            break
        }
    }

    /// An error of the promise or plan the call agreed, moved to the call form's own field names.
    static func onCallForm(_ error: FieldError) -> FieldError {
        switch error.field {
        case "amount": error.on("promiseAmount")
        case "reason": error.on("note")
        default: error
        }
    }

    func scheduleCall(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let customerID = req.parameters.get("customerID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode(ScheduleForm.self)
        let date: CivilDate
        do {
            guard let typed = try PlansController.date(form.date, field: "date") else { throw FieldError("date", "date", .text(form.date)) }
            guard typed >= context.today else { throw FieldError("date", "callDateNotAhead") }
            date = typed
        } catch let error as FieldError {
            let typed = ["claim": form.claim.uuidString, "date": form.date, "reason": form.reason ?? ""]
            return try await CustomerPageController.returnCustomerPage(
                customerID, with: ReturnedForm(id: CustomerPageController.scheduleFormID, error: error, values: typed), context: context, req: req
            )
        }
        guard try await CallTasks.schedule(
            claimID: form.claim, creditorID: context.creditorID, on: date, reason: form.reason ?? "", by: context.user.email,
            userID: context.user.id, database: req.db
        ) else { throw Abort(.notFound) }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/customers/\(customerID.uuidString)#calls")
    }

    func addNote(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let customerID = req.parameters.get("customerID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode(NoteForm.self)
        let claimText = (form.claim ?? "").trimmingCharacters(in: .whitespaces)
        let claimID = claimText.isEmpty ? nil : UUID(uuidString: claimText)
        guard claimText.isEmpty || claimID != nil else { throw Abort(.badRequest, reason: "Unknown claim.") }
        if let claimID {
            let owned = try await ClaimRecord.query(on: req.db).filter(\.$creditorID == context.creditorID)
                .filter(\.$customerID == customerID).filter(\.$id == claimID).count()
            guard owned == 1 else { throw Abort(.notFound) }
        }
        guard try await Conversation.note(
            customerID: customerID, claimID: claimID, creditorID: context.creditorID, text: form.text, by: context.user.email,
            on: context.today, database: req.db
        ) != nil else {
            return try await CustomerPageController.returnCustomerPage(
                customerID, with: ReturnedForm(id: CustomerPageController.noteFormID, error: FieldError("text", "noteEmpty"),
                                               values: ["text": form.text, "claim": claimText]),
                context: context, req: req
            )
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/customers/\(customerID.uuidString)#timeline")
    }

    func handleMessage(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let noteID = req.parameters.get("noteID", as: UUID.self),
              try await Conversation.handle(noteID, creditorID: context.creditorID, by: context.user.email, userID: context.user.id, on: req.db)
        else { throw Abort(.notFound) }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/work-queue#messages")
    }

    /// Where to go after the form: a page of this creditor the form came from, never another site.
    static func back(_ path: String?, context: CreditorContext, fallback: String) -> String {
        let base = "/creditors/\(context.creditorID.uuidString)"
        if let path, path.hasPrefix(base + "/"), !path.contains("//") { return path }
        return base + fallback
    }
}
