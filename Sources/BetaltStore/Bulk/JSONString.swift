/// A text as a quoted JSON string, appended to UTF-8 bytes with JSONEncoder's escapes (`\/` included), so
/// what is written by hand (bulk rows, an act's reasons) reads back exactly and matches `StableJSON`. Runs of
/// bytes that need no escape, which is nearly all of them, are copied whole.
enum JSONString {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.makeContiguousUTF8()
        bytes.append(UInt8(ascii: "\""))
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            var plain = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
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
                bytes.append(contentsOf: [UInt8(ascii: "\\"), escaped])
                if escaped == UInt8(ascii: "u") {
                    bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
                }
                plain = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
