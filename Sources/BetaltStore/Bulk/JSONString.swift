/// A text as a quoted JSON string, appended to UTF-8 bytes with JSONEncoder's escapes (`\/` included), so
/// what is written by hand (bulk rows, an act's reasons) reads back exactly and matches `StableJSON`. Runs of
/// bytes that need no escape, which is nearly all of them, are copied whole.
enum JSONString {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { append(utf8: $0, to: &bytes) }
    }

    /// The same for a text given as its UTF-8 bytes.
    static func append(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(utf8: utf8, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A quoted JSON string of `prefix` followed by `text`, without making the joined String first.
    static func append(prefix: StaticString, _ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.makeContiguousUTF8()
        bytes.append(UInt8(ascii: "\""))
        prefix.withUTF8Buffer { appendEscaped(utf8: $0, to: &bytes) }
        text.utf8.withContiguousStorageIfAvailable { appendEscaped(utf8: $0, to: &bytes) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The text's bytes with JSONEncoder's escapes, without the quotes around them.
    private static func appendEscaped(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var plain = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            // Most bytes are plain: one comparison tells the printable ASCII ones that need no escape.
            if byte > UInt8(ascii: "/") && byte != UInt8(ascii: "\\") { continue }
            let escaped: UInt8? = switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
            case 0x0A: UInt8(ascii: "n")
            case 0x0D: UInt8(ascii: "r")
            case 0x09: UInt8(ascii: "t")
            case 0x08: UInt8(ascii: "b")
            case 0x0C: UInt8(ascii: "f")
            case 0x00..<0x20: UInt8(ascii: "u")
            default: nil
            }
            guard let escaped else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(escaped)
            if escaped == UInt8(ascii: "u") {
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
            plain = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
    }
}
