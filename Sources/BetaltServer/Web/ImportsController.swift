import BetaltCore
import BetaltDelivery
import BetaltFormats
import BetaltStore
import Fluent
import Vapor

/// Uploading invoice and payment files through the web app, with the same all-or-nothing imports as the command line.
struct ImportsController: RouteCollection {
    /// Large enough for a camt.054 of many thousand payments, small enough that one upload cannot exhaust memory.
    static let maxUploadSize: ByteCount = "20mb"

    struct UploadForm: Content {
        var file: File?
    }

    func boot(routes: any RoutesBuilder) throws {
        let imports = routes.grouped("creditors", ":creditorID", "imports")
        imports.get(use: show)
        imports.on(.POST, "invoices", body: .collect(maxSize: Self.maxUploadSize)) { req in try await upload(req, kind: .invoices) }
        imports.on(.POST, "payments", body: .collect(maxSize: Self.maxUploadSize)) { req in try await upload(req, kind: .payments) }
    }

    func show(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        return try await render(req, context: context, kind: nil, outcome: nil)
    }

    func upload(_ req: Request, kind: ImportKind) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        let outcome = try await run(req, kind: kind, context: context)
        let status: HTTPStatus = switch outcome {
        case .imported: .ok
        case .archive(let imported, let refused): refused.isEmpty || !imported.isEmpty ? .ok : .unprocessableEntity
        default: .unprocessableEntity
        }
        return try await render(req, context: context, kind: kind, outcome: outcome).encodeResponse(status: status, for: req)
    }

    private func run(_ req: Request, kind: ImportKind, context: CreditorContext) async throws -> ImportOutcome {
        guard let file = try? req.content.decode(UploadForm.self).file, file.data.readableBytes > 0 else { return .missingFile }
        // Only the name's last part, bounded: it is shown back and stored, never used as a path.
        let name = String((file.filename.split(separator: "/").last.map(String.init) ?? "upload").suffix(200))
        let data = Data(buffer: file.data)
        guard ImportArchive.isZIP(data) else { return try await importFile(name, data, kind: kind, context: context, req) }
        let entries: [(name: String, data: Data)]
        do {
            entries = try ImportArchive.files(in: data, fileName: name)
        } catch let refusal as ImportRefused {
            return .refused(refusal)
        }
        var imported: [ImportSummary] = []
        var refused: [ImportOutcome] = []
        for entry in entries {
            switch try await importFile(entry.name, entry.data, kind: kind, context: context, req) {
            case .imported(let summary): imported.append(summary)
            case let other: refused.append(other)
            }
        }
        return .archive(imported: imported, refused: refused)
    }

    /// One file, in one transaction: its summary, or why it was refused.
    private func importFile(_ name: String, _ data: Data, kind: ImportKind, context: CreditorContext, _ req: Request) async throws -> ImportOutcome {
        do {
            let summary = switch kind {
            case .invoices:
                try await InvoiceImport.run(
                    fileName: name, data: data, creditorID: context.creditorID, today: context.today, by: context.user.email,
                    userID: context.user.id, on: req.db)
            case .payments:
                try await PaymentImport.run(fileName: name, data: data, creditorID: context.creditorID, today: context.today, on: req.db)
            }
            if kind == .payments {
                try await AgencyMessages.afterPayments(
                    creditorID: context.creditorID, today: context.today, settings: req.application.betaltSettings.delivery, on: req.db)
            }
            try await AuditRecord(
                creditorID: context.creditorID, userID: context.user.id, actor: context.user.email, action: "import.\(kind.rawValue)",
                subject: "file \(name)", detail: summary.text
            ).create(on: req.db)
            return .imported(summary)
        } catch let error as FormatError {
            return .malformed(error)
        } catch let refusal as ImportRefused {
            return .refused(refusal)
        }
    }

    private func render(_ req: Request, context: CreditorContext, kind: ImportKind?, outcome: ImportOutcome?) async throws -> View {
        let words = Translations.words(context.language)
        let recent = try await ImportedFileRecord.query(on: req.db)
            .filter(\.$creditorID == context.creditorID)
            .sort(\.$importedAt, .descending).sort(\.$id, .descending)
            .limit(20).all()
        func form(_ each: ImportKind) -> UploadFormView {
            UploadFormView(each, creditorID: context.creditorID, outcome: each == kind ? outcome : nil, language: context.language, words: words)
        }
        return try await req.view.render("imports", ImportsPage(
            frame: context.frame(req, title: words["imports"]!, section: "imports"),
            csrf: CSRFToken.current(req),
            forms: [form(.invoices), form(.payments)],
            recent: recent.map { ImportedFileRow($0, timeZone: context.creditor.timeZone, language: context.language, words: words) },
            hasRecent: !recent.isEmpty
        ))
    }
}
