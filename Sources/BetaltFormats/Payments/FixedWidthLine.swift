import BetaltCore
import Foundation

/// One record line of a fixed-width bank file, kept as ISO-8859-1 bytes (one byte, one character).
///
/// Nets OCR giro and Bankgirot BgMax are read by hand: no library reads these Nordic formats, and
/// their specs name fields by 1-based positions, which is how `text(_:)` and friends take them.
struct FixedWidthLine {
    let fileName: String
    let number: Int
    let bytes: [UInt8]

    var location: FormatError.Location { .line(number) }

    /// The characters at 1-based `positions`; positions past the end of a short line read as spaces.
    func text(_ positions: ClosedRange<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        for position in positions {
            let index = position - 1
            scalars.append(Unicode.Scalar(index < bytes.count ? bytes[index] : 0x20))
        }
        return String(scalars)
    }

    /// The field without its space padding; nil when blank.
    func trimmed(_ positions: ClosedRange<Int>) -> String? {
        let value = text(positions).trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// A numeric field, which the specs fill with zeros on the left: every position must be a digit.
    func digits(_ positions: ClosedRange<Int>, field: String) throws(FormatError) -> String {
        let value = text(positions)
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw error(field, "'\(value)' is not \(positions.count) digits")
        }
        return value
    }

    /// A numeric field as a number.
    func integer(_ positions: ClosedRange<Int>, field: String) throws(FormatError) -> Int64 {
        let value = try digits(positions, field: field)
        guard let number = Int64(value) else { throw error(field, "'\(value)' is too large") }
        return number
    }

    /// A numeric field with its zero padding removed; nil when all zeros (the specs' "not given").
    func significantDigits(_ positions: ClosedRange<Int>, field: String) throws(FormatError) -> String? {
        let value = try digits(positions, field: field).drop { $0 == "0" }
        return value.isEmpty ? nil : String(value)
    }

    /// Adds an amount to a running total; absurd amounts must be refused, not crash the import by overflowing.
    func adding(_ amount: Int64, to total: Int64, field: String) throws(FormatError) -> Int64 {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        guard !overflow else { throw error(field, "the amounts add up to more than can be counted") }
        return sum
    }

    func error(_ field: String?, _ message: String) -> FormatError {
        FormatError(file: fileName, location: location, field: field, message: message)
    }
}

/// Splitting and encoding checks shared by the fixed-width formats.
enum FixedWidthText {
    /// The file's lines, split on LF with a CR before it dropped; blank lines after the last record are ignored.
    static func lines(_ data: Data, fileName: String, allowingTabs: Bool) throws(FormatError) -> [FixedWidthLine] {
        try rejectUnicode(data, fileName: fileName)
        var lines: [FixedWidthLine] = []
        var current: [UInt8] = []
        var lineNumber = 1
        for byte in data {
            if byte == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(FixedWidthLine(fileName: fileName, number: lineNumber, bytes: current))
                current = []
                lineNumber += 1
                continue
            }
            let isControl = byte < 0x20 || (0x7F...0x9F).contains(byte)
            if isControl && !(byte == 0x0D || (allowingTabs && byte == 0x09)) {
                throw FormatError(
                    file: fileName, location: .line(lineNumber), field: nil,
                    message: "control character 0x\(String(byte, radix: 16, uppercase: true)) in the text; the file is not ISO-8859-1 text"
                )
            }
            current.append(byte)
        }
        if !current.isEmpty { lines.append(FixedWidthLine(fileName: fileName, number: lineNumber, bytes: current)) }
        while let last = lines.last, last.bytes.allSatisfy({ $0 == 0x20 }) { lines.removeLast() }
        return lines
    }

    /// Both formats are single-byte text; UTF-8 or UTF-16 would silently garble names, so they are refused.
    private static func rejectUnicode(_ data: Data, fileName: String) throws(FormatError) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw FormatError(file: fileName, location: .line(1), message: "the file starts with a UTF-8 byte order mark; it must be ISO-8859-1 text")
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw FormatError(file: fileName, location: .line(1), message: "the file is UTF-16; it must be ISO-8859-1 text")
        }
        // Letters like å encoded as UTF-8 are also valid ISO-8859-1 bytes ("Ã¥"); real Latin-1 text
        // with such letters is almost never valid UTF-8, so valid UTF-8 with non-ASCII bytes is refused.
        guard let firstHigh = data.firstIndex(where: { $0 >= 0x80 }), String(data: data, encoding: .utf8) != nil else { return }
        let line = data[data.startIndex..<firstHigh].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        throw FormatError(file: fileName, location: .line(line), message: "the file is UTF-8; it must be ISO-8859-1 text")
    }
}
