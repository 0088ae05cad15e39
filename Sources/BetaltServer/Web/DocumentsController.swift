import BetaltCore
import BetaltDelivery
import BetaltDocuments
import BetaltStore
import Vapor

/// Archived documents for download, and the preview of every notice template with the creditor's details.
struct DocumentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let creditor = routes.grouped("creditors", ":creditorID")
        creditor.get("documents", ":documentID", use: download)
        creditor.get("templates", use: templates)
        creditor.get("templates", ":kind", ":language", "letter.pdf", use: previewLetter)
        creditor.get("templates", ":kind", ":language", "email.html", use: previewEmail)
    }

    /// The document byte for byte as it was archived (and sent); another creditor's answers 404.
    func download(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        guard let id = req.parameters.get("documentID", as: UUID.self),
              let document = try await ClaimNotices.document(id, creditorID: context.creditorID, on: req.db)
        else { throw Abort(.notFound) }
        let response = Response.download(document.content, fileName: document.fileName, mediaType: document.mediaType)
        response.headers.replaceOrAdd(name: "X-Content-SHA256", value: document.sha256)
        return response
    }

    func templates(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        let words = Translations.words(context.language)
        let base = "/creditors/\(context.creditorID.uuidString)/templates"
        var problem: String?
        var sources: [String: String] = [:]
        do {
            sources = try templates(for: context, req).sources
        } catch {
            problem = "\(error)"
        }
        let rows = DocumentKind.allCases.map { kind in
            TemplatesPage.Row(
                kind: words["kind.\(kind.rawValue)"] ?? kind.rawValue,
                languages: Language.allCases.map { language in
                    let name = kind.templateName(language)
                    let own = sources[name].map { !$0.contains("/Templates/") } ?? false
                    return TemplatesPage.Cell(
                        language: words["language.\(language.rawValue)"]!,
                        letterHref: "\(base)/\(kind.rawValue)/\(language.rawValue)/letter.pdf",
                        emailHref: "\(base)/\(kind.rawValue)/\(language.rawValue)/email.html",
                        source: own ? words["templatesOwn"]! : words["templatesBetalt"]!
                    )
                }
            )
        }
        return try await req.view.render("templates", TemplatesPage(
            frame: context.frame(req, title: words["templates"]!, section: "templates"),
            languages: Language.allCases.map { words["language.\($0.rawValue)"]! }, rows: rows, problem: problem
        ))
    }

    func previewLetter(req: Request) async throws -> Response {
        let (letter, _, _) = try await preview(req)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/pdf")
        return Response(status: .ok, headers: headers, body: .init(data: Data(try LetterPDF.render(letter))))
    }

    func previewEmail(req: Request) async throws -> Response {
        let (letter, templates, language) = try await preview(req)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: templates.html(letter, language: language)))
    }

    /// The sample notice of a kind and language, with the creditor's own name, address and account.
    private func preview(_ req: Request) async throws -> (Letter, NoticeTemplates, Language) {
        let context = try await CreditorContext.load(req)
        guard let kind = req.parameters.get("kind").flatMap(DocumentKind.init(rawValue:)),
              let language = req.parameters.get("language").flatMap(Language.init(rawValue:))
        else { throw Abort(.notFound) }
        let creditor = context.creditor
        let content = NoticeContent.sample(
            kind, language: language, country: Country(rawValue: creditor.country) ?? .norway,
            creditor: NoticeCreditor(creditor)
        )
        do {
            let templates = try templates(for: context, req)
            return (try content.letter(prose: try templates.prose(for: content)), templates, language)
        } catch let error as TemplateError {
            throw Abort(.unprocessableEntity, reason: error.description)
        }
    }

    private func templates(for context: CreditorContext, _ req: Request) throws -> NoticeTemplates {
        try NoticeTemplates(
            overrideDirectory: req.application.betaltSettings.delivery.templatesDirectory,
            creditorFolder: context.creditorID.uuidString.lowercased()
        )
    }
}

/// The template preview page: every kind in every language, with where its template comes from.
struct TemplatesPage: Encodable {
    struct Row: Encodable {
        let kind: String
        let languages: [Cell]
    }

    struct Cell: Encodable {
        let language: String
        let letterHref: String
        let emailHref: String
        let source: String
    }

    let frame: PageFrame
    let languages: [String]
    let rows: [Row]
    let problem: String?
}
