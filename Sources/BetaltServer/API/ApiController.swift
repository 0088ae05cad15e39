import Vapor

/// The REST API under /api/v1, for accounting systems and banks: every request carries a scoped bearer token
/// and reaches only its token's creditor (DESIGN.md §9). Described in openapi.yaml at the repository root.
struct ApiController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(ApiErrorMiddleware(), ApiBearerMiddleware())
        api.on(.POST, "invoices", body: .collect(maxSize: "10mb"), use: InvoicesEndpoint.post)
        api.on(.POST, "payments", body: .collect(maxSize: "10mb"), use: PaymentsEndpoint.post)
        api.on(.POST, "agency-updates", body: .collect(maxSize: "10mb"), use: AgencyUpdatesEndpoint.post)
        api.get("claims", ":id", use: ClaimsEndpoint.get)
        api.patch("customers", ":number", use: CustomerDetailsEndpoint.patch)
        api.put("customers", ":number", "notice-consent", use: NoticeConsentEndpoint.put)
    }
}
