/// Which field of a record holds which column, read from the header line.
struct CSVInvoiceLayout {
    private let positions: [CSVInvoiceColumn: Int]
    let width: Int

    /// Refuses unknown, repeated or missing required columns: a typo in a header must not drop data silently.
    init(header: CSVRecordReader.Record, fileName: String) throws(FormatError) {
        var positions: [CSVInvoiceColumn: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = CSVInvoiceColumn(rawValue: trimmed) else {
                throw FormatError(
                    file: fileName, location: .line(header.line, column: index + 1), field: name,
                    message: "unknown column '\(name)'; the columns are "
                        + CSVInvoiceColumn.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard positions[column] == nil else {
                throw FormatError(
                    file: fileName, location: .line(header.line, column: index + 1), field: name,
                    message: "the column '\(trimmed)' appears twice")
            }
            positions[column] = index
        }
        let missing = CSVInvoiceColumn.allCases.filter { $0.isRequired && positions[$0] == nil }
        guard missing.isEmpty else {
            throw FormatError(
                file: fileName, location: .line(header.line),
                message: "the header lacks the required column(s) " + missing.map(\.rawValue).joined(separator: ", "))
        }
        self.positions = positions
        width = header.fields.count
    }

    /// The trimmed value of `column` in `record`, nil when the column is absent or the value empty.
    func value(_ column: CSVInvoiceColumn, in record: CSVRecordReader.Record) -> String? {
        guard let index = positions[column], index < record.fields.count else { return nil }
        let value = record.fields[index].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// An error at `column` of `record`.
    func problem(
        _ column: CSVInvoiceColumn, record: CSVRecordReader.Record, fileName: String, _ message: String
    ) -> FormatError {
        FormatError(
            file: fileName, location: .line(record.line, column: positions[column].map { $0 + 1 }),
            field: column.rawValue, message: message)
    }
}
