import BetaltCore
import Foundation

/// Reads a Bankgirot BgMax file (Sweden): payments to the creditor's bankgiro, grouped by deposit.
///
/// Layout from Bankgirot's "Bankgiro Inbetalningar, technical manual" and its published example:
/// ISO-8859-1 records of up to 80 characters; TK01 starts the file, each deposit section runs from
/// TK05 to TK15, TK70 ends the file. A payment is a TK20 (or a TK21 deduction) with the TK22–TK29
/// records after it. Amounts are in öre.
public enum BgMaxParser {
    static let maximumLength = 80
    /// Bankgirot's own example has TAB characters where spaces belong; they stand for 8-column tab stops.
    static let tabWidth = 8

    public static func parse(_ data: Data, fileName: String) throws(FormatError) -> PaymentFile {
        let lines = try FixedWidthText.lines(data, fileName: fileName, allowingTabs: true).map { line throws(FormatError) in
            try expandingTabs(line)
        }
        guard let first = lines.first else {
            throw FormatError(file: fileName, location: .file, message: "the file is empty")
        }
        var reader = BgMaxReader(fileName: fileName)
        let header = try reader.readStart(first)
        for line in lines.dropFirst() {
            try reader.read(line)
        }
        guard reader.isEnded else {
            throw FormatError(
                file: fileName, location: .line(lines.count + 1), field: "transaction code",
                message: "the file ends without an end record (TK70); it is truncated"
            )
        }
        return PaymentFile(
            format: .bgMax, fileName: fileName, fileId: header.timestamp, createdOn: header.createdOn,
            isTest: header.isTest, batches: reader.deposits
        )
    }

    /// Records are short enough that trailing blanks are sometimes dropped (tolerated: fields past the end
    /// read as blanks), but a record longer than 80 characters has lost its layout.
    private static func expandingTabs(_ line: FixedWidthLine) throws(FormatError) -> FixedWidthLine {
        var expanded: [UInt8] = []
        for byte in line.bytes {
            if byte == 0x09 {
                let spaces = tabWidth - expanded.count % tabWidth
                expanded.append(contentsOf: repeatElement(0x20, count: spaces))
            } else {
                expanded.append(byte)
            }
        }
        guard expanded.count <= maximumLength else {
            throw line.error(nil, "the line is \(expanded.count) characters; BgMax records are at most \(maximumLength)")
        }
        return FixedWidthLine(fileName: line.fileName, number: line.number, bytes: expanded)
    }
}
