import Foundation

/// UUIDs to and from the text the tables hold them in (`UUID.uuidString`'s upper-case form), by hand:
/// Foundation on Linux formats with snprintf and parses with sscanf, about 0.4 µs each, which the daily run
/// and the payment import pay several times a row.
enum UUIDText {
    /// What `id.uuidString` gives.
    static func string(_ id: UUID) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            write(id, into: buffer.baseAddress!)
            return 36
        }
    }

    /// Appends the 36 bytes of `string(id)`.
    static func append(_ id: UUID, to bytes: inout [UInt8]) {
        // Written into a buffer on the stack and appended at once: the daily run appends a few million ids,
        // and growing the array a byte at a time cost as much as the rest of a row.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { buffer in
            write(id, into: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: 36))
        }
    }

    private static func write(_ id: UUID, into out: UnsafeMutablePointer<UInt8>) {
        // Upper-case hex by arithmetic rather than from a table, which as a static needs a lazy-initialisation check per use.
        func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? nibble &+ 48 : nibble &+ 55 }
        withUnsafeBytes(of: id.uuid) { raw in
            var next = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    out[next] = UInt8(ascii: "-")
                    next += 1
                }
                let byte = raw[index]
                out[next] = hex(byte >> 4)
                out[next + 1] = hex(byte & 0x0F)
                next += 2
            }
        }
    }

    /// The UUID `text` writes in the canonical 8-4-4-4-12 form, in either case; nil for anything else.
    static func parse(_ text: String) -> UUID? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(parse) ?? nil
    }

    /// The same for the text's UTF-8 bytes.
    static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard utf8.count == 36 else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
            var position = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    guard utf8[position] == UInt8(ascii: "-") else { return false }
                    position += 1
                }
                guard let high = nibble(utf8[position]), let low = nibble(utf8[position + 1]) else { return false }
                out[index] = high << 4 | low
                position += 2
            }
            return true
        }
        return valid ? UUID(uuid: bytes) : nil
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
