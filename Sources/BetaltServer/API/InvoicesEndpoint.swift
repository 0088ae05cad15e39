import BetaltCore
import BetaltFormats
import BetaltStore
import Fluent
import Vapor

/// `POST /api/v1/invoices`: JSON invoices or one UBL invoice or credit note, all or nothing, idempotent.
enum InvoicesEndpoint {
    @Sendable
    static func post(_ request: Request) async throws -> Response {
        let client = try request.apiClient(requiring: .invoicesWrite)
        guard let creditor = try await CreditorRecord.find(client.creditorID, on: request.db) else {
            throw ApiFailure.unauthorized("the API token's creditor no longer exists")
        }
        let results: [InvoiceResult]
        switch request.headers.contentType {
        case .some(let type) where type.subType == "xml":
            results = try await ubl(request, creditor: creditor, actor: client.actor)
        case .some(let type) where type == .json:
            results = try await json(request, creditor: creditor, actor: client.actor)
        default:
            throw ApiFailure(
                status: .unsupportedMediaType, code: "unsupported_media_type",
                message: "send invoices as application/json or one UBL invoice or credit note as application/xml"
            )
        }
        let response = Response(status: results.contains { $0.outcome == "created" || $0.outcome == "credited" } ? .created : .ok)
        try response.content.encode(InvoicesResponse(invoices: results), as: .json)
        return response
    }

    private static func json(_ request: Request, creditor: CreditorRecord, actor: String) async throws -> [InvoiceResult] {
        var validation = FieldValidation()
        let items = try ApiBatch.items(of: request, key: "invoices", validation: &validation)
        let invoices = items.compactMap { item in
            InvoicePayload.read(item.object, at: item.pointer, creditorCountry: creditor.country, validation: &validation)
        }
        guard validation.errors.isEmpty else { throw ApiFailure.invalid(validation.errors) }
        return try await request.db.writing { tx in
            var results: [InvoiceResult] = []
            for invoice in invoices {
                results.append(try await written(invoice, creditor: creditor, actor: actor, on: request, tx))
            }
            return results
        }
    }

    /// The invoice written; a customer number that is another person's is a 422 naming the invoice.
    private static func written(
        _ invoice: NewInvoice, creditor: CreditorRecord, actor: String, on request: Request, _ database: any Database
    ) async throws -> InvoiceResult {
        do {
            let outcome = try await InvoiceWriter.add(
                invoice, creditorID: try creditor.requireID(), importedFileID: nil, source: "API",
                actor: actor, userID: nil,
                on: request.application.betaltSettings.today(inTimeZone: creditor.timeZone), database: database)
            return result(invoice.number, outcome)
        } catch let taken as CustomerNumberTaken {
            throw ApiFailure.invalid([ApiFieldError(field: "", message: "invoice \(invoice.number): \(taken)")])
        }
    }

    private static func ubl(_ request: Request, creditor: CreditorRecord, actor: String) async throws -> [InvoiceResult] {
        guard let buffer = request.body.data else { throw ApiFailure.invalid([ApiFieldError(field: "", message: "the body is empty")]) }
        let data = Data(buffer: buffer)
        let document: InvoiceDocument
        do { document = try UBLInvoiceParser.parse(data, fileName: "request body") } catch {
            throw ApiFailure.invalid(error.all.map { ApiFieldError(field: $0.location.description, message: $0.message) })
        }
        let creditorID = try creditor.requireID()
        let original = (String(decoding: data, as: UTF8.self), FileFingerprint.sha256(data))
        return try await request.db.writing { tx in
            switch document.kind {
            case .invoice:
                let invoice: NewInvoice
                do { invoice = try InvoiceImport.newInvoice(from: document, original: original, creditor: creditor, fileName: "request body") } catch let refused as ImportRefused {
                    throw ApiFailure.invalid([ApiFieldError(field: "", message: refused.reason)])
                }
                return [try await written(invoice, creditor: creditor, actor: actor, on: request, tx)]
            case .creditNote:
                return [try await CreditNotePosting.apply(document, creditorID: creditorID, on: tx)]
            }
        }
    }

    private static func result(_ number: String, _ outcome: InvoiceOutcome) -> InvoiceResult {
        switch outcome {
        case .created(let id, let customerNotes):
            InvoiceResult(
                number: number, outcome: "created", claimID: id, differences: [], creditedAmount: nil,
                customerDifferences: customerNotes.isEmpty ? nil : CustomerNote.sentences(customerNotes))
        case .unchanged(let id): InvoiceResult(number: number, outcome: "unchanged", claimID: id, differences: [], creditedAmount: nil)
        case .changed(let id, let differences):
            InvoiceResult(number: number, outcome: "changed", claimID: id, differences: differences, creditedAmount: nil)
        }
    }
}
