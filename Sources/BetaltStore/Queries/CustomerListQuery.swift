import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// The column a customer list is ordered by.
public enum CustomerSort: String, Sendable, CaseIterable {
    case name, number, open, oldestDue
}

/// One line of a customer list: who, and what they owe now.
public struct CustomerListRow: Sendable, Equatable {
    public let id: UUID
    public let name: String
    public let customerNumber: String
    public let kind: CustomerKind
    public let openClaims: Int
    /// What is open, one amount per currency.
    public let open: [Money]
    /// The earliest due date among the open claims.
    public let oldestDueDate: CivilDate?
}

/// A page of a customer list and the number of customers the whole list holds.
public typealias CustomerListPage = ListPage<CustomerListRow>

/// A request for one page of a creditor's customers: searched by name or customer number, sorted and
/// paginated in the database, each with its open claims.
public struct CustomerListQuery: Sendable {
    public var creditorID: UUID
    public var search: String = ""
    public var sort: CustomerSort = .name
    public var descending: Bool = false
    public var page: Int = 1
    public var pageSize: Int = 50

    public init(creditorID: UUID) {
        self.creditorID = creditorID
    }

    public func run(on database: any Database) async throws -> CustomerListPage {
        let sql = database as! any SQLDatabase
        let condition = whereClause()
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM customers u WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        let direction: SQLQueryString = descending ? "DESC" : "ASC"
        let order: SQLQueryString = switch sort {
        case .name: "u.name \(direction), u.customer_number"
        case .number: "u.customer_number \(direction)"
        case .open: "open_minor \(direction), u.name"
        // A customer with nothing open has no due date: after those who owe, whichever way the list is turned.
        // (PostgreSQL takes an output column's name in ORDER BY only on its own, not inside an expression.)
        case .oldestDue: "oldest_due \(direction) NULLS LAST, u.name"
        }
        let safePage = max(1, page)
        let open: SQLQueryString = "c.creditor_id = u.creditor_id AND c.customer_id = u.id AND c.stage <> 'closed'"
        let rows = try await sql.raw("""
            SELECT u.id, u.name, u.customer_number, u.kind,
                   (SELECT COUNT(*) FROM claims c WHERE \(open)) AS open_claims,
                   (SELECT CAST(COALESCE(SUM(c.open_minor), 0) AS BIGINT) FROM claims c WHERE \(open)) AS open_minor,
                   (SELECT MIN(c.due_date) FROM claims c WHERE \(open)) AS oldest_due
            FROM customers u
            WHERE \(condition)
            ORDER BY \(order)
            LIMIT \(bind: pageSize) OFFSET \(bind: (safePage - 1) * pageSize)
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let amounts = try await openAmounts(of: ids, on: sql)
        return CustomerListPage(
            rows: try rows.map { row in
                let id = try row.decode(column: "id", as: UUID.self)
                return CustomerListRow(
                    id: id, name: try row.decode(column: "name", as: String.self),
                    customerNumber: try row.decode(column: "customer_number", as: String.self),
                    kind: CustomerKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .consumer,
                    openClaims: try row.decode(column: "open_claims", as: Int.self), open: amounts[id] ?? [],
                    oldestDueDate: try row.decode(column: "oldest_due", as: String?.self).map { try CivilDate(iso: $0) }
                )
            },
            totalCount: total, page: safePage, pageSize: pageSize
        )
    }

    private func whereClause() -> SQLQueryString {
        var condition: SQLQueryString = "u.creditor_id = \(bind: creditorID)"
        if let pattern = CustomerListPage.likePattern(search) {
            condition = "\(condition) AND (LOWER(u.name) LIKE \(bind: pattern) OR LOWER(u.customer_number) LIKE \(bind: pattern))"
        }
        return condition
    }

    /// The open amounts of the page's customers, per currency, in one query.
    private func openAmounts(of customerIDs: [UUID], on sql: any SQLDatabase) async throws -> [UUID: [Money]] {
        guard !customerIDs.isEmpty else { return [:] }
        var amounts: [UUID: [Money]] = [:]
        for row in try await sql.raw("""
            SELECT c.customer_id, c.currency, CAST(SUM(c.open_minor) AS BIGINT) AS open_minor
            FROM claims c
            WHERE c.creditor_id = \(bind: creditorID) AND c.customer_id IN (\(SQLList(customerIDs.map { SQLBind($0) })))
              AND c.stage <> 'closed'
            GROUP BY c.customer_id, c.currency ORDER BY c.currency
            """).all() {
            let currency = try Currency.named(try row.decode(column: "currency", as: String.self))
            amounts[try row.decode(column: "customer_id", as: UUID.self), default: []]
                .append(Money(minorUnits: try row.decode(column: "open_minor", as: Int64.self), currency: currency))
        }
        return amounts
    }
}
