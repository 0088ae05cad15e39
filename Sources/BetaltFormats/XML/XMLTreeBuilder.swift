import Foundation

/// Collects SAX events into `XMLTreeElement`s; used once, on one thread.
///
/// With `detaching` set, every element of that local name is handed to `each` as soon as it is complete
/// and is not kept in the tree, so a file of 100,000 payments never holds more than one of them. Its path
/// is exact because `siblingCounts` (from a counting pass) says how many same-named siblings each of its
/// ancestors has.
final class XMLTreeBuilder: SAXHandler {
    /// An element still open, or closed but not yet given its path.
    private final class Draft {
        let name: String
        let prefix: String?
        let namespace: String?
        let attributes: [String: String]
        let line: Int
        /// Its place among all elements of the document, in order of their start.
        let ordinal: Int
        /// Its position among the same-named children of its parent (1-based).
        var position = 1
        var text = ""
        var children: [Draft] = []
        /// How many children of each name have started so far.
        var started: [String: Int] = [:]
        var detached = false

        init(name: String, prefix: String?, namespace: String?, attributes: [String: String], line: Int, ordinal: Int) {
            self.name = name
            self.prefix = prefix
            self.namespace = namespace
            self.attributes = attributes
            self.line = line
            self.ordinal = ordinal
        }

        var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
    }

    private let fileName: String
    private let maximumDepth: Int
    private let detaching: String?
    private let siblingCounts: [Int: [String: Int]]
    private let each: ((XMLTreeElement) throws(FormatError) -> Void)?
    private var open: [Draft] = []
    private var finished: Draft?
    private var nextOrdinal = 0
    private(set) var refusal: FormatError?

    init(
        fileName: String, maximumDepth: Int, detaching: String? = nil, siblingCounts: [Int: [String: Int]] = [:],
        each: ((XMLTreeElement) throws(FormatError) -> Void)? = nil
    ) {
        self.fileName = fileName
        self.maximumDepth = maximumDepth
        self.detaching = detaching
        self.siblingCounts = siblingCounts
        self.each = each
    }

    /// The finished tree (without detached elements), paths computed now that every element's siblings are known.
    var root: XMLTreeElement? {
        finished.map { freeze($0, path: "/" + $0.qualifiedName) }
    }

    func start(name: String, prefix: String?, namespace: String?, attributes: [String: String], line: Int) {
        guard open.count < maximumDepth else {
            refuse("elements are nested more than \(maximumDepth) deep", line: line)
            return
        }
        let draft = Draft(name: name, prefix: prefix, namespace: namespace, attributes: attributes, line: line, ordinal: nextOrdinal)
        nextOrdinal += 1
        if let parent = open.last {
            parent.started[draft.qualifiedName, default: 0] += 1
            draft.position = parent.started[draft.qualifiedName]!
            draft.detached = name == detaching
            if !draft.detached { parent.children.append(draft) }
        }
        open.append(draft)
    }

    func end() {
        guard let closed = open.popLast() else { return }
        if open.isEmpty { finished = closed }
        guard closed.detached, let each else { return }
        do {
            try each(freeze(closed, path: openPath() + "/" + step(closed, in: open.last)))
        } catch {
            if refusal == nil { refusal = error }
        }
    }

    var wantsText: Bool { true }

    func text(_ string: String) {
        open.last?.text += string
    }

    func refuse(_ message: String, line: Int) {
        if refusal == nil { refusal = FormatError(file: fileName, location: .line(line), message: message) }
    }

    /// The path of the innermost open element, each step indexed where the counting pass saw siblings.
    private func openPath() -> String {
        var path = ""
        for (index, draft) in open.enumerated() {
            path += "/" + (index == 0 ? draft.qualifiedName : step(draft, in: open[index - 1]))
        }
        return path
    }

    private func step(_ draft: Draft, in parent: Draft?) -> String {
        guard let parent, (siblingCounts[parent.ordinal]?[draft.qualifiedName] ?? 1) > 1 else { return draft.qualifiedName }
        return "\(draft.qualifiedName)[\(draft.position)]"
    }

    /// The text without the white space around it. XML white space is four ASCII characters (XML 1.0 § 2.3),
    /// so this works on bytes; Foundation's trimming is far slower on millions of elements.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == bytes.startIndex, last == bytes.index(before: bytes.endIndex) { return text }
        return String(text[first...last])
    }

    private func freeze(_ draft: Draft, path: String) -> XMLTreeElement {
        var seen: [String: Int] = [:]
        let counts = Dictionary(draft.children.map { ($0.qualifiedName, 1) }, uniquingKeysWith: +)
        let children = draft.children.map { child in
            let name = child.qualifiedName
            seen[name, default: 0] += 1
            let step = counts[name, default: 0] > 1 ? "\(name)[\(seen[name, default: 0])]" : name
            return freeze(child, path: "\(path)/\(step)")
        }
        return XMLTreeElement(
            name: draft.name, prefix: draft.prefix, namespace: draft.namespace, attributes: draft.attributes,
            text: Self.trimmed(draft.text), children: children, path: path,
            line: draft.line)
    }
}

/// The counting pass before a streamed read: for every element that has a `detaching` element below it,
/// how many children of each name it has, by the element's ordinal. Nothing else is kept.
final class XMLSiblingCounter: SAXHandler {
    private final class Open {
        let ordinal: Int
        var counts: [String: Int] = [:]
        var holdsDetached = false
        init(ordinal: Int) { self.ordinal = ordinal }
    }

    private let fileName: String
    private let maximumDepth: Int
    private let detaching: String
    private var open: [Open] = []
    private var nextOrdinal = 0
    private(set) var counts: [Int: [String: Int]] = [:]
    private(set) var refusal: FormatError?

    init(fileName: String, maximumDepth: Int, detaching: String) {
        self.fileName = fileName
        self.maximumDepth = maximumDepth
        self.detaching = detaching
    }

    func start(name: String, prefix: String?, namespace: String?, attributes: [String: String], line: Int) {
        guard open.count < maximumDepth else {
            refuse("elements are nested more than \(maximumDepth) deep", line: line)
            return
        }
        let qualified = prefix.map { "\($0):\(name)" } ?? name
        open.last?.counts[qualified, default: 0] += 1
        if name == detaching { for ancestor in open { ancestor.holdsDetached = true } }
        open.append(Open(ordinal: nextOrdinal))
        nextOrdinal += 1
    }

    func end() {
        guard let closed = open.popLast() else { return }
        if closed.holdsDetached { counts[closed.ordinal] = closed.counts }
    }

    var wantsText: Bool { false }

    func text(_ string: String) {}

    func refuse(_ message: String, line: Int) {
        if refusal == nil { refusal = FormatError(file: fileName, location: .line(line), message: message) }
    }
}
