/// Splits CSV text into records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes,
/// CRLF or LF), remembering the line each record starts on so errors can name it.
///
/// Written here rather than taken from a library: the well-kept ones (yaslab/CSV.swift, SwiftCSV) would
/// need a package dependency, and neither reports the physical line of a record that spans lines.
struct CSVRecordReader {
    /// One record: its first physical line (1-based) and its fields, unquoted.
    struct Record: Equatable {
        let line: Int
        let fields: [String]
    }

    /// A quoting mistake, at the line and 1-based column where it was found.
    struct Problem: Error, Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    let separator: Character

    /// The records of `text`; blank lines (spreadsheets often end with some) are skipped.
    func records(_ text: String) throws(Problem) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteOpenedOn = 1
        var fieldWasQuoted = false
        var iterator = text.makeIterator()
        var pending: Character?

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case separator:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw Problem(line: line, column: fields.count + 1,
                                  message: "a quote in the middle of a field (quote the whole field and double inner quotes)")
                }
                quoted = true
                fieldWasQuoted = true
                quoteOpenedOn = line
            default:
                guard !fieldWasQuoted else {
                    throw Problem(line: line, column: fields.count + 1,
                                  message: "text after the closing quote of a field")
                }
                field.append(character)
            }
        }
        if quoted {
            throw Problem(line: quoteOpenedOn, column: fields.count + 1,
                          message: "a quote opened here is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }

    /// `;` when the header has more semicolons than commas (a spreadsheet export with decimal commas), else `,`.
    static func separator(guessedFrom text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        return header.filter { $0 == ";" }.count > header.filter { $0 == "," }.count ? ";" : ","
    }
}
