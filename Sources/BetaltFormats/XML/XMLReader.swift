import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XML document into an `XMLTreeElement` tree, refusing what an import must never process.
///
/// Built on Foundation's `XMLParser` (libxml2) rather than a tokenizer of our own. Any document type
/// declaration is refused outright: invoices and bank files never need one, and refusing it closes the
/// door on entity-expansion bombs ("billion laughs") and external entities (XXE).
public enum XMLReader {
    /// How much a document may hold before it is refused unread.
    public struct Limits: Sendable, Equatable {
        public var maximumBytes: Int
        public var maximumDepth: Int

        public init(maximumBytes: Int = 50 * 1024 * 1024, maximumDepth: Int = 64) {
            self.maximumBytes = maximumBytes
            self.maximumDepth = maximumDepth
        }
    }

    /// Parses `data` and returns the root element; every failure is a `FormatError` naming `fileName`.
    public static func parse(_ data: Data, fileName: String, limits: Limits = Limits()) throws(FormatError) -> XMLTreeElement {
        guard data.count <= limits.maximumBytes else {
            throw FormatError(
                file: fileName, location: .file,
                message: "the file is \(data.count) bytes, more than the \(limits.maximumBytes) an XML import accepts")
        }
        guard !data.isEmpty else {
            throw FormatError(file: fileName, location: .file, message: "the file is empty, not XML")
        }
        if let line = DoctypeScan.lineOfDeclaration(in: data) {
            throw FormatError(
                file: fileName, location: .line(line),
                message: "the document has a document type declaration (<!DOCTYPE>), which is refused "
                    + "because it can expand entities or fetch external files")
        }
        // Fed as a stream: given the whole document at once, libxml2 refuses anything over 10 MB
        // ("huge input lookup"), and a bank's camt.054 with tens of thousands of payments is larger.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = XMLTreeBuilder(fileName: fileName, maximumDepth: limits.maximumDepth)
        parser.delegate = builder
        let succeeded = parser.parse()
        if let refusal = builder.refusal { throw refusal }
        guard succeeded, let root = builder.root else {
            throw FormatError(
                file: fileName, location: .line(max(parser.lineNumber, 1)),
                message: "the XML is not well-formed (\(describe(parser.parserError))); the file may be truncated or not XML")
        }
        return root
    }

    private static func describe(_ error: (any Error)?) -> String {
        guard let error = error as NSError? else { return "the parser stopped" }
        return "parser error \(error.code)"
    }
}
