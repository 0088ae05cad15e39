import FluentKit
import Foundation

/// One page of a creditor's unmatched payments, the oldest first: the work queue a person empties.
public struct UnmatchedPaymentQuery: Sendable {
    public var creditorID: UUID
    public var page: Int = 1
    public var pageSize: Int = 20

    public init(creditorID: UUID) {
        self.creditorID = creditorID
    }

    public func run(on database: any Database) async throws -> UnmatchedPaymentPage {
        let base = PaymentRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$status == "unmatched")
        let total = try await base.copy().count()
        let pageCount = max(1, (total + pageSize - 1) / pageSize)
        let safePage = min(max(1, page), pageCount)
        let rows = try await base.copy()
            .sort(\.$createdAt).sort(\.$id)
            .range(((safePage - 1) * pageSize)..<(safePage * pageSize))
            .all()
        return UnmatchedPaymentPage(payments: rows, totalCount: total, page: safePage, pageSize: pageSize)
    }
}

/// The payments of one work-queue page and where it sits among all of them.
public struct UnmatchedPaymentPage: Sendable {
    public let payments: [PaymentRecord]
    public let totalCount: Int
    public let page: Int
    public let pageSize: Int

    public var pageCount: Int { max(1, (totalCount + pageSize - 1) / pageSize) }
}
