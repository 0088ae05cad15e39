import BetaltStore
import Foundation

/// The filter, search, sort and pagination of a list the server filters, sorts and paginates, all as plain links
/// and a GET form (DESIGN.md §10).
struct ListControls: Encodable {
    /// A choice of the list's filter.
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
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

    /// The controls of `page`, a page of the list at `basePath` sorted by `sort`; `filter` is the chosen filter as
    /// a query item ("filter=open"), kept in every link. A column not yet sorted by starts ascending, or
    /// descending if it is in `startingDescending`.
    init<Sort: CaseIterable & RawRepresentable & Hashable, Row>(
        basePath: String, search: String, sort: Sort, descending: Bool, page: ListPage<Row>, labels: [Sort: String],
        startingDescending: Set<Sort> = [], filters: [Option] = [], filter: String? = nil
    ) where Sort.RawValue == String {
        func href(sort: Sort = sort, descending: Bool = descending, page: Int = 1) -> String {
            var items = (filter.map { [$0] } ?? []) + ["sort=\(sort.rawValue)", "order=\(descending ? "desc" : "asc")"]
            if !search.isEmpty { items.append("q=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            if page > 1 { items.append("page=\(page)") }
            return basePath + "?" + items.joined(separator: "&")
        }
        action = basePath
        self.filters = filters
        self.search = search
        self.sort = sort.rawValue
        order = descending ? "desc" : "asc"
        var links: [String: SortLink] = [:]
        for column in Sort.allCases {
            let active = column == sort
            links[column.rawValue] = SortLink(
                label: labels[column]!, href: href(sort: column, descending: active ? !descending : startingDescending.contains(column)),
                state: active ? (descending ? "descending" : "ascending") : "none", arrow: active ? (descending ? "▼" : "▲") : ""
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

/// A column heading's link: it sorts the list by the column, or turns the order of the column it is sorted by.
struct SortLink: Encodable {
    let label: String
    let href: String
    /// "ascending", "descending" or "none", for aria-sort.
    let state: String
    let arrow: String
}
