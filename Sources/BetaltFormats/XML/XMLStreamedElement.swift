/// The elements of one detached subtree (and of any detached inside it) in flat arrays, reused from one
/// subtree to the next: a bank file has millions of elements, and a tree of objects, strings and paths for
/// each costs more than reading the file. Text stays UTF-8 bytes until it is asked for.
final class XMLSubtreeStore {
    struct Node {
        let name: String
        let prefix: String?
        let parent: Int
        var firstChild = -1
        var lastChild = -1
        var nextSibling = -1
        var textStart = 0
        var textEnd = 0
        /// Index into `attributes`, or -1.
        let attributes: Int
        /// A detached element inside another: read on its own, not a child of its parent for queries.
        let detached: Bool

        var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
    }

    private(set) var nodes: [Node] = []
    private var bytes: [UInt8] = []
    private var attributes: [[String: String]] = []

    var isEmpty: Bool { nodes.isEmpty }

    func removeAll() {
        nodes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
    }

    /// Adds an element under `parent` (-1 for the subtree's root) and returns its index.
    func add(name: String, prefix: String?, attributes: [String: String], parent: Int, detached: Bool) -> Int {
        var attributeIndex = -1
        if !attributes.isEmpty {
            attributeIndex = self.attributes.count
            self.attributes.append(attributes)
        }
        let index = nodes.count
        nodes.append(Node(name: name, prefix: prefix, parent: parent, attributes: attributeIndex, detached: detached))
        if parent >= 0 {
            if nodes[parent].lastChild >= 0 { nodes[nodes[parent].lastChild].nextSibling = index } else { nodes[parent].firstChild = index }
            nodes[parent].lastChild = index
        }
        return index
    }

    /// Appends character data to the element's text. Text that resumes after a child element is moved to
    /// the end first, so each element's text stays one run of bytes.
    func appendText(_ text: UnsafeBufferPointer<UInt8>, to index: Int) {
        let (start, end) = (nodes[index].textStart, nodes[index].textEnd)
        if start == end {
            nodes[index].textStart = bytes.count
        } else if end != bytes.count {
            let earlier = Array(bytes[start..<end])
            nodes[index].textStart = bytes.count
            bytes.append(contentsOf: earlier)
        }
        bytes.append(contentsOf: text)
        nodes[index].textEnd = bytes.count
    }

    func text(of index: Int) -> String {
        var start = nodes[index].textStart, end = nodes[index].textEnd
        while start < end, XMLTreeBuilder.isSpace(bytes[start]) { start += 1 }
        while end > start, XMLTreeBuilder.isSpace(bytes[end - 1]) { end -= 1 }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    func attributes(of index: Int) -> [String: String] {
        nodes[index].attributes >= 0 ? attributes[nodes[index].attributes] : [:]
    }

    /// The path from `root` down to `index` (empty for the root itself), with a position wherever the parent
    /// has several children of the name, counting detached ones as a whole-tree read does.
    func path(of index: Int, below root: Int) -> String {
        var steps: [String] = []
        var current = index
        while current != root, current >= 0 {
            let node = nodes[current]
            let name = node.qualifiedName
            var count = 0, position = 0
            var sibling = nodes[node.parent].firstChild
            while sibling >= 0 {
                if nodes[sibling].name == node.name, nodes[sibling].prefix == node.prefix {
                    count += 1
                    if sibling == current { position = count }
                }
                sibling = nodes[sibling].nextSibling
            }
            steps.append(count > 1 ? "\(name)[\(position)]" : name)
            current = node.parent
        }
        return steps.reversed().map { "/" + $0 }.joined()
    }
}

/// An element of a detached subtree handed over by `XMLReader.stream`, valid only during that call.
///
/// It answers like `XMLTreeElement`, except that `path` is relative to the detached element (empty for the
/// element itself): where that element stands is known only once the whole document is read, so
/// `XMLStream.path(of:)` gives the start to put before it.
struct XMLStreamedElement {
    let store: XMLSubtreeStore
    let index: Int
    /// The detached element this one belongs to; paths start below it.
    let root: Int

    var name: String { store.nodes[index].name }
    var prefix: String? { store.nodes[index].prefix }
    var qualifiedName: String { store.nodes[index].qualifiedName }
    var text: String { store.text(of: index) }
    var path: String { store.path(of: index, below: root) }
    var hasChildren: Bool { firstChild(where: { _ in true }) != nil }

    func children(_ name: String) -> [XMLStreamedElement] {
        var found: [XMLStreamedElement] = []
        var child = store.nodes[index].firstChild
        while child >= 0 {
            let node = store.nodes[child]
            if !node.detached, node.name == name { found.append(XMLStreamedElement(store: store, index: child, root: root)) }
            child = node.nextSibling
        }
        return found
    }

    func child(_ name: String) -> XMLStreamedElement? {
        firstChild { $0 == name }
    }

    func descendant(_ names: [String]) -> XMLStreamedElement? {
        descendant(names[...])
    }

    func attribute(_ localName: String) -> String? {
        let attributes = store.attributes(of: index)
        if let value = attributes[localName] { return value }
        return attributes.first { $0.key.split(separator: ":").last.map(String.init) == localName }?.value
    }

    private func descendant(_ names: ArraySlice<String>) -> XMLStreamedElement? {
        guard let first = names.first else { return self }
        var child = store.nodes[index].firstChild
        while child >= 0 {
            let node = store.nodes[child]
            if !node.detached, node.name == first,
               let found = XMLStreamedElement(store: store, index: child, root: root).descendant(names.dropFirst()) {
                return found
            }
            child = node.nextSibling
        }
        return nil
    }

    private func firstChild(where matches: (String) -> Bool) -> XMLStreamedElement? {
        var child = store.nodes[index].firstChild
        while child >= 0 {
            let node = store.nodes[child]
            if !node.detached, matches(node.name) { return XMLStreamedElement(store: store, index: child, root: root) }
            child = node.nextSibling
        }
        return nil
    }
}
