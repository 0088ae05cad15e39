/// A file Betalt cannot import, naming the file, where in it, the field and what is wrong in plain words.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where in the file the problem sits.
    public enum Location: Equatable, Sendable, CustomStringConvertible {
        /// The file as a whole (too large, empty, wrong kind of file).
        case file
        /// A line (1-based) of a text format, and the column (1-based field number) when known.
        case line(Int, column: Int? = nil)
        /// An XPath into an XML document, e.g. `/Invoice/cac:PaymentMeans[1]/cbc:PaymentID`.
        case path(String)

        public var description: String {
            switch self {
            case .file: "whole file"
            case .line(let line, column: nil): "line \(line)"
            case .line(let line, column: let column?): "line \(line), column \(column)"
            case .path(let path): path
            }
        }
    }

    /// The file's name as the user knows it, e.g. `invoice.xml`.
    public let file: String
    public let location: Location
    /// The field concerned, e.g. `due_date` or `DueDate`; nil when the problem is not about one field.
    public let field: String?
    /// What is wrong, for a person: `'2026-02-30' is not a date`.
    public let message: String
    /// Further problems in the same file, when a reader collects several before refusing it.
    public let further: [FormatError]

    public init(file: String, location: Location, field: String? = nil, message: String, further: [FormatError] = []) {
        self.file = file
        self.location = location
        self.field = field
        self.message = message
        self.further = further
    }

    /// This problem and the further ones, in file order.
    public var all: [FormatError] {
        [FormatError(file: file, location: location, field: field, message: message)] + further
    }

    public var description: String {
        let first = "\(file), \(location)\(fieldNote): \(message)"
        return ([first] + further.map(\.description)).joined(separator: "\n")
    }

    /// An XPath already names its element, so the field is repeated only for line-based locations.
    private var fieldNote: String {
        guard let field, case .line = location else { return "" }
        return " (\(field))"
    }
}
