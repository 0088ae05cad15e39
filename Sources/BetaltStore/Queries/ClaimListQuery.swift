import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// Which claims a list shows.
public enum ClaimFilter: String, Sendable, CaseIterable {
    case open, overdue, notDue, closed, all
}

/// The column a claim list is ordered by.
public enum ClaimSort: String, Sendable, CaseIterable {
    case dueDate, amount, customer, invoice
}

/// One line of a claim list: enough to show it without loading the ledger.
public struct ClaimListRow: Sendable, Equatable {
    public let id: UUID
    public let invoiceNumber: String
    public let customerName: String
    public let dueDate: CivilDate
    public let open: Money
    public let principal: Money
    public let stage: ClaimStage

    public func status(on today: CivilDate) -> ClaimStatus { .of(stage: stage, dueDate: dueDate, today: today) }
    public func daysOverdue(on today: CivilDate) -> Int { max(0, dueDate.days(until: today)) }
}

/// A page of a claim list and the number of claims the whole list holds.
public typealias ClaimListPage = ListPage<ClaimListRow>

/// A request for one page of a creditor's claims: filtered, searched, sorted and paginated in the database.
public struct ClaimListQuery: Sendable {
    public var creditorID: UUID
    public var today: CivilDate
    public var filter: ClaimFilter = .open
    public var search: String = ""
    public var sort: ClaimSort = .dueDate
    public var descending: Bool = false
    public var page: Int = 1
    public var pageSize: Int = 50

    public init(creditorID: UUID, today: CivilDate) {
        self.creditorID = creditorID
        self.today = today
    }

    public func run(on database: any Database) async throws -> ClaimListPage {
        let sql = database as! any SQLDatabase
        let condition = whereClause()
        let countRow = try await sql.raw(
            "SELECT COUNT(*) AS n FROM claims c JOIN customers u ON u.id = c.customer_id WHERE \(condition)"
        ).first()
        let total = try countRow?.decode(column: "n", as: Int.self) ?? 0
        let direction: SQLQueryString = descending ? "DESC" : "ASC"
        let order: SQLQueryString = switch sort {
        case .dueDate: "c.due_date \(direction), c.invoice_number \(direction)"
        case .amount: "c.open_minor \(direction), c.due_date ASC"
        case .customer: "u.name \(direction), c.due_date ASC"
        case .invoice: "c.invoice_number \(direction)"
        }
        let safePage = max(1, page)
        let rows = try await sql.raw("""
            SELECT c.id, c.invoice_number, u.name AS customer_name, c.due_date, c.open_minor, c.principal_minor,
                   c.currency, c.stage
            FROM claims c JOIN customers u ON u.id = c.customer_id
            WHERE \(condition)
            ORDER BY \(order)
            LIMIT \(bind: pageSize) OFFSET \(bind: (safePage - 1) * pageSize)
            """).all()
        return ClaimListPage(
            rows: try rows.map(Self.decodeRow), totalCount: total, page: safePage, pageSize: pageSize
        )
    }

    private func whereClause() -> SQLQueryString {
        var condition: SQLQueryString = "c.creditor_id = \(bind: creditorID)"
        switch filter {
        case .open: condition = "\(condition) AND c.stage <> 'closed'"
        case .overdue: condition = "\(condition) AND c.stage <> 'closed' AND c.due_date < \(bind: today.iso)"
        case .notDue: condition = "\(condition) AND c.stage <> 'closed' AND c.due_date >= \(bind: today.iso)"
        case .closed: condition = "\(condition) AND c.stage = 'closed'"
        case .all: break
        }
        if let pattern = ClaimListPage.likePattern(search) {
            condition = "\(condition) AND (LOWER(u.name) LIKE \(bind: pattern) OR LOWER(c.invoice_number) LIKE \(bind: pattern))"
        }
        return condition
    }

    static func decodeRow(_ row: any SQLRow) throws -> ClaimListRow {
        let currency = try Currency.named(try row.decode(column: "currency", as: String.self))
        return ClaimListRow(
            id: try row.decode(column: "id", as: UUID.self),
            invoiceNumber: try row.decode(column: "invoice_number", as: String.self),
            customerName: try row.decode(column: "customer_name", as: String.self),
            dueDate: try CivilDate(iso: try row.decode(column: "due_date", as: String.self)),
            open: Money(minorUnits: try row.decode(column: "open_minor", as: Int64.self), currency: currency),
            principal: Money(minorUnits: try row.decode(column: "principal_minor", as: Int64.self), currency: currency),
            stage: ClaimStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .open
        )
    }
}
