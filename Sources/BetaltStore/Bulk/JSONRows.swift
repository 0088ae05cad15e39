import Foundation

/// One value of a bulk row.
enum BulkValue {
    case text(String)
    /// Written as `UUID.uuidString` writes it (upper-case hex), the form the tables hold ids in.
    case uuid(UUID)
    case integer(Int64)
    case boolean(Bool)
    case null

    static func optional(_ text: String?) -> BulkValue { text.map(BulkValue.text) ?? .null }
    static func optional(_ id: UUID?) -> BulkValue { id.map(BulkValue.uuid) ?? .null }
}

/// Rows for a bulk statement as one JSON text, `[[v1, v2, …], …]`, which SQLite (jsonb_each) and PostgreSQL
/// (json_array_elements) unpack in C: one bound parameter per statement instead of one per value, each of
/// which would go through an Encodable encoder. Written by hand, on UTF-8 bytes, because JSONEncoder has no
/// positional form and is several times slower for this shape; ids and numbers are written straight into the
/// bytes, as making a String of each cost more than the rest of a row.
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
            case .uuid(let id): appendUUID(id)
            case .integer(let number): appendInteger(number)
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

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func appendUUID(_ id: UUID) {
        bytes.append(UInt8(ascii: "\""))
        UUIDText.append(id, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendInteger(_ number: Int64) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // Twenty digits hold any UInt64; they are filled from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    private mutating func appendString(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { appendString($0) }
    }

    private mutating func appendString(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        // Most texts (ids, references, dates) need no escaping and are copied whole; the others (an act's
        // reasons, themselves JSON) are copied a run of plain bytes at a time.
        var plain = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            plain = index + 1
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            default:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        bytes.append(UInt8(ascii: "\""))
    }
}
