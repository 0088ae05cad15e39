/// What an API token may do; a request outside its token's scopes is answered 403.
public enum ApiScope: String, Sendable, CaseIterable {
    case invoicesWrite = "invoices:write"
    case paymentsWrite = "payments:write"
    case claimsRead = "claims:read"
    case agencyUpdatesWrite = "agency-updates:write"
    case customersWrite = "customers:write"
}
