import BetaltCore
import BetaltDelivery
import BetaltFormats
import BetaltStore
import Fluent
import Vapor

/// After handover, on the Inkasso page: the agency's update files uploaded by a person, recalls, and the
/// corrections and recalls waiting for a download agency.
struct AgencyCasesController: RouteCollection {
    struct UpdateForm: Content {
        var agency: UUID?
        var file: File?
    }

    struct RecallForm: Content {
        var reason: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let handover = routes.grouped("creditors", ":creditorID", "handover")
        handover.on(.POST, "updates", body: .collect(maxSize: ImportsController.maxUploadSize), use: upload)
        handover.post("claims", ":claimID", "recall", use: recall)
        handover.get("messages", ":messageID", ":fileName", use: download)
    }

    func upload(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        let words = Translations.words(context.language)
        let form = try? req.content.decode(UpdateForm.self)
        func answer(_ outcome: HandoverController.UpdateOutcome, _ status: HTTPStatus) async throws -> Response {
            try await HandoverController().render(req, context: context, error: nil, updates: outcome).encodeResponse(status: status, for: req)
        }
        guard let agencyID = form?.agency else { return try await answer(.failed(words["agencyUpdate.chooseAgency"]!), .unprocessableEntity) }
        guard let file = form?.file, file.data.readableBytes > 0 else { return try await answer(.failed(words["chooseFile"]!), .unprocessableEntity) }
        let name = String((file.filename.split(separator: "/").last.map(String.init) ?? "upload").suffix(200))
        do {
            let summary = try await AgencyUpdateImport.run(
                fileName: name, data: Data(buffer: file.data), creditorID: context.creditorID, agencyID: agencyID, agreementReference: nil,
                today: context.today, by: context.user.email, userID: context.user.id, on: req.db
            )
            return try await answer(.taken(name, summary), .ok)
        } catch let error as FormatError {
            return try await answer(.failed(error.description), .unprocessableEntity)
        } catch let rejected as AgencyUpdateRejected {
            return try await answer(.failed("\(name), \(rejected)"), .unprocessableEntity)
        }
    }

    func recall(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self) else { throw Abort(.notFound) }
        let reason = (try? req.content.decode(RecallForm.self).reason) ?? ""
        do {
            try await AgencyMessages.recall(
                claimID: claimID, creditorID: context.creditorID, reason: String(reason.prefix(2000)), today: context.today,
                by: context.user.email, userID: context.user.id, settings: req.application.betaltSettings.delivery, on: req.db
            )
        } catch RecallRefused.notWithAgency {
            throw Abort(.notFound)
        } catch RecallRefused.alreadyRequested {
            throw Abort(.conflict, reason: "The case was recalled already; the agency has not confirmed yet.")
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/handover#cases")
    }

    func download(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        guard let messageID = req.parameters.get("messageID", as: UUID.self),
              let message = try await AgencyMessages.fetch(messageID: messageID, creditorID: context.creditorID, today: context.today, on: req.db)
        else { throw Abort(.notFound) }
        return .download(message.content, fileName: message.fileName, mediaType: "application/json")
    }
}
