import BetaltCore
import BetaltDelivery
import BetaltStore
import Fluent
import Vapor

/// `POST /api/v1/payments`: payments matched to claims exactly as bank files are, all or nothing.
enum PaymentsEndpoint {
    @Sendable
    static func post(_ request: Request) async throws -> Response {
        let client = try request.apiClient(requiring: .paymentsWrite)
        guard let creditor = try await CreditorRecord.find(client.creditorID, on: request.db) else {
            throw ApiFailure.unauthorized("the API token's creditor no longer exists")
        }
        var validation = FieldValidation()
        let items = try ApiBatch.items(of: request, key: "payments", validation: &validation)
        let payments = items.compactMap { PaymentPayload.read($0.object, at: $0.pointer, validation: &validation) }
        guard validation.errors.isEmpty else { throw ApiFailure.invalid(validation.errors) }
        let today = request.application.betaltSettings.today(inTimeZone: creditor.timeZone)
        let results = try await request.db.writing { tx in
            let recorded = try await PaymentImport.record(payments, fileID: nil, creditorID: client.creditorID, today: today, on: tx)
            return zip(recorded, payments).map { result($0, currency: $1.amount.currency) }
        }
        try await AgencyMessages.afterPayments(
            creditorID: client.creditorID, today: today, settings: request.application.betaltSettings.delivery, on: request.db)
        let response = Response(status: .created)
        try response.content.encode(PaymentsResponse(payments: results), as: .json)
        return response
    }

    private static func result(_ recorded: BookedPayment, currency: Currency) -> PaymentResult {
        if recorded.repeatOf != nil {
            // Posting the same payment again (a retry after a timeout) books nothing and names the first.
            return PaymentResult(
                paymentID: recorded.paymentID, status: "duplicate", method: nil, claims: [],
                overpayment: Money.zero(currency).decimalString, currency: currency.code, note: recorded.note, suggestions: []
            )
        }
        return switch recorded.match {
        case .matched(let method, let allocation):
            PaymentResult(
                paymentID: recorded.paymentID, status: "matched", method: method.rawValue,
                claims: allocation.claims.map { PaidClaim(claimID: $0.claimID.lowercased(), amount: $0.result.allocated.decimalString) },
                overpayment: allocation.overpayment.decimalString, currency: currency.code, note: recorded.note, suggestions: []
            )
        case .unmatched(_, let suggestions):
            PaymentResult(
                paymentID: recorded.paymentID, status: "unmatched", method: nil, claims: [],
                overpayment: Money.zero(currency).decimalString, currency: currency.code, note: recorded.note, suggestions: suggestions
            )
        }
    }
}
