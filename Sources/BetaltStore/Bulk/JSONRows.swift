import Foundation

/// One value of a bulk row.
enum BulkValue {
    case text(String)
    /// A text given as its UTF-8 bytes (made by hand, as an act's reasons are), written without a String of it.
    case utf8([UInt8])
    /// Written as `UUID.uuidString` writes it (upper-case hex), the form the tables hold ids in.
    case uuid(UUID)
    case integer(Int64)
    case boolean(Bool)
    case null

    static func optional(_ text: String?) -> BulkValue { text.map(BulkValue.text) ?? .null }
    static func optional(_ id: UUID?) -> BulkValue { id.map(BulkValue.uuid) ?? .null }
}

/// Rows for a bulk statement as one JSON text, `[[v1, v2, …], …]`, which SQLite (jsonb_each) and PostgreSQL
/// (jsonb_array_elements) unpack in C: one bound parameter per statement instead of one per value, each of
/// which would go through an Encodable encoder. Written by hand, on UTF-8 bytes, because JSONEncoder has no
/// positional form and is several times slower for this shape; ids and numbers are written straight into the
/// bytes, as making a String of each cost more than the rest of a row.
struct JSONRows {
    private var bytes: [UInt8] = [UInt8(ascii: "[")]
    private(set) var count = 0

    mutating func append(_ values: BulkValue...) { append(values) }

    mutating func append(_ values: [BulkValue]) {
        precondition(finished == nil, "rows appended after finish()")
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch value {
            case .text(let text): JSONString.append(text, to: &bytes)
            case .utf8(let utf8): utf8.withUnsafeBufferPointer { JSONString.append(utf8: $0, to: &bytes) }
            case .uuid(let id): appendUUID(id)
            case .integer(let number): appendInteger(number)
            case .boolean(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            case .null: bytes.append(contentsOf: "null".utf8)
            }
        }
        bytes.append(UInt8(ascii: "]"))
        count += 1
    }

    var text: String { finished ?? String(decoding: bytes + [UInt8(ascii: "]")], as: UTF8.self) }

    /// The text made once the last row is in, on the caller's core: the statement that binds it later then
    /// does not make it (a copy and a UTF-8 check of a megabyte a batch) on the database's side.
    mutating func finish() {
        guard finished == nil else { return }
        bytes.append(UInt8(ascii: "]"))
        finished = String(decoding: bytes, as: UTF8.self)
        bytes = []
    }

    private var finished: String?

    /// A JSON array of texts, `["a", "b", …]`.
    struct Texts {
        private var rows = JSONRows()

        mutating func append(_ text: String) {
            if rows.count > 0 { rows.bytes.append(UInt8(ascii: ",")) }
            JSONString.append(text, to: &rows.bytes)
            rows.count += 1
        }

        var text: String { rows.text }
    }

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
}
