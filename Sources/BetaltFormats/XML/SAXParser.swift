import CLibXML2
import Foundation

/// What a SAX pass reports: elements opening and closing, and their text.
protocol SAXHandler: AnyObject {
    func start(name: String, prefix: String?, namespace: String?, attributes: [String: String], line: Int)
    func end()
    /// Character data as libxml2 hands it over (UTF-8, valid only during the call), so a handler that keeps
    /// it as bytes need not make a string of every piece.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Set once something is refused; the pass stops at the next event.
    var refusal: FormatError? { get }
    /// Whether `refusal` is set, asked at every event: cheaper than handing over a copy of the refusal.
    var isRefused: Bool { get }
    /// Records why the document is refused (the first reason wins).
    func refuse(_ message: String, line: Int)
}

/// Feeds a document to libxml2's SAX2 push parser and reports to a `SAXHandler`.
///
/// libxml2 directly rather than Foundation's `XMLParser` (which wraps the same library): a bank file of
/// 100,000 payments has millions of elements, and going through `XMLParser`'s Objective-C style delegate
/// costs several microseconds each. The Swift here only binds the C callbacks; all parsing is libxml2's.
/// Document type declarations and entity declarations are refused (no expansion, no external entities,
/// no network).
final class SAXParser {
    private let handler: any SAXHandler
    private let fileName: String
    private var context: xmlParserCtxtPtr?
    /// libxml2 keeps every element name, prefix and namespace once in its dictionary, so the same pointer
    /// always means the same text: each becomes a Swift string once, not once per element.
    private var names: [UnsafeRawPointer: String] = [:]
    private var lastInterned: (pointer: UnsafeRawPointer?, text: String) = (nil, "")

    init(handler: any SAXHandler, fileName: String) {
        self.handler = handler
        self.fileName = fileName
    }

    /// Parses all of `data`; throws the handler's refusal or libxml2's error with its line.
    func parse(_ data: Data) throws(FormatError) {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { context, localName, prefix, uri, _, _, attributeCount, _, attributes in
            let parser = SAXParser.from(context)
            guard !parser.handler.isRefused else { return }
            var values: [String: String] = [:]
            if let attributes, attributeCount > 0 {
                for index in 0..<Int(attributeCount) {
                    let base = index * 5
                    guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                    let local = SAXParser.string(name)
                    let key = attributes[base + 1].map { "\(SAXParser.string($0)):\(local)" } ?? local
                    let bytes = UnsafeBufferPointer(start: start, count: end - start)
                    let value = String(decoding: bytes, as: UTF8.self)
                    // Without entity substitution libxml2 hands over an escaped ampersand as the reference "&#38;".
                    values[key] = bytes.contains(UInt8(ascii: "&")) ? value.replacingOccurrences(of: "&#38;", with: "&") : value
                }
            }
            let name = localName.map { parser.interned($0) } ?? ""
            let namespace = uri.map { parser.interned($0) }
            parser.handler.start(
                name: name, prefix: prefix.map { parser.interned($0) },
                namespace: namespace?.isEmpty == false ? namespace : nil, attributes: values,
                line: parser.line
            )
            if parser.handler.isRefused { parser.stop() }
        }
        sax.endElementNs = { context, _, _, _ in
            let parser = SAXParser.from(context)
            guard !parser.handler.isRefused else { return }
            parser.handler.end()
            if parser.handler.isRefused { parser.stop() }
        }
        sax.characters = { context, characters, length in
            let parser = SAXParser.from(context)
            guard !parser.handler.isRefused, let characters else { return }
            parser.handler.text(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        sax.cdataBlock = sax.characters
        sax.internalSubset = { context, _, _, _ in
            SAXParser.from(context).refuseDeclaration("the document has a document type declaration (<!DOCTYPE>), which is refused "
                + "because it can expand entities or fetch external files")
        }
        sax.entityDecl = { context, name, _, _, _, _ in
            SAXParser.from(context).refuseDeclaration("the document declares the entity '\(name.map(SAXParser.string) ?? "")', which is refused")
        }
        sax.serror = { _, _ in }  // errors are read from the context afterwards, not printed

        let unmanaged = Unmanaged.passUnretained(self)
        let created = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> xmlParserCtxtPtr? in
            let head = min(4, bytes.count)
            return xmlCreatePushParserCtxt(
                &sax, unmanaged.toOpaque(), bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(head), fileName
            )
        }
        guard let context = created else {
            throw FormatError(file: fileName, location: .file, message: "the XML parser could not be started")
        }
        self.context = context
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        var failed = false
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            var offset = min(4, bytes.count)
            // libxml2 copies each chunk into its own input buffer: 64 KiB keeps that buffer small and warm.
            let chunk = 1 << 16
            repeat {
                let size = min(chunk, bytes.count - offset)
                let last = offset + size >= bytes.count
                if xmlParseChunk(context, base + offset, Int32(size), last ? 1 : 0) != 0 { failed = true }
                offset += size
            } while !failed && offset < bytes.count && !handler.isRefused
            if !failed, bytes.count <= 4, !handler.isRefused {
                failed = xmlParseChunk(context, nil, 0, 1) != 0
            }
        }
        if let refusal = handler.refusal { throw refusal }
        if failed || context.pointee.wellFormed == 0 {
            let error = xmlCtxtGetLastError(context)
            let line = error.map { Int($0.pointee.line) } ?? Int(xmlSAX2GetLineNumber(context))
            let detail = error.flatMap { $0.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } }
            throw FormatError(
                file: fileName, location: .line(max(line, 1)),
                message: "the XML is not well-formed (\(detail ?? "the parser stopped")); the file may be truncated or not XML")
        }
    }

    private var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

    private func stop() {
        if let context { xmlStopParser(context) }
    }

    private func refuseDeclaration(_ message: String) {
        handler.refuse(message, line: max(line, 1))
        stop()
    }

    private func interned(_ pointer: UnsafePointer<xmlChar>) -> String {
        // Nearly every element of a document has the same namespace: that one is kept at hand.
        if UnsafeRawPointer(pointer) == lastInterned.pointer { return lastInterned.text }
        if let known = names[UnsafeRawPointer(pointer)] {
            lastInterned = (UnsafeRawPointer(pointer), known)
            return known
        }
        let text = String(cString: pointer)
        names[UnsafeRawPointer(pointer)] = text
        return text
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> SAXParser {
        Unmanaged<SAXParser>.fromOpaque(context!).takeUnretainedValue()
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        String(cString: pointer)
    }
}
