/// Whether a customer is a consumer or a business: the law treats them differently (fees, B2B compensation).
public enum CustomerKind: String, Sendable, Codable, CaseIterable {
    case consumer
    case business
}
