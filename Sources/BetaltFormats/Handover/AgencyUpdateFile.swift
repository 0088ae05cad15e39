import BetaltCore
import Foundation

/// An agency's updates about the cases it holds (schemas/agency-update-1.schema.json), as JSON or as CSV
/// with a header: `update_id, claim_id, date, type, status, amount, currency, text`.
public struct AgencyUpdateFile: Sendable {
    /// An update and where it stands in the file, so a refusal can name the line or JSON path.
    public struct Entry: Sendable {
        public let update: AgencyUpdate
        public let location: FormatError.Location
    }

    public static let formatName = "betalt-agency-update"
    public static let currentVersion = 1

    /// The agency agreement the file is about; a CSV file does not say, so the importer must.
    public let agreementReference: String?
    public let entries: [Entry]

    /// Reads JSON when the file starts with `{`, CSV otherwise. Every problem found names its place.
    public static func parse(_ data: Data, fileName: String) throws(FormatError) -> AgencyUpdateFile {
        guard !data.isEmpty else { throw FormatError(file: fileName, location: .file, message: "the file is empty") }
        guard data.count <= 50_000_000 else { throw FormatError(file: fileName, location: .file, message: "the file is larger than 50 MB") }
        let first = data.first { !(" \t\r\n" as String).utf8.contains($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "{") ? try parseJSON(data, fileName: fileName) : try parseCSV(data, fileName: fileName)
    }

    /// The JSON form of one update, as the schema describes it.
    struct WireUpdate: Codable {
        var updateID: String
        var claimID: String
        var date: String
        var type: String
        var status: String?
        var amount: HandoverManifest.Amount?
        var text: String?
    }

    struct WireDocument: Codable {
        var format: String
        var version: Int
        var agreementReference: String
        var updates: [WireUpdate]
    }

    private static func parseJSON(_ data: Data, fileName: String) throws(FormatError) -> AgencyUpdateFile {
        let document: WireDocument
        do {
            document = try JSONDecoder().decode(WireDocument.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw FormatError(file: fileName, location: .path(pointer(context.codingPath)), field: key.stringValue, message: "is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw FormatError(file: fileName, location: .path(pointer(context.codingPath.dropLast())),
                              field: context.codingPath.last?.stringValue, message: "has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            throw FormatError(file: fileName, location: .path(pointer(context.codingPath)), message: "is not valid JSON: \(context.debugDescription)")
        } catch {
            throw FormatError(file: fileName, location: .file, message: "is not valid JSON")
        }
        guard document.format == formatName else {
            throw FormatError(file: fileName, location: .path("/format"), field: "format", message: "must be \"\(formatName)\", not \"\(document.format)\"")
        }
        guard document.version == currentVersion else {
            throw FormatError(file: fileName, location: .path("/version"), field: "version", message: "version \(document.version) is not known; this Betalt reads version \(currentVersion)")
        }
        var entries: [Entry] = []
        for (index, wire) in document.updates.enumerated() {
            let place = "/updates/\(index)"
            func problem(_ field: String, _ message: String) -> FormatError {
                FormatError(file: fileName, location: .path("\(place)/\(field)"), field: field, message: message)
            }
            let amount: Money?
            if let wireAmount = wire.amount {
                guard let currency = try? Currency.named(wireAmount.currency) else { throw problem("amount", "'\(wireAmount.currency)' is not a currency Betalt knows") }
                amount = Money(minorUnits: wireAmount.minorUnits, currency: currency)
            } else {
                amount = nil
            }
            let update = try update(key: wire.updateID, claimID: wire.claimID, date: wire.date, type: wire.type, status: wire.status,
                                    amount: amount, text: wire.text ?? "", problem: problem)
            entries.append(Entry(update: update, location: .path(place)))
        }
        return AgencyUpdateFile(agreementReference: document.agreementReference, entries: entries)
    }

    private static func parseCSV(_ data: Data, fileName: String) throws(FormatError) -> AgencyUpdateFile {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError(file: fileName, location: .file, message: "is not UTF-8 text (save the CSV as UTF-8)")
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let records: [CSVRecordReader.Record]
        do {
            records = try CSVRecordReader(separator: CSVRecordReader.separator(guessedFrom: body)).records(body)
        } catch {
            throw FormatError(file: fileName, location: .line(error.line, column: error.column), message: error.message)
        }
        guard let header = records.first else { throw FormatError(file: fileName, location: .file, message: "the file is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for required in ["update_id", "claim_id", "date", "type"] where !names.contains(required) {
            throw FormatError(file: fileName, location: .line(header.line), field: required, message: "the header has no \(required) column")
        }
        let known = Set(["update_id", "claim_id", "date", "type", "status", "amount", "currency", "text"])
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw FormatError(file: fileName, location: .line(header.line), field: unknown, message: "is not a column of an agency update file")
        }
        var entries: [Entry] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                throw FormatError(file: fileName, location: .line(record.line), message: "has \(record.fields.count) fields, the header \(names.count)")
            }
            func value(_ name: String) -> String? {
                names.firstIndex(of: name).map { record.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            func problem(_ field: String, _ message: String) -> FormatError {
                // The JSON form's names, as the CSV header writes them.
                let column = field == "updateID" ? "update_id" : field == "claimID" ? "claim_id" : field
                return FormatError(file: fileName, location: .line(record.line, column: names.firstIndex(of: column).map { $0 + 1 }),
                                   field: column, message: message)
            }
            var amount: Money?
            if let amountText = value("amount") {
                guard let code = value("currency"), let currency = try? Currency.named(code) else {
                    throw problem("currency", "an amount needs a currency Betalt knows (NOK, SEK, EUR)")
                }
                do { amount = try Money.parse(amountText, currency: currency) } catch { throw problem("amount", "'\(amountText)' is not an amount") }
            }
            let update = try update(key: value("update_id") ?? "", claimID: value("claim_id") ?? "", date: value("date") ?? "",
                                    type: value("type") ?? "", status: value("status"), amount: amount, text: value("text") ?? "", problem: problem)
            entries.append(Entry(update: update, location: .line(record.line)))
        }
        return AgencyUpdateFile(agreementReference: nil, entries: entries)
    }

    /// One update from its fields, whichever form they came in.
    private static func update(
        key: String, claimID: String, date: String, type: String, status: String?, amount: Money?, text: String,
        problem: (String, String) -> FormatError
    ) throws(FormatError) -> AgencyUpdate {
        guard !key.isEmpty else { throw problem("updateID", "is empty; the agency's own id of the update is needed") }
        guard key.count <= 100 else { throw problem("updateID", "is longer than 100 characters") }
        guard UUID(uuidString: claimID) != nil else { throw problem("claimID", "'\(claimID)' is not a case's claimID from the handover manifest") }
        guard let day = try? CivilDate(iso: date) else { throw problem("date", "'\(date)' is not a date (YYYY-MM-DD)") }
        let change: AgencyUpdate.Change
        switch type {
        case "status":
            guard let status, let known = AgencyCaseStatus(rawValue: status) else {
                throw problem("status", "'\(status ?? "")' is not one of \(AgencyCaseStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            change = .status(known)
        case "payment", "remittance", "fee":
            guard let amount else { throw problem("amount", "a \(type) needs an amount") }
            guard amount.isPositive else { throw problem("amount", "must be more than zero") }
            change = type == "payment" ? .payment(amount) : type == "fee" ? .fee(amount) : .remittance(amount)
        case "recallConfirmed":
            change = .recallConfirmed
        default:
            throw problem("type", "'\(type)' is not one of status, payment, remittance, fee, recallConfirmed")
        }
        return AgencyUpdate(key: key, claimID: claimID.lowercased(), date: day, change: change, text: String(text.prefix(2000)))
    }

    /// A JSON Pointer (RFC 6901) to a place in the document: "/updates/2/amount".
    private static func pointer(_ path: some Sequence<any CodingKey>) -> String {
        let parts = path.map { key in key.intValue.map(String.init) ?? key.stringValue }
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/")
    }
}
