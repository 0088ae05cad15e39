import BetaltCore
import Foundation

/// Reads an ISO 20022 bank-to-customer notification (camt.054) or statement (camt.053), versions 02 to 08.
///
/// Elements are found by local name, so every version reads alike. Each `Ntfctn`/`Stmt` becomes a batch of
/// the credited payments (and reversals of them) its entries hold; debits, pending entries and returned
/// outgoing payments are skipped and listed by `read`. Any malformed value refuses the whole file.
public enum CamtParser {
    public static func parse(_ data: Data, fileName: String) throws(FormatError) -> PaymentFile {
        try read(data, fileName: fileName).file
    }

    /// The payments, and what was skipped with why.
    ///
    /// Entries (`Ntry`) are read as the document streams past, each into the outcome of the report that
    /// holds it, so a notification of 100,000 payments is never held as one tree.
    ///
    /// `handOver` gets the payments while the document is still being read, `handing` at a time and in file
    /// order, so they can be booked meanwhile; the last ones once the whole file has passed its checks. Their
    /// sources are the paths as far as the document had been read (`Ntry` where the end shows `Ntry[1]`):
    /// the returned reading has the final ones. A refusal may come after payments were handed over.
    public static func read(
        _ data: Data, fileName: String, handing: Int = .max, handOver: ([IncomingPayment]) -> Void = { _ in }
    ) throws(FormatError) -> CamtReading {
        let fields = CamtFieldReader(fileName: fileName)
        let entryReader = CamtEntryReader(fields: fields)
        var outcomes: [Int: CamtEntryReader.Outcome] = [:]
        var pending: [IncomingPayment] = []
        let stream = try XMLReader.stream(data, fileName: fileName, detaching: "Ntry") { (entry, place, soFar) throws(FormatError) in
            // An entry inside another belongs to no report, but a malformed one still refuses the file.
            guard let parent = place.parent else {
                var ignored = CamtEntryReader.Outcome()
                return try entryReader.read(entry, at: place, into: &ignored)
            }
            let before = outcomes[parent]?.payments.count ?? 0
            try entryReader.read(entry, at: place, into: &outcomes[parent, default: CamtEntryReader.Outcome()])
            guard handing < .max, let read = outcomes[parent]?.payments[before...], !read.isEmpty else { return }
            let entryPath = soFar.path(of: place)
            for var payment in read {
                if case .path(let relative) = payment.source { payment.source = .path(entryPath + relative) }
                pending.append(payment)
            }
            if pending.count >= handing {
                handOver(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        var outcomesByPath: [String: CamtEntryReader.Outcome] = [:]
        for parent in Array(outcomes.keys) {
            // Taken out of the dictionary first: the outcome is then the only reference to its arrays.
            outcomesByPath[stream.path(ofParent: parent)] = outcomes.removeValue(forKey: parent)!.located(in: stream)
        }
        let root = stream.root
        let message = try CamtMessage.identify(root, fileName: fileName)
        let header = try fields.required("GrpHdr", in: message.body)
        let messageId = try fields.required("MsgId", in: header).text
        let createdOn = try fields.dateOfDateTime(fields.required("CreDtTm", in: header))
        let reports = message.body.children(message.reportName)
        guard !reports.isEmpty else { throw fields.failure(message.body, "the message has no \(message.reportName)") }

        var batches: [PaymentBatch] = []
        var skipped: [CamtSkippedTransaction] = []
        for report in reports {
            let (batch, left) = try readBatch(
                report, outcome: outcomesByPath[report.path] ?? CamtEntryReader.Outcome(), fileCreatedOn: createdOn, fields: fields)
            batches.append(batch)
            skipped += left
        }
        if !pending.isEmpty { handOver(pending) }
        let owner = reports.lazy.compactMap { fields.text("Acct", "Ownr", "Nm", in: $0) }.first
        let file = PaymentFile(
            format: message.format, fileName: fileName, fileId: messageId, createdOn: createdOn,
            recipient: owner ?? fields.text("MsgRcpt", "Nm", in: header), batches: batches)
        return CamtReading(file: file, skipped: skipped)
    }

    private static func readBatch(
        _ report: XMLTreeElement, outcome: CamtEntryReader.Outcome, fileCreatedOn: CivilDate, fields: CamtFieldReader
    ) throws(FormatError) -> (PaymentBatch, [CamtSkippedTransaction]) {
        let id = try fields.required("Id", in: report).text
        let account = try fields.required("Acct", "Id", in: report)
        guard let accountId = fields.text("IBAN", in: account) ?? fields.text("Othr", "Id", in: account) else {
            throw fields.failure(account, "the account has neither an IBAN nor another identification (Othr/Id)")
        }
        let date = try report.child("CreDtTm").map { created throws(FormatError) in try fields.dateOfDateTime(created) }
        let stated = try report.child("Acct")?.child("Ccy").map { code throws(FormatError) in
            guard let currency = try? Currency.named(code.text) else {
                throw fields.failure(code, "'\(code.text)' is not a currency Betalt handles")
            }
            return currency
        }
        let total = try CamtBatchTotal.of(
            outcome.payments, currency: outcome.payments.first?.amount.currency ?? stated ?? outcome.firstEntryCurrency,
            fields: fields)
        let batch = PaymentBatch(
            id: id, account: accountId, date: date ?? fileCreatedOn, total: total, count: outcome.payments.count,
            payments: outcome.payments)
        return (batch, outcome.skipped)
    }
}
