/// Where a detached element stands in its document: enough to give its exact path once the document is read.
struct XMLStreamPlace {
    fileprivate enum Kind {
        /// Below an element outside any detached one: the `parent`th of `XMLStreamPaths.parents`.
        case top(parent: Int, name: String, position: Int)
        /// Inside another detached element: the `index`th of `XMLStreamPaths.nested`.
        case nested(index: Int)
    }

    fileprivate let kind: Kind

    /// The element holding it, the same for all its siblings (nil inside another detached element).
    var parent: Int? {
        if case .top(let parent, _, _) = kind { return parent }
        return nil
    }
}

/// The document read by `XMLReader.stream`, less its detached elements, and their paths.
struct XMLStream {
    let root: XMLTreeElement
    fileprivate let paths: XMLStreamPaths

    /// The absolute path of a detached element.
    func path(of place: XMLStreamPlace) -> String { paths.path(of: place) }

    /// The absolute path of the element `XMLStreamPlace.parent` names.
    func path(ofParent parent: Int) -> String { paths.path(of: paths.parents[parent]) }
}

/// The paths of a document still being read, as the elements read so far make them.
///
/// An element's path is final unless a later sibling of the same name (of it or of an element holding it)
/// gives the first of them an index: `Ntry` becomes `Ntry[1]` when a second `Ntry` follows.
struct XMLStreamSoFar {
    fileprivate let paths: XMLStreamPaths

    func path(of place: XMLStreamPlace) -> String { paths.pathSoFar(of: place) }
}

/// What the paths of detached elements are made of. Paths need every element's siblings, which only the end
/// of the document tells, so each element outside the detached ones keeps how many children of each name it
/// has had, and paths are put together from that once the document has been read.
private final class XMLStreamPaths {
    /// An element outside the detached ones.
    final class Outer {
        let qualifiedName: String
        /// Its position among its parent's children of the same name (1-based).
        let position: Int
        let parent: Outer?
        var childCounts: [String: Int] = [:]
        /// Its index in `parents` once a detached element was found below it.
        var parentIndex: Int?

        init(qualifiedName: String, position: Int, parent: Outer?) {
            self.qualifiedName = qualifiedName
            self.position = position
            self.parent = parent
        }
    }

    /// A detached element inside another, and its path below the outermost one (known when that closes).
    struct Nested {
        let outermost: XMLStreamPlace
        let node: Int
        var relativePath = ""
    }

    var parents: [Outer] = []
    var nested: [Nested] = []
    /// Paths of elements holding detached ones, as worked out (the entries of a report all ask for the same).
    private var outerPaths: [ObjectIdentifier: String] = [:]
    /// The same as far as the document has been read, by index in `parents`.
    private var outerPathsSoFar: [Int: String] = [:]

    func path(of place: XMLStreamPlace) -> String {
        switch place.kind {
        case .top(let parent, let name, let position):
            let holder = parents[parent]
            return path(of: holder) + "/" + ((holder.childCounts[name] ?? 0) > 1 ? "\(name)[\(position)]" : name)
        case .nested(let index):
            return path(of: nested[index].outermost) + nested[index].relativePath
        }
    }

    /// While a detached element is handed over no later sibling of it has started, so it and each element
    /// holding it have an index exactly when they are not the first of their name.
    func pathSoFar(of place: XMLStreamPlace) -> String {
        switch place.kind {
        case .top(let parent, let name, let position):
            let holder: String
            if let known = outerPathsSoFar[parent] {
                holder = known
            } else {
                holder = pathSoFar(of: parents[parent])
                outerPathsSoFar[parent] = holder
            }
            return holder + "/" + (position > 1 ? "\(name)[\(position)]" : name)
        case .nested(let index):
            return pathSoFar(of: nested[index].outermost) + nested[index].relativePath
        }
    }

    private func pathSoFar(of element: Outer) -> String {
        let step = element.position > 1 ? "\(element.qualifiedName)[\(element.position)]" : element.qualifiedName
        return (element.parent.map(pathSoFar) ?? "") + "/" + step
    }

    func path(of element: Outer) -> String {
        if let known = outerPaths[ObjectIdentifier(element)] { return known }
        guard let parent = element.parent else { return "/" + element.qualifiedName }
        let step = (parent.childCounts[element.qualifiedName] ?? 0) > 1 ? "\(element.qualifiedName)[\(element.position)]" : element.qualifiedName
        let path = path(of: parent) + "/" + step
        outerPaths[ObjectIdentifier(element)] = path
        return path
    }
}

/// One pass over the document: elements outside the detached ones go to an `XMLTreeBuilder`; each detached
/// one is collected in an `XMLSubtreeStore` and handed over when it closes.
final class XMLStreamReader: SAXHandler {
    private typealias Outer = XMLStreamPaths.Outer

    private let fileName: String
    private let maximumDepth: Int
    private let detaching: String
    private let each: (XMLStreamedElement, XMLStreamPlace, XMLStreamSoFar) throws(FormatError) -> Void
    let tree: XMLTreeBuilder
    private var outer: [Outer] = []
    private let paths = XMLStreamPaths()
    private let store = XMLSubtreeStore()
    /// The open elements of the detached subtree being read, by their index in `store`.
    private var openNodes: [Int] = []
    /// The places of the open detached elements, outermost first, with their indexes in `store`.
    private var openDetached: [(node: Int, place: XMLStreamPlace)] = []
    /// The nested detached elements of the subtree being read.
    private var nestedInSubtree: [Int] = []
    private var depth = 0
    private(set) var refusal: FormatError?
    var isRefused: Bool { refusal != nil }
    /// What `each` refused, with the place its relative path starts from; the document is still read to the
    /// end, for the path and because a document that is not well-formed is refused as that first.
    private(set) var refused: (error: FormatError, place: XMLStreamPlace)?

    init(
        fileName: String, maximumDepth: Int, detaching: String,
        each: @escaping (XMLStreamedElement, XMLStreamPlace, XMLStreamSoFar) throws(FormatError) -> Void
    ) {
        self.fileName = fileName
        self.maximumDepth = maximumDepth
        self.detaching = detaching
        self.each = each
        tree = XMLTreeBuilder(fileName: fileName, maximumDepth: maximumDepth)
    }

    func start(name: String, prefix: String?, namespace: String?, attributes: [String: String], line: Int) {
        guard depth < maximumDepth else {
            refuse("elements are nested more than \(maximumDepth) deep", line: line)
            return
        }
        depth += 1
        let isDetached = name == detaching && depth > 1
        if let parentNode = openNodes.last {
            let node = store.add(name: name, prefix: prefix, attributes: attributes, parent: parentNode, detached: isDetached)
            openNodes.append(node)
            if isDetached {
                paths.nested.append(XMLStreamPaths.Nested(outermost: openDetached[0].place, node: node))
                nestedInSubtree.append(paths.nested.count - 1)
                openDetached.append((node, XMLStreamPlace(kind: .nested(index: paths.nested.count - 1))))
            }
            return
        }
        let qualifiedName = prefix.map { "\($0):\(name)" } ?? name
        let parent = outer.last
        let position = (parent?.childCounts[qualifiedName] ?? 0) + 1
        parent?.childCounts[qualifiedName] = position
        guard isDetached, let parent else {
            outer.append(Outer(qualifiedName: qualifiedName, position: position, parent: parent))
            tree.start(name: name, prefix: prefix, namespace: namespace, attributes: attributes, line: line)
            return
        }
        if parent.parentIndex == nil {
            parent.parentIndex = paths.parents.count
            paths.parents.append(parent)
        }
        let node = store.add(name: name, prefix: prefix, attributes: attributes, parent: -1, detached: true)
        openNodes.append(node)
        openDetached.append((node, XMLStreamPlace(kind: .top(parent: parent.parentIndex!, name: qualifiedName, position: position))))
    }

    func end() {
        depth -= 1
        guard let node = openNodes.popLast() else {
            outer.removeLast()
            tree.end()
            return
        }
        if openDetached.last?.node == node, let closed = openDetached.popLast(), refused == nil {
            do {
                try each(XMLStreamedElement(store: store, index: node, root: node), closed.place, XMLStreamSoFar(paths: paths))
            } catch {
                refused = (error, closed.place)
            }
        }
        if openNodes.isEmpty {
            for index in nestedInSubtree { paths.nested[index].relativePath = store.path(of: paths.nested[index].node, below: 0) }
            nestedInSubtree.removeAll()
            store.removeAll()
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let node = openNodes.last { store.appendText(bytes, to: node) } else { tree.text(bytes) }
    }

    func refuse(_ message: String, line: Int) {
        if refusal == nil { refusal = FormatError(file: fileName, location: .line(line), message: message) }
    }

    /// The stream read, or the first refusal: the parser's, else what `each` refused with its path made whole.
    func result() throws(FormatError) -> XMLStream {
        if let refused { throw located(refused.error, at: paths.path(of: refused.place)) }
        guard let root = tree.root else {
            throw FormatError(file: fileName, location: .file, message: "the XML has no root element; the file may be truncated or not XML")
        }
        return XMLStream(root: root, paths: paths)
    }

    /// `error` with its path, relative to a detached element, put below `base`.
    private func located(_ error: FormatError, at base: String) -> FormatError {
        guard case .path(let relative) = error.location else { return error }
        return FormatError(
            file: error.file, location: .path(base + relative), field: error.field, message: error.message,
            further: error.further.map { located($0, at: base) })
    }
}
