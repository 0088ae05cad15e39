import BetaltCore

/// The OCR giro record types, by the code in positions 7–8.
enum NetsRecordType: String {
    case startTransmission = "10"
    case startAssignment = "20"
    case amountItem1 = "30"
    case amountItem2 = "31"
    case amountItem3 = "32"
    case endAssignment = "88"
    case endTransmission = "89"

    var name: String {
        switch self {
        case .startTransmission: "start of transmission (type 10)"
        case .startAssignment: "start of assignment (type 20)"
        case .amountItem1: "amount item 1 (type 30)"
        case .amountItem2: "amount item 2 (type 31)"
        case .amountItem3: "amount item 3 (type 32)"
        case .endAssignment: "end of assignment (type 88)"
        case .endTransmission: "end of transmission (type 89)"
        }
    }
}

/// Walks the records in order, checking each line's length, format code and record type as it is taken.
struct NetsRecordCursor {
    let lines: [FixedWidthLine]
    let fileName: String
    /// How many records have been taken; the end records count records, so this is their yardstick.
    private(set) var consumed = 0

    init(lines: [FixedWidthLine], fileName: String) {
        self.lines = lines
        self.fileName = fileName
    }

    /// The next record's type, or nil at the end of the file.
    func peekType() throws(FormatError) -> NetsRecordType? {
        guard consumed < lines.count else { return nil }
        return try Self.type(of: lines[consumed])
    }

    mutating func expect(_ expected: NetsRecordType) throws(FormatError) -> FixedWidthLine {
        guard consumed < lines.count else {
            let last = lines.last?.number ?? 0
            throw FormatError(
                file: fileName, location: .line(last + 1), field: "record type",
                message: "the file ends where \(expected.name) is expected; it is truncated"
            )
        }
        let line = lines[consumed]
        let found = try Self.type(of: line)
        guard found == expected else {
            throw line.error("record type", "found \(found.name) where \(expected.name) is expected")
        }
        consumed += 1
        return line
    }

    func expectEnd() throws(FormatError) {
        guard consumed < lines.count else { return }
        throw lines[consumed].error("record type", "a record after the end of the transmission")
    }

    private static func type(of line: FixedWidthLine) throws(FormatError) -> NetsRecordType {
        guard line.bytes.count == NetsOCRGiroParser.recordLength else {
            throw line.error(nil, "the line is \(line.bytes.count) characters; OCR giro records are \(NetsOCRGiroParser.recordLength)")
        }
        guard line.text(1...2) == "NY" else {
            throw line.error("format code", "'\(line.text(1...2))' is not NY")
        }
        guard let type = NetsRecordType(rawValue: line.text(7...8)) else {
            throw line.error("record type", "unknown record type '\(line.text(7...8))'")
        }
        return type
    }
}

extension FixedWidthLine {
    func require(service: String, positions: ClosedRange<Int>) throws(FormatError) {
        let found = text(positions)
        guard found == service else { throw error("service code", "'\(found)' where \(service) is expected") }
    }

    /// Amount items 2 and 3 repeat the transaction type and number of item 1; a mismatch means records out of order.
    func requireSameTransaction(as item1: FixedWidthLine, number: String) throws(FormatError) {
        try require(service: "09", positions: 3...4)
        guard text(5...6) == item1.text(5...6) else {
            throw error("transaction type", "'\(text(5...6))' differs from amount item 1's '\(item1.text(5...6))' on line \(item1.number)")
        }
        let found = try digits(9...15, field: "transaction number")
        guard found == number else {
            throw error("transaction number", "'\(found)' differs from amount item 1's '\(number)' on line \(item1.number)")
        }
    }

    /// An end record's count or sum must equal what the records before it add up to.
    func check(_ positions: ClosedRange<Int>, field: String, states computed: Int64, _ unit: String) throws(FormatError) {
        let stated = try integer(positions, field: field)
        guard stated == computed else {
            throw error(field, "the end record states \(stated) \(unit) but the records add up to \(computed)")
        }
    }
}
