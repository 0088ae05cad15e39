import Foundation

/// A rendered template: the title (also the e-mail subject), the paragraphs before the amount table and
/// those after it. A template marks where the amounts go with a paragraph holding only `[amounts]`;
/// paragraphs are separated by blank lines and keep their single line breaks.
public struct NoticeProse: Sendable, Hashable {
    public static let amountsMarker = "[amounts]"

    public let title: String
    public let opening: [String]
    public let closing: [String]
    /// Whether the template placed the amount table (documents that ask for payment must).
    public let placesAmounts: Bool

    init(parsing text: String, template: String) throws(TemplateError) {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        guard let title = paragraphs.first, !title.contains("\n") else {
            throw TemplateError(file: template, message: "must start with the title on a line of its own, then a blank line")
        }
        let body = paragraphs.dropFirst()
        if let marker = body.firstIndex(of: Self.amountsMarker) {
            opening = Array(body[body.startIndex..<marker])
            closing = Array(body[(marker + 1)...])
            placesAmounts = true
        } else {
            opening = Array(body)
            closing = []
            placesAmounts = false
        }
        self.title = title
    }
}
