import BetaltCore
import BetaltDelivery
import BetaltStore
import Fluent
import Vapor

/// The agencies a creditor hands claims to, and the batches: package the ready claims for an agency,
/// download a package, send a reviewed one. Claims that are not ready are in the work queue with reasons.
struct HandoverController: RouteCollection {
    struct AgencyForm: Content {
        var name: String
        var agreementReference: String
        var delivery: String
        var folder: String?
        var endpoint: String?
        var token: String?
        var autoSend: String?
    }

    /// What became of an uploaded agency update file.
    enum UpdateOutcome {
        case taken(String, AgencyUpdateIntake.Summary)
        case failed(String)
    }

    func boot(routes: any RoutesBuilder) throws {
        let handover = routes.grouped("creditors", ":creditorID", "handover")
        handover.get(use: show)
        handover.post("agencies", use: addAgency)
        handover.post("agencies", ":agencyID", "batches", use: prepare)
        handover.post("batches", ":batchID", "send", use: send)
        handover.post("batches", ":batchID", "discard", use: discard)
        handover.get("batches", ":batchID", "package.zip", use: download)
    }

    func show(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        return try await render(req, context: context, error: nil)
    }

    func addAgency(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        let form = try req.content.decode(AgencyForm.self)
        let words = Translations.words(context.language)
        let name = form.name.trimmingCharacters(in: .whitespaces), reference = form.agreementReference.trimmingCharacters(in: .whitespaces)
        let folder = (form.folder ?? "").trimmingCharacters(in: .whitespaces)
        var error: String?
        if name.isEmpty || reference.isEmpty { error = words["agencyNameNeeded"] }
        if form.delivery == "folder", !Handovers.isPlainName(folder) || req.application.betaltSettings.delivery.handoverDirectory == nil {
            error = words["agencyFolderError"]
        }
        let endpoint = (form.endpoint ?? "").trimmingCharacters(in: .whitespaces)
        if form.delivery == "https", !AgencyEndpoint.isAcceptable(endpoint) { error = words["agencyEndpointError"] }
        if !["download", "folder", "https"].contains(form.delivery) { error = words["agencyFolderError"] }
        if let error { return try await render(req, context: context, error: error).encodeResponse(status: .unprocessableEntity, for: req) }
        let agency = AgencyRecord()
        agency.creditorID = context.creditorID
        agency.name = name
        agency.agreementReference = reference
        agency.delivery = form.delivery
        agency.target = form.delivery == "folder" ? folder : form.delivery == "https" ? endpoint : ""
        let token = (form.token ?? "").trimmingCharacters(in: .whitespaces)
        agency.endpointToken = form.delivery == "https" && !token.isEmpty ? String(token.prefix(500)) : nil
        agency.autoSend = form.autoSend != nil
        try await agency.create(on: req.db)
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/handover")
    }

    func prepare(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let agencyID = req.parameters.get("agencyID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            _ = try await Handovers.prepareBatch(
                creditorID: context.creditorID, agencyID: agencyID, today: context.today, by: context.user.email, userID: context.user.id,
                settings: req.application.betaltSettings.delivery, on: req.db
            )
        } catch HandoverRefused.agencyNotFound {
            throw Abort(.notFound)
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/handover#batches")
    }

    func send(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let batchID = req.parameters.get("batchID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            try await Handovers.send(
                batchID: batchID, creditorID: context.creditorID, today: context.today, by: context.user.email, userID: context.user.id,
                settings: req.application.betaltSettings.delivery, on: req.db
            )
        } catch HandoverRefused.batchNotFound {
            throw Abort(.notFound)
        } catch HandoverRefused.outOfDate(let claims) {
            let words = Translations.words(context.language)
            let stale = claims.map { claim in
                "\(claim.invoiceNumber): \(claim.reasons.map { $0.shown(in: context.language) }.joined(separator: "; "))"
            }
            return try await render(req, context: context, error: "\(words["batchOutOfDate"]!) \(stale.joined(separator: " · "))")
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as HandoverRefused {
            throw Abort(.unprocessableEntity, reason: "The package was not sent: \(refusal).")
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/handover#batches")
    }

    func discard(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let batchID = req.parameters.get("batchID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            try await Handovers.discard(batchID: batchID, creditorID: context.creditorID, by: context.user.email, userID: context.user.id, on: req.db)
        } catch HandoverRefused.batchNotFound {
            throw Abort(.notFound)
        } catch HandoverRefused.alreadySent {
            throw Abort(.conflict, reason: "The package was sent already.")
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/handover#batches")
    }

    func download(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        guard let batchID = req.parameters.get("batchID", as: UUID.self),
              let batch = try await HandoverBatchRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$id == batchID).first()
        else { throw Abort(.notFound) }
        return .download(batch.content, fileName: batch.fileName, mediaType: "application/zip")
    }

    /// What an agency's file did, in the page's language: "Nordisk Inkasso AS — Oppdateringer tatt inn: 3 (innbetaling 1,
    /// status 2); mottatt før: 1".
    static func notice(of summary: AgencyUpdateIntake.Summary, words: [String: String]) -> String {
        func counted(_ key: String, _ count: Int) -> String { words[key]!.replacingOccurrences(of: "{1}", with: String(count)) }
        let kinds = summary.byType.sorted { $0.key < $1.key }.map { "\(words["agencyUpdate.\($0.key)"] ?? $0.key) \($0.value)" }
        var line = "\(summary.agencyName) — \(counted("agencyUpdate.taken", summary.applied))"
            + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))")
        if summary.alreadyReceived > 0 { line += "; " + counted("agencyUpdate.receivedBefore", summary.alreadyReceived) }
        if summary.returnedToCreditor > 0 { line += "; " + counted("agencyUpdate.givenBack", summary.returnedToCreditor) }
        return line
    }

    func render(_ req: Request, context: CreditorContext, error: String?, updates: UpdateOutcome? = nil) async throws -> View {
        let words = Translations.words(context.language)
        let base = "/creditors/\(context.creditorID.uuidString)/handover"
        let agencies = try await AgencyRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).sort(\.$name).all()
        let names = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.name) })
        let batches = try await HandoverBatchRecord.query(on: req.db).filter(\.$creditorID == context.creditorID)
            .field(\.$id).field(\.$agencyID).field(\.$status).field(\.$createdOn).field(\.$sentOn).field(\.$caseCount)
            .field(\.$fileName).field(\.$sha256).sort(\.$createdAt, .descending).limit(100).all()
        let ready = try await HandoverQueue.candidates(creditorID: context.creditorID, today: context.today, on: req.db)
        func day(_ iso: String) -> String { (try? CivilDate(iso: iso))?.formatted(context.language) ?? iso }
        let cases = try await AgencyCases.list(creditorID: context.creditorID, on: req.db)
        let messages = try await AgencyCases.messages(creditorID: context.creditorID, on: req.db)
        let invoices = Dictionary(cases.map { ($0.claimID, $0.invoiceNumber) }, uniquingKeysWith: { first, _ in first })
        let claimsBase = "/creditors/\(context.creditorID.uuidString)/claims"
        var updateNotice: String?, updateError: String?
        switch updates {
        case .taken(let name, let summary): updateNotice = "\(name): \(Self.notice(of: summary, words: words))"
        case .failed(let message): updateError = message
        case nil: break
        }
        return try await req.view.render("handover", HandoverPage(
            frame: context.frame(req, title: words["handover"]!, section: "handover"), csrf: CSRFToken.current(req), error: error,
            agencies: agencies.map {
                .init(name: $0.name, reference: $0.agreementReference,
                      delivery: $0.delivery == "download" ? words["deliveryDownload"]!
                        : "\(words[$0.delivery == "folder" ? "deliveryFolder" : "deliveryEndpoint"]!): \($0.target)",
                      autoSend: $0.autoSend, prepareAction: "\(base)/agencies/\($0.id!.uuidString)/batches", id: $0.id!.uuidString)
            },
            hasAgencies: !agencies.isEmpty, agencyAction: "\(base)/agencies",
            offersFolder: req.application.betaltSettings.delivery.handoverDirectory != nil,
            ready: ready.filter(\.isReady).count, waiting: ready.count,
            queueHref: "/creditors/\(context.creditorID.uuidString)/work-queue#handovers",
            batches: batches.map {
                .init(createdOn: day($0.createdOn), agency: names[$0.agencyID] ?? "", cases: $0.caseCount,
                      status: StatusBadge(label: words["batch.\($0.status)"] ?? $0.status,
                                         tone: $0.status == "sent" ? "good" : $0.status == "discarded" ? "warning" : "neutral"),
                      sentOn: $0.sentOn.map(day), sha256: $0.sha256, href: "\(base)/batches/\($0.id!.uuidString)/package.zip",
                      fileName: $0.fileName, sendAction: $0.status == "review" ? "\(base)/batches/\($0.id!.uuidString)/send" : nil,
                      discardAction: $0.status == "review" ? "\(base)/batches/\($0.id!.uuidString)/discard" : nil)
            },
            hasBatches: !batches.isEmpty,
            cases: cases.map { row in
                .init(invoice: row.invoiceNumber, href: "\(claimsBase)/\(row.claimID.uuidString)", customer: row.customerName, agency: row.agencyName,
                      sentOn: day(row.sentOn),
                      state: StatusBadge(label: words["agencyCase.\(row.state.rawValue)"] ?? row.state.rawValue,
                                         tone: row.state == .active ? "danger" : row.state == .recallRequested ? "warning" : "neutral"),
                      agencyStatus: row.agencyStatus.map { words["agencyStatus.\($0.rawValue)"] ?? $0.rawValue }.map { status in
                          row.agencyStatusOn.map { "\(status) \(day($0))" } ?? status } ?? "–",
                      open: row.open.formatted(context.language), collected: row.collected.formatted(context.language),
                      remitted: row.remitted.formatted(context.language),
                      recallAction: row.state == .active ? "\(base)/claims/\(row.claimID.uuidString)/recall" : nil)
            },
            hasCases: !cases.isEmpty,
            messages: messages.map { message in
                .init(createdOn: day(message.createdOn), agency: names[message.agencyID] ?? "",
                      kind: words["agencyMessage.\(message.kind)"] ?? message.kind, invoice: invoices[message.claimID] ?? "",
                      status: StatusBadge(label: words["agencyMessage.\(message.status)"] ?? message.status,
                                          tone: message.status == "delivered" ? "good" : "warning"),
                      href: "\(base)/messages/\(message.id!.uuidString)/\(message.fileName)", fileName: message.fileName)
            },
            hasMessages: !messages.isEmpty,
            updateAction: "\(base)/updates", updateNotice: updateNotice, updateError: updateError
        ))
    }
}

/// The handover page's content.
struct HandoverPage: Encodable {
    struct Agency: Encodable {
        let name: String
        let reference: String
        let delivery: String
        let autoSend: Bool
        let prepareAction: String
        let id: String
    }

    struct Batch: Encodable {
        let createdOn: String
        let agency: String
        let cases: Int
        let status: StatusBadge
        let sentOn: String?
        let sha256: String
        let href: String
        let fileName: String
        let sendAction: String?
        let discardAction: String?
    }

    let frame: PageFrame
    let csrf: String
    let error: String?
    let agencies: [Agency]
    let hasAgencies: Bool
    let agencyAction: String
    let offersFolder: Bool
    let ready: Int
    let waiting: Int
    let queueHref: String
    let batches: [Batch]
    let hasBatches: Bool

    /// A claim an agency holds or held.
    struct Case: Encodable {
        let invoice: String
        let href: String
        let customer: String
        let agency: String
        let sentOn: String
        let state: StatusBadge
        let agencyStatus: String
        let open: String
        let collected: String
        let remitted: String
        let recallAction: String?
    }

    /// A correction or recall for an agency.
    struct Message: Encodable {
        let createdOn: String
        let agency: String
        let kind: String
        let invoice: String
        let status: StatusBadge
        let href: String
        let fileName: String
    }

    let cases: [Case]
    let hasCases: Bool
    let messages: [Message]
    let hasMessages: Bool
    let updateAction: String
    let updateNotice: String?
    let updateError: String?
}
