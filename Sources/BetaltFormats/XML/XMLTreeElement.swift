/// One element of a parsed XML document: immutable, with its namespace and its XPath for error messages.
public struct XMLTreeElement: Sendable, Equatable {
    /// The local name, prefix stripped: `PaymentID` for `cbc:PaymentID`.
    public let name: String
    /// The prefix as written in the document (`cbc`), or nil for the default namespace.
    public let prefix: String?
    /// The namespace URI, or nil when the element is in no namespace.
    public let namespace: String?
    /// Attributes by the name written in the document (`schemeID`, `xml:lang`).
    public let attributes: [String: String]
    /// The element's own character data (CDATA included), trimmed of surrounding white space.
    public let text: String
    public let children: [XMLTreeElement]
    /// The element's XPath, with a position only where siblings share the name:
    /// `/Invoice/cac:PaymentMeans[1]/cbc:PaymentID`.
    public let path: String
    /// The line the start tag ends on, as the parser reports it.
    public let line: Int

    public init(
        name: String, prefix: String?, namespace: String?, attributes: [String: String], text: String,
        children: [XMLTreeElement], path: String, line: Int
    ) {
        self.name = name
        self.prefix = prefix
        self.namespace = namespace
        self.attributes = attributes
        self.text = text
        self.children = children
        self.path = path
        self.line = line
    }

    /// The name as written in the document, e.g. `cbc:PaymentID`.
    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }

    /// The children with this local name, in the given namespace when one is named.
    public func children(_ name: String, namespace: String? = nil) -> [XMLTreeElement] {
        children.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// The first child with this local name, in the given namespace when one is named.
    public func child(_ name: String, namespace: String? = nil) -> XMLTreeElement? {
        children.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// The first element reached by following local names down from here, e.g. `["PaymentMeans", "PaymentID"]`.
    public func descendant(_ names: [String]) -> XMLTreeElement? {
        guard let first = names.first else { return self }
        for candidate in children(first) {
            if let found = candidate.descendant(Array(names.dropFirst())) { return found }
        }
        return nil
    }

    /// An attribute by local name, whatever prefix the document gave it.
    public func attribute(_ localName: String) -> String? {
        if let value = attributes[localName] { return value }
        return attributes.first { $0.key.split(separator: ":").last.map(String.init) == localName }?.value
    }
}
