import Foundation

/// UUIDs to and from the text the tables hold them in (`UUID.uuidString`'s upper-case form), by hand:
/// Foundation on Linux formats with snprintf and parses with sscanf, about 0.4 µs each, which the daily run
/// and the payment import pay several times a row.
enum UUIDText {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// What `id.uuidString` gives.
    static func string(_ id: UUID) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var next = 0
            write(id) { byte in
                buffer[next] = byte
                next += 1
            }
            return 36
        }
    }

    /// Appends the 36 bytes of `string(id)`.
    static func append(_ id: UUID, to bytes: inout [UInt8]) {
        write(id) { bytes.append($0) }
    }

    private static func write(_ id: UUID, _ emit: (UInt8) -> Void) {
        withUnsafeBytes(of: id.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { emit(UInt8(ascii: "-")) }
                emit(hexDigits[Int(byte >> 4)])
                emit(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// The UUID `text` writes in the canonical 8-4-4-4-12 form, in either case; nil for anything else.
    static func parse(_ text: String) -> UUID? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(parse) ?? nil
    }

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> UUID? {
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
