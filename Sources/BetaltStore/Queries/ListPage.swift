/// One page of a list filtered, sorted and paginated in the database, and how many rows the whole list holds.
public struct ListPage<Row: Sendable>: Sendable {
    public let rows: [Row]
    public let totalCount: Int
    public let page: Int
    public let pageSize: Int

    public var pageCount: Int { max(1, (totalCount + pageSize - 1) / pageSize) }

    /// What a person typed into a list's search, as a `LIKE` pattern over lower-cased text: anywhere in the
    /// text, with `%` and `_` taken out so that a typed one is no wildcard; nil for an empty search.
    static func likePattern(_ search: String) -> String? {
        let needle = search.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return nil }
        return "%\(needle.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: ""))%"
    }
}
