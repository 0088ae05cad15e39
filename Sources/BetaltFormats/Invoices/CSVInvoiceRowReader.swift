import BetaltCore

/// Turns one CSV record into an `InvoiceRow`, refusing the first field that is wrong.
struct CSVInvoiceRowReader {
    let layout: CSVInvoiceLayout
    let record: CSVRecordReader.Record
    let fileName: String

    func row() throws(FormatError) -> InvoiceRow {
        guard record.fields.count == layout.width else {
            throw FormatError(
                file: fileName, location: .line(record.line),
                message: "the line has \(record.fields.count) fields but the header has \(layout.width) "
                    + "(a separator inside a value needs quotes)")
        }
        let currency = try currency()
        let country = try country()
        let lines = layout.value(.addressLine, in: record).map { [$0] } ?? []
        let postalCode = layout.value(.postalCode, in: record)
        let city = layout.value(.city, in: record)
        let hasAddress = !lines.isEmpty || postalCode != nil || city != nil || country != nil
        return InvoiceRow(
            line: record.line, invoiceNumber: try required(.invoiceNumber),
            issueDate: try date(.issueDate), dueDate: try date(.dueDate),
            amount: try amount(in: currency),
            customerNumber: layout.value(.customerNumber, in: record),
            customerName: try required(.customerName), customerKind: try customerKind(),
            organisationNumber: try organisationNumber(country: country),
            nationalIdentityNumber: layout.value(.nationalIdentityNumber, in: record),
            email: layout.value(.email, in: record),
            address: hasAddress
                ? PostalAddress(lines: lines, postalCode: postalCode, city: city, countryCode: country) : nil,
            paymentReference: layout.value(.paymentReference, in: record).map(PaymentReference.init(checking:)))
    }

    private func required(_ column: CSVInvoiceColumn) throws(FormatError) -> String {
        guard let value = layout.value(column, in: record) else { throw problem(column, "is empty but required") }
        return value
    }

    /// `YYYY-MM-DD`, or `DD.MM.YYYY` as Nordic spreadsheets write dates.
    private func date(_ column: CSVInvoiceColumn) throws(FormatError) -> CivilDate {
        let text = try required(column)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let iso = parts.count == 3 && parts[2].count == 4
            ? "\(parts[2])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[0].count == 1 ? "0" : "")\(parts[0])"
            : text
        do {
            return try CivilDate(iso: iso)
        } catch {
            throw problem(column, "'\(text)' is not a date (expected YYYY-MM-DD or DD.MM.YYYY)")
        }
    }

    private func currency() throws(FormatError) -> Currency {
        let code = try required(.currency)
        do {
            return try Currency.named(code)
        } catch {
            throw problem(.currency, "'\(code)' is not a currency Betalt handles")
        }
    }

    private func amount(in currency: Currency) throws(FormatError) -> Money {
        let text = try required(.amount)
        do {
            return try Money.parse(text, currency: currency)
        } catch {
            throw problem(
                .amount,
                "'\(text)' is not an amount in \(currency.code) (e.g. 1234.50 or 1 234,50, at most "
                    + "\(currency.minorUnitDigits) decimals)")
        }
    }

    private func country() throws(FormatError) -> String? {
        guard let text = layout.value(.country, in: record) else { return nil }
        guard let code = CountryCode.reading(text) else {
            throw problem(.country, "'\(text)' \(CountryCode.expected)")
        }
        return code
    }

    private func customerKind() throws(FormatError) -> CustomerKind? {
        guard let text = layout.value(.customerKind, in: record) else { return nil }
        guard let kind = CustomerKind(rawValue: text.lowercased()) else {
            throw problem(.customerKind, "'\(text)' is neither consumer nor business")
        }
        return kind
    }

    /// Validated when the country is Norway or Sweden; a foreign number is kept as given.
    private func organisationNumber(country: String?) throws(FormatError) -> OrganisationNumber? {
        guard let text = layout.value(.organisationNumber, in: record) else { return nil }
        do {
            switch country {
            case "NO": return .norwegian(try NorwegianOrganisationNumber(validating: text))
            case "SE": return try .swedish(validating: text)
            default: return .other(scheme: nil, value: text)
            }
        } catch {
            throw problem(.organisationNumber, "not a valid organisation number: \(error.description)")
        }
    }

    private func problem(_ column: CSVInvoiceColumn, _ message: String) -> FormatError {
        layout.problem(column, record: record, fileName: fileName, message)
    }
}
