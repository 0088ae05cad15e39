import BetaltCore
import BetaltStore

/// The claim list page.
struct ClaimsPage: Encodable {
    let frame: PageFrame
    let rows: [ClaimRowView]
    let isEmpty: Bool
    let controls: ListControls
}

extension ListControls {
    /// The claim list's controls: its filter, search, columns and pages.
    static func claims(query: ClaimListQuery, page: ClaimListPage, basePath: String, words: [String: String]) -> ListControls {
        ListControls(
            basePath: basePath, search: query.search, sort: query.sort, descending: query.descending, page: page,
            labels: [
                .dueDate: words["dueDate"]!, .amount: words["openAmount"]!, .customer: words["customer"]!,
                .invoice: words["invoiceNumber"]!,
            ],
            filters: ClaimFilter.allCases.map {
                Option(value: $0.rawValue, label: words["filter.\($0.rawValue)"] ?? $0.rawValue, selected: $0 == query.filter)
            },
            filter: "filter=\(query.filter.rawValue)"
        )
    }
}
