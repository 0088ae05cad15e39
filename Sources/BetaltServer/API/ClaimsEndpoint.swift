import BetaltCore
import BetaltStore
import Vapor

/// `GET /api/v1/claims/{id}`: one of the token's creditor's claims; any other id is a 404, revealing nothing.
enum ClaimsEndpoint {
    @Sendable
    static func get(_ request: Request) async throws -> ClaimResponse {
        let client = try request.apiClient(requiring: .claimsRead)
        let notFound = ApiFailure(status: .notFound, code: "not_found", message: "no such claim")
        guard let id = request.parameters.get("id", as: UUID.self),
              let detail = try await ClaimDetail.load(claimID: id, creditorID: client.creditorID, on: request.db)
        else { throw notFound }
        let ledger = try ClaimLedger(currency: detail.currency, entries: detail.entries)
        return ClaimResponse(
            id: id, invoiceNumber: detail.claim.invoiceNumber, issueDate: detail.claim.issueDate, dueDate: detail.claim.dueDate,
            currency: detail.currency.code, stage: detail.claim.stage, paymentReference: detail.claim.paymentReference,
            customer: ClaimCustomer(number: detail.customer.customerNumber, name: detail.customer.name),
            balances: ClaimBalances(ledger.balances), entries: detail.entries.map(ClaimEntry.init)
        )
    }
}
