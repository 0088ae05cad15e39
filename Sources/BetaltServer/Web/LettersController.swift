import BetaltCore
import BetaltDelivery
import BetaltStore
import Vapor
import ZIPFoundation

/// Letters waiting to be printed and posted, and notices that need a person (failed, or delivery uncertain).
struct LettersController: RouteCollection {
    struct PostedForm: Content {
        var notice: [UUID]?
    }

    struct ResolveForm: Content {
        var action: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let letters = routes.grouped("creditors", ":creditorID", "letters")
        letters.get(use: show)
        letters.get("to-print.zip", use: download)
        letters.post("posted", use: posted)
        routes.post("creditors", ":creditorID", "notices", ":noticeID", "resolve", use: resolve)
    }

    func show(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        return try await render(req, context: context, message: req.query[String.self, at: "done"])
    }

    /// Every letter waiting to be printed, in one ZIP, named so they sort by date and recipient.
    func download(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        let queue = try await NoticeQueue.load(creditorID: context.creditorID, today: context.today, on: req.db)
        let archive = try Archive(data: Data(), accessMode: .create)
        for (index, item) in queue.toPrint.enumerated() {
            guard let letterID = item.letterID,
                  let document = try await ClaimNotices.document(letterID, creditorID: context.creditorID, on: req.db)
            else { continue }
            let name = String(format: "%04d-", index + 1) + "\(item.notice.noticeDate)-\(document.fileName)"
            let content = document.content
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .none) { position, size in
                content.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return .download(archive.data ?? Data(), fileName: "letters-\(context.today.iso).zip", mediaType: "application/zip")
    }

    func posted(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        let form = try req.content.decode(PostedForm.self)
        let count = try await NoticeActions.markPosted(
            form.notice ?? [], creditorID: context.creditorID, by: context.user.email, userID: context.user.id, on: req.db
        )
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/letters?done=posted-\(count)")
    }

    func resolve(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let noticeID = req.parameters.get("noticeID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode(ResolveForm.self)
        guard ["arrived", "resend"].contains(form.action) else { throw Abort(.badRequest, reason: "Unknown action.") }
        guard try await NoticeActions.resolveUncertain(
            noticeID, resend: form.action == "resend", creditorID: context.creditorID, by: context.user.email,
            userID: context.user.id, on: req.db
        ) else { throw Abort(.notFound) }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/letters?done=\(form.action)")
    }

    private func render(_ req: Request, context: CreditorContext, message: String?) async throws -> View {
        let words = Translations.words(context.language)
        let queue = try await NoticeQueue.load(creditorID: context.creditorID, today: context.today, on: req.db)
        let base = "/creditors/\(context.creditorID.uuidString)"
        func item(_ entry: NoticeQueue.Item) -> LettersPage.Item {
            let notice = entry.notice
            return LettersPage.Item(
                id: notice.id!.uuidString,
                date: (try? CivilDate(iso: notice.noticeDate))?.formatted(context.language) ?? notice.noticeDate,
                title: notice.title.isEmpty ? (words["step.\(notice.kind)"] ?? notice.kind) : notice.title,
                recipient: notice.recipient, channel: words["channel.\(notice.channel)"] ?? notice.channel,
                status: StatusBadge(notice: notice.status, words: words), detail: notice.statusDetail,
                letterHref: entry.letterID.map { "\(base)/documents/\($0.uuidString)" },
                uncertain: notice.status == "uncertain", resolveAction: "\(base)/notices/\(notice.id!.uuidString)/resolve"
            )
        }
        let done: String? = message.flatMap { message in
            if message.hasPrefix("posted-") { return "\(words["lettersPostedDone"]!) \(message.dropFirst("posted-".count))" }
            return message == "resend" ? words["noticeResentDone"] : message == "arrived" ? words["noticeConfirmedDone"] : nil
        }
        let toPrint = queue.toPrint.map(item)
        let attention = queue.needsAttention.map(item)
        return try await req.view.render("letters", LettersPage(
            frame: context.frame(req, title: words["letters"]!, section: "letters"), csrf: CSRFToken.current(req),
            postedAction: "\(base)/letters/posted", zipHref: "\(base)/letters/to-print.zip",
            toPrint: toPrint, hasToPrint: !toPrint.isEmpty, heldCount: queue.held.count, attention: attention,
            hasAttention: !attention.isEmpty, done: done
        ))
    }
}

/// The letters page: what to print, and what needs a person.
struct LettersPage: Encodable {
    struct Item: Encodable {
        let id: String
        let date: String
        let title: String
        let recipient: String
        let channel: String
        let status: StatusBadge
        let detail: String?
        let letterHref: String?
        let uncertain: Bool
        let resolveAction: String
    }

    let frame: PageFrame
    let csrf: String
    let postedAction: String
    let zipHref: String
    let toPrint: [Item]
    let hasToPrint: Bool
    /// Letters not to print because their claims were settled after they were written.
    let heldCount: Int
    let attention: [Item]
    let hasAttention: Bool
    let done: String?
}
