import BetaltCore
import BetaltFormats

/// Turns one JSON payment of `POST /api/v1/payments` into an IncomingPayment, or records why it cannot.
enum PaymentPayload {
    static let fields: Set<String> = [
        "amount", "currency", "date", "references", "invoice_numbers", "payer_name", "text", "bank_reference",
    ]

    static func read(_ object: [String: JSONValue], at pointer: String, validation: inout FieldValidation) -> IncomingPayment? {
        validation.refuseUnknown(in: object, known: fields, at: pointer)
        let currency = validation.currency("currency", in: object, at: pointer)
        let amount = validation.amount("amount", in: object, at: pointer, currency: currency)
        let date = validation.date("date", in: object, at: pointer)
        let references = validation.strings("references", in: object, at: pointer)
        let numbers = validation.strings("invoice_numbers", in: object, at: pointer)
        let payer = validation.string("payer_name", in: object, at: pointer)
        let text = validation.string("text", in: object, at: pointer)
        let bankReference = validation.string("bank_reference", in: object, at: pointer)
        guard let amount, let date else { return nil }
        return IncomingPayment(
            amount: amount, bookingDate: date, paidDate: date, structuredReferences: references,
            referredDocuments: numbers.map { ReferredDocument(number: $0) }, unstructuredText: text.map { [$0] } ?? [],
            payer: Payer(name: payer), bankReference: bankReference, source: .path("API \(pointer.isEmpty ? "/" : pointer)")
        )
    }
}
