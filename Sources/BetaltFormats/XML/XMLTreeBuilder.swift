import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `XMLParser` delegate that collects elements and refuses declarations; used once, on one thread.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
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

    init(fileName: String, maximumDepth: Int) {
        self.fileName = fileName
        self.maximumDepth = maximumDepth
    }

    /// The finished tree, with paths computed now that every element's siblings are known.
    var root: XMLTreeElement? {
        finished.map { freeze($0, path: "/" + $0.qualifiedName) }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard open.count < maximumDepth else {
            refuse(parser, "elements are nested more than \(maximumDepth) deep")
            return
        }
        let prefix = qName.flatMap { $0.contains(":") ? String($0.split(separator: ":")[0]) : nil }
        let namespace = namespaceURI.flatMap { $0.isEmpty ? nil : $0 }
        let draft = Draft(
            name: elementName, prefix: prefix, namespace: namespace, attributes: attributeDict,
            line: parser.lineNumber)
        open.last?.children.append(draft)
        open.append(draft)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let closed = open.popLast() else { return }
        if open.isEmpty { finished = closed }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        open.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        open.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse(parser, "the document declares the entity '\(name)', which is refused")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuse(parser, "the document declares the external entity '\(name)', which is refused")
    }

    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        refuse(parser, "the document has a document type declaration, which is refused")
    }

    func parser(
        _ parser: XMLParser, foundAttributeDeclarationWithName attributeName: String, forElement elementName: String,
        type: String?, defaultValue: String?
    ) {
        refuse(parser, "the document has a document type declaration, which is refused")
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        refuse(parser, "the document refers to the external entity '\(name)', which is refused")
        return nil
    }

    private func refuse(_ parser: XMLParser, _ message: String) {
        if refusal == nil {
            refusal = FormatError(file: fileName, location: .line(max(parser.lineNumber, 1)), message: message)
        }
        parser.abortParsing()
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
            text: draft.text.trimmingCharacters(in: .whitespacesAndNewlines), children: children, path: path,
            line: draft.line)
    }
}
