/// How well a rule is sourced, with the tags NORDIC-RULES.md uses.
public enum SourceTag: String, Sendable, Hashable, CaseIterable {
    /// [C] statute text or an official page.
    case confirmed = "C"
    /// [S] secondary sources only.
    case secondary = "S"
    /// [D] derived from confirmed rules or data.
    case derived = "D"
    /// [U] uncertain: see NORDIC-RULES § 17 before relying on it.
    case uncertain = "U"
}

/// Where a rule comes from: the provision ("inkf. § 1-2 (2)"), how well it is sourced, and what was seen.
public struct RuleCitation: Sendable, Hashable, CustomStringConvertible {
    /// The provision as a lawyer would cite it, e.g. "frl. § 3; FOR-2024-12-19-3279".
    public let text: String
    /// The source tags in the order the rules file gives them, e.g. [S, U].
    public let tags: [SourceTag]
    /// The source actually seen, or why the value is what it is.
    public let note: String?

    public init(_ text: String, _ tags: SourceTag..., note: String? = nil) {
        self.init(text, tags: tags, note: note)
    }

    public init(_ text: String, tags: [SourceTag], note: String? = nil) {
        precondition(!tags.isEmpty, "a citation says how well it is sourced: \(text)")
        self.text = text
        self.tags = tags
        self.note = note
    }

    /// Whether the rules file marks this value uncertain, so a decision resting on it should say so.
    public var isUncertain: Bool { tags.contains(.uncertain) }

    /// "inkf. § 1-1 (3) [S/U]".
    public var description: String { "\(text) [\(tags.map(\.rawValue).joined(separator: "/"))]" }
}
