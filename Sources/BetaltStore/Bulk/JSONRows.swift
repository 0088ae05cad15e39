/// One value of a bulk row.
enum BulkValue {
    case text(String)
    case integer(Int64)
    case boolean(Bool)
    case null

    static func optional(_ text: String?) -> BulkValue { text.map(BulkValue.text) ?? .null }
}

/// Rows for a bulk statement as one JSON text, `[[v1, v2, …], …]`, which SQLite (jsonb_each) and PostgreSQL
/// (json_array_elements) unpack in C: one bound parameter per statement instead of one per value, each of
/// which would go through an Encodable encoder. Written by hand, on UTF-8 bytes, because JSONEncoder has no
/// positional form and is several times slower for this shape.
struct JSONRows {
    private var bytes: [UInt8] = [UInt8(ascii: "[")]
    private(set) var count = 0

    mutating func append(_ values: BulkValue...) { append(values) }

    mutating func append(_ values: [BulkValue]) {
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch value {
            case .text(let text): appendString(text)
            case .integer(let number): bytes.append(contentsOf: String(number).utf8)
            case .boolean(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            case .null: bytes.append(contentsOf: "null".utf8)
            }
        }
        bytes.append(UInt8(ascii: "]"))
        count += 1
    }

    var text: String { String(decoding: bytes + [UInt8(ascii: "]")], as: UTF8.self) }

    /// A JSON array of texts, `["a", "b", …]`.
    struct Texts {
        private var rows = JSONRows()

        mutating func append(_ text: String) {
            if rows.count > 0 { rows.bytes.append(UInt8(ascii: ",")) }
            rows.appendString(text)
            rows.count += 1
        }

        var text: String { rows.text }
    }

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most texts (ids, references, dates) need no escaping and are copied whole; the others (an act's
        // reasons, themselves JSON) are copied a run of plain bytes at a time.
        var plain = text.utf8.startIndex
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: text.utf8[plain..<index])
            plain = text.utf8.index(after: index)
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        bytes.append(contentsOf: text.utf8[plain...])
        bytes.append(UInt8(ascii: "\""))
    }
}
