import BetaltCore
import Foundation

/// Reads invoices from a CSV file with the header documented on `CSVInvoiceColumn`. All or nothing: one bad
/// line refuses the file, and the error lists the first problems with their lines and columns.
public enum CSVInvoiceParser {
    /// How many problems one refusal lists; more would bury the first in noise.
    public static let reportedProblemLimit = 20

    public static func parse(_ data: Data, fileName: String) throws(FormatError) -> [InvoiceRow] {
        let text = try decode(data, fileName: fileName)
        let reader = CSVRecordReader(separator: CSVRecordReader.separator(guessedFrom: text))
        let records: [CSVRecordReader.Record]
        do {
            records = try reader.records(text)
        } catch {
            throw FormatError(
                file: fileName, location: .line(error.line, column: error.column), message: error.message)
        }
        guard let header = records.first else {
            throw FormatError(file: fileName, location: .file, message: "the file is empty; it needs at least a header line")
        }
        let layout = try CSVInvoiceLayout(header: header, fileName: fileName)
        var rows: [InvoiceRow] = []
        var problems: [FormatError] = []
        var firstLineOfNumber: [String: Int] = [:]
        for record in records.dropFirst() {
            do throws(FormatError) {
                // Checked before the row itself, so a duplicate of a line that is wrong for another reason is reported too.
                if let number = layout.value(.invoiceNumber, in: record) {
                    if let earlier = firstLineOfNumber[number] {
                        throw layout.problem(
                            .invoiceNumber, record: record, fileName: fileName,
                            "invoice number '\(number)' already appears on line \(earlier)")
                    }
                    firstLineOfNumber[number] = record.line
                }
                rows.append(try CSVInvoiceRowReader(layout: layout, record: record, fileName: fileName).row())
            } catch {
                problems.append(error)
                if problems.count == reportedProblemLimit { break }
            }
        }
        if let first = problems.first {
            throw FormatError(
                file: first.file, location: first.location, field: first.field, message: first.message,
                further: Array(problems.dropFirst()))
        }
        return rows
    }

    /// UTF-8, with the byte-order mark some spreadsheets write dropped.
    private static func decode(_ data: Data, fileName: String) throws(FormatError) -> String {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = data.starts(with: bom) ? data.dropFirst(bom.count) : data[...]
        guard let text = String(data: Data(body), encoding: .utf8) else {
            throw FormatError(
                file: fileName, location: .file,
                message: "the file is not UTF-8 text (a spreadsheet may have saved it as Latin-1: save as \"CSV UTF-8\")")
        }
        return text
    }
}
