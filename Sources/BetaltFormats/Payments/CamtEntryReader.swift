import BetaltCore

/// Turns one camt entry (`Ntry`) into incoming payments and skipped transactions.
///
/// An entry without transaction details is one payment. A batch booking has one `TxDtls` per payment, each with
/// its own amount and, from version 04, its own `CdtDbtInd`, which governs over the entry's (the entry's is the
/// fallback); the published v08 sample books CRDT transactions in CHF under a DBIT entry in SEK.
struct CamtEntryReader {
    let fields: CamtFieldReader

    /// What an entry tells all of its transactions.
    private struct Entry {
        let element: XMLStreamedElement
        let amount: Money
        let indicator: CamtIndicator
        let isReversal: Bool
        let status: String
        let bookingDate: CivilDate?
        let valueDate: CivilDate?
        let bankReference: String?
        let transactionType: String?
    }

    /// The payments and skipped transactions read so far, in file order.
    struct Outcome {
        var payments: [IncomingPayment] = []
        var skipped: [CamtSkippedTransaction] = []
        /// The currency of the first entry, for totalling a batch that has no payments.
        var firstEntryCurrency: Currency?
        /// The entry of each payment and skipped transaction, whose path goes before their own (relative) one.
        fileprivate var paymentEntries: [XMLStreamPlace] = []
        fileprivate var skippedEntries: [XMLStreamPlace] = []

        /// The outcome with whole paths, once the document has been read. Consuming, so a report's
        /// 100,000 payments are given their paths in place rather than copied first.
        consuming func located(in stream: XMLStream) -> Outcome {
            func whole(_ source: FormatError.Location, below place: XMLStreamPlace) -> FormatError.Location {
                guard case .path(let relative) = source else { return source }
                return .path(stream.path(of: place) + relative)
            }
            for index in payments.indices {
                payments[index].source = whole(payments[index].source, below: paymentEntries[index])
            }
            for index in skipped.indices {
                skipped[index].source = whole(skipped[index].source, below: skippedEntries[index])
            }
            return self
        }
    }

    func read(_ element: XMLStreamedElement, at place: XMLStreamPlace, into outcome: inout Outcome) throws(FormatError) {
        let payments = outcome.payments.count, skipped = outcome.skipped.count
        defer {
            outcome.paymentEntries += repeatElement(place, count: outcome.payments.count - payments)
            outcome.skippedEntries += repeatElement(place, count: outcome.skipped.count - skipped)
        }
        let entry = try readEntry(element)
        outcome.firstEntryCurrency = outcome.firstEntryCurrency ?? entry.amount.currency
        let transactions = element.children("NtryDtls").flatMap { $0.children("TxDtls") }
        if transactions.isEmpty {
            try add(transaction: nil, number: nil, of: entry, amount: entry.amount, to: &outcome)
        }
        for (index, transaction) in transactions.enumerated() {
            var amount = try (transaction.child("Amt") ?? transaction.descendant(["AmtDtls", "TxAmt", "Amt"]))
                .map { element throws(FormatError) in try fields.amount(element) }
            if transactions.count == 1 { amount = amount ?? entry.amount }
            try add(transaction: transaction, number: transactions.count == 1 ? nil : index + 1, of: entry, amount: amount, to: &outcome)
        }
    }

    private func readEntry(_ element: XMLStreamedElement) throws(FormatError) -> Entry {
        let amount = try fields.amount(fields.required("Amt", in: element))
        let indicator = try fields.indicator(fields.required("CdtDbtInd", in: element))
        let reversal = try element.child("RvslInd").map { flag throws(FormatError) in try fields.boolean(flag) }
        let status = try fields.required("Sts", in: element)
        // Up to version 07 Sts is the code itself; from 08 it holds Cd (or a bank's Prtry).
        guard let statusCode = [status.text, fields.text("Cd", in: status), fields.text("Prtry", in: status)]
            .compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw fields.failure(status, "the entry status is empty")
        }
        return Entry(
            element: element, amount: amount, indicator: indicator, isReversal: reversal ?? false, status: statusCode,
            bookingDate: try element.child("BookgDt").map { date throws(FormatError) in try fields.date(in: date) },
            valueDate: try element.child("ValDt").map { date throws(FormatError) in try fields.date(in: date) },
            bankReference: fields.text("AcctSvcrRef", in: element),
            transactionType: Self.bankTransactionCode(element.child("BkTxCd"), fields: fields)
        )
    }

    /// `number` is the transaction's place in a batched entry (nil when the entry holds one).
    private func add(
        transaction: XMLStreamedElement?, number: Int?, of entry: Entry, amount: Money?, to outcome: inout Outcome
    ) throws(FormatError) {
        let element = transaction ?? entry.element
        let indicator = try transaction?.child("CdtDbtInd")
            .map { flag throws(FormatError) in try fields.indicator(flag) }
        let remittance = try CamtRemittance.read(transaction?.child("RmtInf"), fields: fields)
        let direction = CamtDirection.of(
            indicator: indicator ?? entry.indicator, isReversal: entry.isReversal,
            isReturn: transaction?.child("RtrInf") != nil, status: entry.status)
        if case .skipped(let reason) = direction {
            outcome.skipped.append(CamtSkippedTransaction(reason: reason, amount: amount, source: .path(element.path)))
            return
        }
        guard let amount else {
            throw fields.failure(
                element, "the entry has several transactions and this one states no amount (Amt or AmtDtls/TxAmt/Amt)")
        }
        let endToEndId = fields.text("Refs", "EndToEndId", in: transaction)
        // An entry without details has only the bank's own text to go on.
        let bankText = transaction == nil ? [fields.text("AddtlNtryInf", in: element)].compactMap { $0 } : []
        let transactionType = Self.bankTransactionCode(transaction?.child("BkTxCd"), fields: fields)
            ?? entry.transactionType
        outcome.payments.append(IncomingPayment(
            amount: amount,
            bookingDate: entry.bookingDate,
            valueDate: entry.valueDate,
            structuredReferences: remittance.references,
            referredDocuments: remittance.documents,
            unstructuredText: remittance.text + bankText,
            payer: CamtParty.payer(transaction?.child("RltdPties"), fields: fields),
            // The bank's reference identifies the payment (a repeat is recognised by it): a transaction of a
            // batched entry without its own takes the entry's with its place, so no two share one.
            bankReference: fields.text("Refs", "AcctSvcrRef", in: transaction)
                ?? entry.bankReference.map { reference in number.map { "\(reference)/\($0)" } ?? reference },
            // NOTPROVIDED is the placeholder the payer's bank puts when the payer gave no identification.
            endToEndId: endToEndId == "NOTPROVIDED" ? nil : endToEndId,
            isReversal: direction == .reversal,
            transactionType: transactionType,
            source: .path(element.path)
        ))
    }

    /// The ISO code as `PMNT/RCDT/ESCT` (domain, family, sub-family), else the bank's proprietary code.
    private static func bankTransactionCode(_ code: XMLStreamedElement?, fields: CamtFieldReader) -> String? {
        if let domain = fields.text("Domn", "Cd", in: code), let family = fields.text("Domn", "Fmly", "Cd", in: code),
           let subFamily = fields.text("Domn", "Fmly", "SubFmlyCd", in: code) {
            return "\(domain)/\(family)/\(subFamily)"
        }
        return fields.text("Prtry", "Cd", in: code)
    }
}
