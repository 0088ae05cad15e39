import Foundation

/// Reads an XML document into an `XMLTreeElement` tree, refusing what an import must never process.
///
/// Built on libxml2's SAX parser (see `SAXParser`) rather than a tokenizer of our own. Any document type
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
        try check(data, fileName: fileName, limits: limits)
        let builder = XMLTreeBuilder(fileName: fileName, maximumDepth: limits.maximumDepth)
        try SAXParser(handler: builder, fileName: fileName).parse(data)
        guard let root = builder.root else {
            throw FormatError(file: fileName, location: .file, message: "the XML has no root element; the file may be truncated or not XML")
        }
        return root
    }

    /// What is refused before any parsing: too large, empty, or declaring a document type.
    private static func check(_ data: Data, fileName: String, limits: Limits) throws(FormatError) {
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
    }

    /// Reads `data` as a stream: every element with the local name `detaching` goes to `each` as soon as it
    /// is complete and is left out of the tree that is returned, so memory holds one such element at a time
    /// however many the file has. One pass: where each stands (`XMLStreamPlace`, made a path by the result)
    /// is known only at the end, so the paths `each` sees, and those of the errors it throws, are relative
    /// to the detached element; an error is thrown with its whole path after the document has been read.
    /// `XMLStreamSoFar` gives the path a place has as far as the document has been read.
    static func stream(
        _ data: Data, fileName: String, limits: Limits = Limits(), detaching: String,
        each: (XMLStreamedElement, XMLStreamPlace, XMLStreamSoFar) throws(FormatError) -> Void
    ) throws(FormatError) -> XMLStream {
        try check(data, fileName: fileName, limits: limits)
        return try withoutActuallyEscaping(each) { (each) throws(FormatError) -> XMLStream in
            let reader = XMLStreamReader(fileName: fileName, maximumDepth: limits.maximumDepth, detaching: detaching, each: each)
            try SAXParser(handler: reader, fileName: fileName).parse(data)
            return try reader.result()
        }
    }
}
