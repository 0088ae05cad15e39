import Foundation

/// Rows read back as one JSON text, `[[v1, v2, …], …]`, built by the database in C (SQLite json_group_array,
/// PostgreSQL json_agg; see `BulkStatement.rows`): the driver hands over one value per statement, where
/// decoding a column through SQLKit's Codable path costs about a microsecond and a batch has tens of
/// thousands of them. The reader takes values by position: the order of the statement's columns.
struct JSONRowsReader {
    /// One value of a row, as JSON gives it. A text without escapes (nearly every one) is kept as where it
    /// stands in the JSON, and made a String only when asked for: a batch of due claims holds millions of values,
    /// most of them ids read straight from their bytes and many never read at all.
    enum Value {
        case plain(Range<Int>)
        case text(String)
        case integer(Int64)
        case boolean(Bool)
        case null
    }

    /// The JSON's bytes and every row's values one after the other, shared by the rows.
    fileprivate final class Storage: Sendable {
        let bytes: [UInt8]
        let values: [Value]
        init(bytes: [UInt8], values: [Value]) {
            self.bytes = bytes
            self.values = values
        }
    }

    struct Row {
        private let storage: Storage
        private let start: Int
        let count: Int

        fileprivate init(storage: Storage, start: Int, count: Int) {
            self.storage = storage
            self.start = start
            self.count = count
        }

        private func value(_ index: Int) throws -> Value {
            guard index >= 0, index < count else { throw UnreadableRows(reason: "no column \(index) in a row of \(count)") }
            return storage.values[start + index]
        }

        func text(_ index: Int) throws -> String {
            switch try value(index) {
            case .plain(let range): return String(decoding: storage.bytes[range], as: UTF8.self)
            case .text(let text): return text
            case let other: throw UnreadableRows(reason: "column \(index) is not text: \(shown(other))")
            }
        }

        /// A value as an error message quotes it: a text as the JSON has it, not as where it stands there.
        private func shown(_ value: Value) -> String {
            switch value {
            case .plain(let range): "\"\(String(decoding: storage.bytes[range], as: UTF8.self))\""
            case .text(let text): "\"\(text)\""
            case .integer(let number): String(number)
            case .boolean(let flag): String(flag)
            case .null: "null"
            }
        }

        func optionalText(_ index: Int) throws -> String? {
            if case .null = try value(index) { return nil }
            return try text(index)
        }

        func integer(_ index: Int) throws -> Int64 {
            guard case .integer(let number) = try value(index) else {
                throw UnreadableRows(reason: "column \(index) is not an integer: \(shown(try value(index)))")
            }
            return number
        }

        /// SQLite keeps booleans as 0 and 1, PostgreSQL as true and false.
        func boolean(_ index: Int) throws -> Bool {
            switch try value(index) {
            case .boolean(let flag): return flag
            case .integer(let number): return number != 0
            case let other: throw UnreadableRows(reason: "column \(index) is not a boolean: \(shown(other))")
            }
        }

        /// A UUID column's text in the form `UUID.uuidString` gives (PostgreSQL writes UUIDs in lower case).
        func uuidText(_ index: Int) throws -> String {
            let text = try text(index)
            return text.utf8.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f") } ? text.uppercased() : text
        }

        func uuid(_ index: Int) throws -> UUID {
            let id: UUID? = switch try value(index) {
            case .plain(let range): storage.bytes.withUnsafeBufferPointer { UUIDText.parse(UnsafeBufferPointer(rebasing: $0[range])) }
            case .text(let text): UUIDText.parse(text)
            default: nil
            }
            guard let id else { throw UnreadableRows(reason: "column \(index) is not a UUID") }
            return id
        }
    }

    let rows: [Row]

    init(_ text: String) throws {
        var parser = Parser(bytes: Array(text.utf8))
        let bounds = try parser.rows()
        let storage = Storage(bytes: parser.bytes, values: parser.values)
        rows = bounds.map { Row(storage: storage, start: $0.lowerBound, count: $0.count) }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        /// Every row's values, one row after the other.
        var values: [Value] = []

        /// Each row's place in `values`.
        mutating func rows() throws -> [Range<Int>] {
            var rows: [Range<Int>] = []
            try expect(UInt8(ascii: "["))
            if try peek() == UInt8(ascii: "]") { index += 1; return rows }
            repeat {
                let start = values.count
                try row()
                rows.append(start..<values.count)
            } while try separator(closing: UInt8(ascii: "]"))
            return rows
        }

        private mutating func row() throws {
            try expect(UInt8(ascii: "["))
            if try peek() == UInt8(ascii: "]") { index += 1; return }
            repeat {
                values.append(try value())
            } while try separator(closing: UInt8(ascii: "]"))
        }

        /// True after a comma, false after the closing bracket.
        private mutating func separator(closing: UInt8) throws -> Bool {
            let byte = try peek()
            index += 1
            if byte == UInt8(ascii: ",") { return true }
            if byte == closing { return false }
            throw UnreadableRows(reason: "unexpected '\(Character(Unicode.Scalar(byte)))' at \(index - 1)")
        }

        private mutating func value() throws -> Value {
            switch try peek() {
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "n"): try word("null"); return .null
            case UInt8(ascii: "t"): try word("true"); return .boolean(true)
            case UInt8(ascii: "f"): try word("false"); return .boolean(false)
            default: return .integer(try integer())
            }
        }

        private mutating func integer() throws -> Int64 {
            var negative = false
            if bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
            var number: Int64 = 0, digits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                number = number * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                index += 1
                digits += 1
            }
            guard digits > 0 else { throw UnreadableRows(reason: "a value that is neither text, integer, boolean nor null at \(index)") }
            return negative ? -number : number
        }

        private mutating func string() throws -> Value {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
            guard index < bytes.count else { throw UnreadableRows(reason: "unterminated text") }
            if bytes[index] == UInt8(ascii: "\"") {
                defer { index += 1 }
                return .plain(start..<index)
            }
            var text = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return .text(String(decoding: text, as: UTF8.self))
                case UInt8(ascii: "\\"): try escape(into: &text)
                default: text.append(byte)
                }
            }
            throw UnreadableRows(reason: "unterminated text")
        }

        private mutating func escape(into text: inout [UInt8]) throws {
            guard index < bytes.count else { throw UnreadableRows(reason: "unterminated escape") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), bytes.count >= index + 6, bytes[index] == UInt8(ascii: "\\"),
                   bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try hex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                text.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default: text.append(byte)
            }
        }

        private mutating func hex4() throws -> UInt32 {
            guard bytes.count >= index + 4 else { throw UnreadableRows(reason: "short \\u escape") }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                value <<= 4
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value |= UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value |= UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): value |= UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw UnreadableRows(reason: "bad \\u escape")
                }
            }
            index += 4
            return value
        }

        private mutating func word(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard bytes.count >= index + count,
                  bytes[index..<index + count].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
            else { throw UnreadableRows(reason: "unknown word at \(index)") }
            index += count
        }

        private mutating func expect(_ byte: UInt8) throws {
            guard try peek() == byte else { throw UnreadableRows(reason: "expected '\(Character(Unicode.Scalar(byte)))' at \(index)") }
            index += 1
        }

        /// The next byte that is not white space (PostgreSQL puts spaces and line breaks between values).
        private mutating func peek() throws -> UInt8 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
            guard index < bytes.count else { throw UnreadableRows(reason: "the rows end too early") }
            return bytes[index]
        }
    }
}

/// Rows the database gave back as JSON that do not read as expected.
struct UnreadableRows: Error, CustomStringConvertible {
    let reason: String
    var description: String { "unreadable rows: \(reason)" }
}
