import Foundation

/// Finds a `<!DOCTYPE` before `XMLParser` sees the document, so a bomb is refused before any expansion.
enum DoctypeScan {
    private static let marker = Array("<!DOCTYPE".utf8)

    /// The 1-based line of the first `<!DOCTYPE` (any letter case; UTF-8, ASCII or UTF-16), or nil.
    /// UTF-16 is decoded first: Foundation's XMLParser on Linux does not report every declaration to its
    /// delegate, so this scan is the defence that must not be bypassed by an encoding.
    static func lineOfDeclaration(in data: Data) -> Int? {
        if let transcoded = utf8BytesOfUTF16(data) { return transcoded.withUnsafeBufferPointer { lineOfDeclaration(in: $0) } }
        // Scanned in place: a bank file may be tens of megabytes.
        return data.withUnsafeBytes { lineOfDeclaration(in: $0.bindMemory(to: UInt8.self)) }
    }

    private static func lineOfDeclaration(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        var line = 1
        for index in 0...(bytes.count - marker.count) {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            if bytes[index] == UInt8(ascii: "<") && matches(bytes, at: index) { return line }
        }
        return nil
    }

    /// A UTF-16 document (with a byte-order mark, or told apart by its NUL bytes) as UTF-8 bytes; nil for
    /// anything else, which is scanned as it is.
    private static func utf8BytesOfUTF16(_ data: Data) -> [UInt8]? {
        guard data.count >= 2 else { return nil }
        let first = data[data.startIndex], second = data[data.startIndex + 1]
        let encoding: String.Encoding? = switch (first, second) {
        case (0xFF, 0xFE), (0xFE, 0xFF): .utf16
        case (0x00, _): .utf16BigEndian
        case (_, 0x00): .utf16LittleEndian
        default: nil
        }
        guard let encoding, let text = String(data: data, encoding: encoding) else { return nil }
        return Array(text.utf8)
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        for (offset, expected) in marker.enumerated() {
            let byte = bytes[index + offset]
            let folded = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) ? byte - 32 : byte
            if folded != expected { return false }
        }
        return true
    }
}
