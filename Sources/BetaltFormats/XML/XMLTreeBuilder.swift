import Foundation

/// Collects SAX events into `XMLTreeElement`s; used once, on one thread.
final class XMLTreeBuilder: SAXHandler {
    /// An element still open, or closed but not yet given its path.
    private final class Draft {
        let name: String
        let prefix: String?
        let namespace: String?
        let attributes: [String: String]
        let line: Int
        var text = ""
        var children: [Draft] = []

        init(name: String, prefix: String?, namespace: String?, attributes: [String: String], line: Int) {
            self.name = name
            self.prefix = prefix
            self.namespace = namespace
            self.attributes = attributes
            self.line = line
        }

        var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
    }

    private let fileName: String
    private let maximumDepth: Int
    private var open: [Draft] = []
    private var finished: Draft?
    private(set) var refusal: FormatError?
    var isRefused: Bool { refusal != nil }

    init(fileName: String, maximumDepth: Int) {
        self.fileName = fileName
        self.maximumDepth = maximumDepth
    }

    /// The finished tree, paths computed now that every element's siblings are known.
    var root: XMLTreeElement? {
        finished.map { freeze($0, path: "/" + $0.qualifiedName) }
    }

    func start(name: String, prefix: String?, namespace: String?, attributes: [String: String], line: Int) {
        guard open.count < maximumDepth else {
            refuse("elements are nested more than \(maximumDepth) deep", line: line)
            return
        }
        let draft = Draft(name: name, prefix: prefix, namespace: namespace, attributes: attributes, line: line)
        open.last?.children.append(draft)
        open.append(draft)
    }

    func end() {
        guard let closed = open.popLast() else { return }
        if open.isEmpty { finished = closed }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        open.last?.text += String(decoding: bytes, as: UTF8.self)
    }

    func refuse(_ message: String, line: Int) {
        if refusal == nil { refusal = FormatError(file: fileName, location: .line(line), message: message) }
    }

    /// The text without the white space around it. XML white space is four ASCII characters (XML 1.0 § 2.3),
    /// so this works on bytes; Foundation's trimming is far slower on millions of elements.
    static func trimmed(_ text: String) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == bytes.startIndex, last == bytes.index(before: bytes.endIndex) { return text }
        return String(text[first...last])
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

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
