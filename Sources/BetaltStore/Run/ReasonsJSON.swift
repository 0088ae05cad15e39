import BetaltCore

/// An act's reasons as JSON, byte for byte what `StableJSON.string(reasons)` gives (sorted keys, a nil
/// citation left out, JSONEncoder's escapes), written by hand: JSONEncoder took a few microseconds an act,
/// seconds of a daily run that writes hundreds of thousands of acts.
enum ReasonsJSON {
    static func text(_ reasons: [Reason]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, reason) in reasons.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "{"))
            if let citation = reason.citation {
                bytes.append(contentsOf: #""citation":"#.utf8)
                append(citation, to: &bytes)
                bytes.append(UInt8(ascii: ","))
            }
            bytes.append(contentsOf: #""text":"#.utf8)
            append(reason.text, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.makeContiguousUTF8()
        bytes.append(UInt8(ascii: "\""))
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var plain = 0
            for index in 0..<utf8.count {
                let escape: String? = switch utf8[index] {
                case UInt8(ascii: "\""): #"\""#
                case UInt8(ascii: "\\"): #"\\"#
                case UInt8(ascii: "/"): #"\/"#
                case 0x0A: #"\n"#
                case 0x0D: #"\r"#
                case 0x09: #"\t"#
                case 0x08: #"\b"#
                case 0x0C: #"\f"#
                case 0x00..<0x20: #"\u00"# + String(utf8[index], radix: 16).leftPadded(to: 2)
                default: nil
                }
                guard let escape else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
                bytes.append(contentsOf: escape.utf8)
                plain = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
