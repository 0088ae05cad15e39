import BetaltStore
import Vapor

/// A list query whose sort, order, search and page come from the list's own links and search form
/// (`ListControls` writes them), read the same way for every list.
protocol RequestedList {
    associatedtype Sort: RawRepresentable where Sort.RawValue == String
    var sort: Sort { get set }
    var descending: Bool { get set }
    var search: String { get set }
    var page: Int { get set }
}

extension RequestedList {
    /// Takes `sort`, `order=desc`, `q` (at most 100 characters) and `page` from the request; a sort the list
    /// does not know keeps the list's own.
    mutating func take(_ req: Request) {
        if let sort = req.query[String.self, at: "sort"].flatMap(Sort.init(rawValue:)) { self.sort = sort }
        descending = req.query[String.self, at: "order"] == "desc"
        search = String((req.query[String.self, at: "q"] ?? "").prefix(100))
        page = max(1, req.query[Int.self, at: "page"] ?? 1)
    }
}

extension ClaimListQuery: RequestedList {}
extension CustomerListQuery: RequestedList {}
