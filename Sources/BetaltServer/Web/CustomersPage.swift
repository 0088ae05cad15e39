import BetaltCore
import BetaltStore
import Vapor

/// The creditor's customers, searched by name or number, sorted and paginated on the server.
struct CustomersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("creditors", ":creditorID", "customers", use: list)
    }

    func list(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        var query = CustomerListQuery(creditorID: context.creditorID)
        query.take(req)
        let page = try await query.run(on: req.db)
        let words = Translations.words(context.language)
        let base = "/creditors/\(context.creditorID.uuidString)/customers"
        return try await req.view.render("customers", CustomersPage(
            frame: context.frame(req, title: words["customers"]!, section: "customers"),
            rows: page.rows.map { row in
                CustomersPage.Row(
                    href: "\(base)/\(row.id.uuidString)", name: row.name, number: row.customerNumber,
                    kind: words[row.kind == .business ? "business" : "consumer"]!, openClaims: row.openClaims,
                    open: row.open.map { $0.formatted(context.language) }.joined(separator: " + "),
                    oldestDue: row.oldestDueDate?.formatted(context.language) ?? ""
                )
            },
            controls: .customers(query: query, page: page, basePath: base, words: words)
        ))
    }
}

/// The customer list page.
struct CustomersPage: Encodable {
    struct Row: Encodable {
        let href: String
        let name: String
        let number: String
        let kind: String
        let openClaims: Int
        let open: String
        let oldestDue: String
    }

    let frame: PageFrame
    let rows: [Row]
    let controls: ListControls
}

extension ListControls {
    /// The customer list's controls: its search, columns and pages.
    static func customers(query: CustomerListQuery, page: CustomerListPage, basePath: String, words: [String: String]) -> ListControls {
        ListControls(
            basePath: basePath, search: query.search, sort: query.sort, descending: query.descending, page: page,
            labels: [
                .name: words["customer"]!, .number: words["customerNumber"]!, .open: words["openAmount"]!, .oldestDue: words["oldestDue"]!,
            ],
            // The largest amount owed is what a person looks for first.
            startingDescending: [.open]
        )
    }
}
