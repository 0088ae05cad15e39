import BetaltCore
import BetaltStore

/// The claim list page.
struct ClaimsPage: Encodable {
    let frame: PageFrame
    let rows: [ClaimRowView]
    let isEmpty: Bool
    let controls: ClaimListControls
}

/// The filter, search, sort and pagination links of a claim list, all as plain links and a GET form.
struct ClaimListControls: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct SortLink: Encodable {
        let label: String
        let href: String
        /// "ascending", "descending" or "none", for aria-sort.
        let state: String
        let arrow: String
    }

    let action: String
    let filters: [Option]
    let search: String
    let sort: String
    let order: String
    let sortLinks: [String: SortLink]
    let page: Int
    let pageCount: Int
    let totalCount: Int
    let previousHref: String?
    let nextHref: String?

    init(query: ClaimListQuery, page: ClaimListPage, basePath: String, words: [String: String]) {
        func href(filter: ClaimFilter = query.filter, sort: ClaimSort = query.sort, descending: Bool = query.descending, page: Int = 1) -> String {
            var items = ["filter=\(filter.rawValue)", "sort=\(sort.rawValue)", "order=\(descending ? "desc" : "asc")"]
            if !query.search.isEmpty {
                items.append("q=\(query.search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            }
            if page > 1 { items.append("page=\(page)") }
            return basePath + "?" + items.joined(separator: "&")
        }
        action = basePath
        filters = ClaimFilter.allCases.map {
            Option(value: $0.rawValue, label: words["filter.\($0.rawValue)"] ?? $0.rawValue, selected: $0 == query.filter)
        }
        search = query.search
        sort = query.sort.rawValue
        order = query.descending ? "desc" : "asc"
        let labels: [ClaimSort: String] = [
            .dueDate: words["dueDate"]!, .amount: words["openAmount"]!, .customer: words["customer"]!,
            .invoice: words["invoiceNumber"]!,
        ]
        var links: [String: SortLink] = [:]
        for sort in ClaimSort.allCases {
            let active = sort == query.sort
            links[sort.rawValue] = SortLink(
                label: labels[sort]!, href: href(sort: sort, descending: active ? !query.descending : false),
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
