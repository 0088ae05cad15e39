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
        query.sort = req.query[String.self, at: "sort"].flatMap(CustomerSort.init(rawValue:)) ?? .name
        query.descending = req.query[String.self, at: "order"] == "desc"
        query.search = String((req.query[String.self, at: "q"] ?? "").prefix(100))
        query.page = max(1, req.query[Int.self, at: "page"] ?? 1)
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
            controls: CustomerListControls(query: query, page: page, basePath: base, words: words)
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
    let controls: CustomerListControls
}

/// The search, sort and pagination links of the customer list, as plain links and a GET form.
struct CustomerListControls: Encodable {
    let action: String
    let search: String
    let sort: String
    let order: String
    let sortLinks: [String: ClaimListControls.SortLink]
    let page: Int
    let pageCount: Int
    let totalCount: Int
    let previousHref: String?
    let nextHref: String?

    init(query: CustomerListQuery, page: CustomerListPage, basePath: String, words: [String: String]) {
        func href(sort: CustomerSort = query.sort, descending: Bool = query.descending, page: Int = 1) -> String {
            var items = ["sort=\(sort.rawValue)", "order=\(descending ? "desc" : "asc")"]
            if !query.search.isEmpty {
                items.append("q=\(query.search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            }
            if page > 1 { items.append("page=\(page)") }
            return basePath + "?" + items.joined(separator: "&")
        }
        action = basePath
        search = query.search
        sort = query.sort.rawValue
        order = query.descending ? "desc" : "asc"
        let labels: [CustomerSort: String] = [
            .name: words["customer"]!, .number: words["customerNumber"]!, .open: words["openAmount"]!, .oldestDue: words["oldestDue"]!,
        ]
        var links: [String: ClaimListControls.SortLink] = [:]
        for sort in CustomerSort.allCases {
            let active = sort == query.sort
            links[sort.rawValue] = ClaimListControls.SortLink(
                label: labels[sort]!, href: href(sort: sort, descending: active ? !query.descending : sort == .open),
                state: active ? (query.descending ? "descending" : "ascending") : "none",
                arrow: active ? (query.descending ? "▼" : "▲") : ""
            )
        }
        sortLinks = links
        self.page = page.page
        pageCount = page.pageCount
        totalCount = page.totalCount
        previousHref = page.page > 1 ? href(page: page.page - 1) : nil
        nextHref = page.page < page.pageCount ? href(page: page.page + 1) : nil
    }
}
