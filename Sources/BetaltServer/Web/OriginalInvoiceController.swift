import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// The claim's original invoice: downloaded as archived, or attached by a person when the invoice came
/// without one (CSV, JSON), so reminders can carry it and an agency receives it.
struct OriginalInvoiceController: RouteCollection {
    struct AttachForm: Content {
        var file: File?
    }

    func boot(routes: any RoutesBuilder) throws {
        let original = routes.grouped("creditors", ":creditorID", "claims", ":claimID", "original")
        original.get(use: download)
        original.on(.POST, body: .collect(maxSize: DisputeFiles.requestLimit), use: attach)
    }

    func download(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self),
              let document = try await InvoiceDocumentRecord.query(on: req.db).filter(\.$creditorID == context.creditorID)
                .filter(\.$claimID == claimID).filter(\.$kind == "invoice").first()
        else { throw Abort(.notFound) }
        return .download(document.bytes, fileName: "invoice.\(document.fileExtension)", mediaType: document.mediaType)
    }

    func attach(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self) else { throw Abort(.notFound) }
        let original: Disputes.Attachment
        do {
            let file = try? req.content.decode(AttachForm.self).file
            guard let file, file.data.readableBytes > 0, let read = try DisputeFiles.read([file]).first else {
                throw FieldError("file", "noOriginal")
            }
            original = read
        } catch let error as FieldError {
            // The file checks name the dispute form's field; this form's is `file`.
            let returned = ReturnedForm(id: ClaimPage.originalFormID, error: error.on("file"), values: [:])
            return try await CreditorPagesController.returnClaimPage(claimID, with: returned, context: context, req: req)
        }
        do {
            try await OriginalInvoices.attach(
                claimID: claimID, creditorID: context.creditorID, fileName: original.fileName, mediaType: original.mediaType,
                content: original.content, sha256: original.sha256, by: context.user.email, userID: context.user.id, on: req.db
            )
        } catch OriginalInvoiceRefused.claimNotFound {
            throw Abort(.notFound)
        } catch OriginalInvoiceRefused.alreadyArchived {
            throw Abort(.conflict, reason: "The claim already has its original invoice.")
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)#original")
    }
}
