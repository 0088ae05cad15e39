import BetaltCore
import BetaltFormats
import BetaltStore
import Foundation

/// The imports page: an upload form for invoices and one for payments, each with its last result, and the
/// recently imported files.
struct ImportsPage: Encodable {
    let frame: PageFrame
    let csrf: String
    /// Invoices first, then payments.
    let forms: [UploadFormView]
    let recent: [ImportedFileRow]
    let hasRecent: Bool
}

/// Which upload form a request concerns.
enum ImportKind: String {
    case invoices
    case payments
}

/// What an upload came to: a summary, a refusal naming where the file is wrong, or no file at all.
enum ImportOutcome {
    case imported(ImportSummary)
    case malformed(FormatError)
    case refused(ImportRefused)
    case missingFile
    /// A ZIP archive: each file imported on its own (all or nothing per file), some perhaps refused.
    case archive(imported: [ImportSummary], refused: [ImportOutcome])
}

/// One upload form and, after a post to it, what happened.
struct UploadFormView: Encodable {
    let kind: String
    let action: String
    let title: String
    let hint: String
    let results: [ImportResultView]
    let hasResults: Bool
    let problems: [ProblemLine]
    let hasProblems: Bool
    let fieldError: String?
    let badge: StatusBadge?

    struct ProblemLine: Encodable {
        let file: String
        let place: String
        let field: String?
        let message: String
    }

    init(_ kind: ImportKind, creditorID: UUID, outcome: ImportOutcome?, language: Language, words: [String: String]) {
        self.kind = kind.rawValue
        action = "/creditors/\(creditorID.uuidString)/imports/\(kind.rawValue)"
        title = words[kind == .invoices ? "importInvoices" : "importPayments"]!
        hint = words[kind == .invoices ? "invoicesHint" : "paymentsHint"]!
        switch outcome {
        case .imported(let summary):
            results = [ImportResultView(summary, language: language, words: words)]
            problems = []
            fieldError = nil
        case .archive(let imported, let refused):
            results = imported.map { ImportResultView($0, language: language, words: words) }
            problems = refused.flatMap(Self.problems)
            fieldError = refused.isEmpty ? nil : words["archivePartlyRefused"]
        case .malformed, .refused:
            results = []
            problems = outcome.map(Self.problems) ?? []
            fieldError = words["importRefused"]
        case .missingFile:
            results = []
            problems = []
            fieldError = words["chooseFile"]
        case nil:
            results = []
            problems = []
            fieldError = nil
        }
        hasResults = !results.isEmpty
        hasProblems = !problems.isEmpty
        badge = switch outcome {
        case .imported: StatusBadge(label: words["status.imported"]!, tone: "good")
        case .archive(let imported, _) where !imported.isEmpty: StatusBadge(label: words["status.imported"]!, tone: "good")
        case .archive, .malformed, .refused: StatusBadge(label: words["status.refused"]!, tone: "danger")
        case .missingFile, nil: nil
        }
    }

    /// What a refused file's problems are, each naming its file and place.
    private static func problems(_ outcome: ImportOutcome) -> [ProblemLine] {
        switch outcome {
        case .malformed(let error):
            error.all.map { ProblemLine(file: $0.file, place: $0.location.description, field: $0.field, message: $0.message) }
        case .refused(let refusal):
            [ProblemLine(file: refusal.fileName, place: "", field: nil, message: refusal.reason)]
        case .imported, .archive, .missingFile:
            []
        }
    }
}

/// An import summary in plain words: one labelled count per line, then what a person should read.
struct ImportResultView: Encodable {
    struct Count: Encodable {
        let key: String
        let label: String
        let value: String
    }

    let fileName: String
    let format: String
    let counts: [Count]
    let details: [String]
    let hasDetails: Bool

    init(_ summary: ImportSummary, language: Language, words: [String: String]) {
        fileName = summary.fileName
        format = summary.format
        func count(_ key: String, _ value: Int) -> Count { Count(key: key, label: words["sum.\(key)"]!, value: String(value)) }
        if summary.kind == ImportKind.invoices.rawValue {
            counts = [
                count("invoicesCreated", summary.invoicesCreated), count("invoicesUnchanged", summary.invoicesUnchanged),
                count("invoicesChanged", summary.invoicesChanged.count), count("creditNotesApplied", summary.creditNotesApplied),
                count("flaggedReferences", summary.flaggedReferences.count),
                count("customerDifferences", summary.customerDifferences?.count ?? 0),
            ]
            details = summary.invoicesChanged + summary.flaggedReferences + (summary.customerDifferences ?? [])
        } else {
            counts = [
                count("paymentsMatched", summary.paymentsMatched), count("paymentsUnmatched", summary.paymentsUnmatched.count),
                count("paymentsAlreadyBooked", summary.paymentsAlreadyBooked ?? 0),
            ]
                + summary.overpayments.sorted(by: { $0.key < $1.key }).map {
                    let currency = (try? Currency.named($0.key)) ?? Currency(code: $0.key)
                    return Count(key: "overpaid", label: words["sum.overpaid"]!, value: Money(minorUnits: $0.value, currency: currency).formatted(language))
                }
            details = summary.paymentsUnmatched
        }
        hasDetails = !details.isEmpty
    }

    /// The counts in one line, for the list of recent files.
    var line: String { counts.filter { $0.value != "0" }.map { "\($0.label): \($0.value)" }.joined(separator: " · ") }
}

/// One file in the list of recent imports.
struct ImportedFileRow: Encodable {
    let fileName: String
    let kind: String
    let format: String
    let when: String
    let whenISO: String
    let counts: String

    init(_ record: ImportedFileRecord, timeZone: String, language: Language, words: [String: String]) {
        fileName = record.fileName
        kind = words["kind.\(record.kind)"] ?? record.kind
        format = record.format
        let at = record.importedAt ?? Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Europe/Oslo")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: at)
        let day = (try? CivilDate(parts.year!, parts.month!, parts.day!))?.formatted(language) ?? ""
        when = day + " " + String(format: "%02d:%02d", parts.hour!, parts.minute!)
        whenISO = ISO8601DateFormatter().string(from: at)
        let summary = try? JSONDecoder().decode(ImportSummary.self, from: Data(record.summary.utf8))
        counts = summary.map { ImportResultView($0, language: language, words: words).line } ?? ""
    }
}
