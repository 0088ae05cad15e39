/// What field readers ask of an element, so one reader serves a whole tree's elements and streamed ones.
protocol ReadableXMLElement {
    var name: String { get }
    var prefix: String? { get }
    /// The element's own character data, trimmed of surrounding white space.
    var text: String { get }
    var path: String { get }
    var hasChildren: Bool { get }
    func descendant(_ names: [String]) -> Self?
}

extension XMLTreeElement: ReadableXMLElement {
    var hasChildren: Bool { !children.isEmpty }
}

extension XMLStreamedElement: ReadableXMLElement {}
