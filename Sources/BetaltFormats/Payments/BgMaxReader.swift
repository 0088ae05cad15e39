import BetaltCore

/// The TK01 start record's facts.
struct BgMaxHeader {
    let timestamp: String
    let createdOn: CivilDate
    let isTest: Bool
}

/// Reads BgMax records one at a time, keeping the open deposit section and payment, and checking the
/// TK15 and TK70 totals against what came before.
struct BgMaxReader {
    let fileName: String
    private(set) var deposits: [PaymentBatch] = []
    private(set) var isEnded = false
    private var section: Section?
    private var payment: BgMaxPaymentDraft?
    private var counts = (payments: Int64(0), deductions: Int64(0), extraReferences: Int64(0), deposits: Int64(0))

    /// An open TK05 section: the receiving bankgiro, the currency and the payments so far.
    private struct Section {
        let bankgiro: String
        let currency: Currency
        var payments: [BgMaxPaymentDraft] = []
    }

    init(fileName: String) {
        self.fileName = fileName
    }

    func readStart(_ line: FixedWidthLine) throws(FormatError) -> BgMaxHeader {
        guard line.text(1...2) == "01" else {
            throw line.error("transaction code", "'\(line.text(1...2))' where the start record TK01 is expected")
        }
        guard line.trimmed(3...22) == "BGMAX" else {
            throw line.error("layout name", "'\(line.text(3...22))' is not BGMAX")
        }
        _ = try line.digits(23...24, field: "version")
        let timestamp = try line.digits(25...44, field: "timestamp")
        let createdOn = try BgMaxDate.read(line, 25...32, field: "timestamp")
        let marker = line.text(45...45)
        guard marker == "P" || marker == "T" else {
            throw line.error("test marker", "'\(marker)' is neither P (production) nor T (test)")
        }
        return BgMaxHeader(timestamp: timestamp, createdOn: createdOn, isTest: marker == "T")
    }

    mutating func read(_ line: FixedWidthLine) throws(FormatError) {
        let code = line.text(1...2)
        guard !isEnded else { throw line.error("transaction code", "a record after the end record TK70") }
        switch code {
        case "05": try open(line)
        case "20", "21": try startPayment(line, isDeduction: code == "21")
        case "22", "23", "25", "26", "27", "28", "29":
            guard var draft = payment else {
                throw line.error("transaction code", "TK\(code) before any payment (TK20 or TK21) of its deposit")
            }
            try draft.add(line, code: code)
            if code == "22" || code == "23" { counts.extraReferences += 1 }
            payment = draft
        case "15": try close(line)
        case "70": try end(line)
        default: throw line.error("transaction code", "unknown transaction code '\(code)'")
        }
    }

    private mutating func open(_ line: FixedWidthLine) throws(FormatError) {
        guard section == nil else { throw line.error("transaction code", "TK05 inside a deposit section that has no TK15 yet") }
        let bankgiro = try line.significantDigits(3...12, field: "receiving bankgiro")
        guard let bankgiro else { throw line.error("receiving bankgiro", "the bankgiro number is zero") }
        section = Section(bankgiro: bankgiro, currency: try currency(line, 23...25))
    }

    private mutating func startPayment(_ line: FixedWidthLine, isDeduction: Bool) throws(FormatError) {
        guard section != nil else { throw line.error("transaction code", "TK\(line.text(1...2)) outside a deposit section (no TK05)") }
        finishPayment()
        payment = try BgMaxPaymentDraft(line, isDeduction: isDeduction)
        if isDeduction { counts.deductions += 1 } else { counts.payments += 1 }
    }

    private mutating func finishPayment() {
        if let payment { section?.payments.append(payment) }
        payment = nil
    }

    /// TK15 states the deposit: payments minus deductions, and how many there were.
    private mutating func close(_ line: FixedWidthLine) throws(FormatError) {
        finishPayment()
        guard let open = section else { throw line.error("transaction code", "TK15 outside a deposit section (no TK05)") }
        let account = try line.significantDigits(3...37, field: "bank account") ?? "0"
        let date = try BgMaxDate.read(line, 38...45, field: "payment date")
        let serial = try line.digits(46...50, field: "deposit serial number")
        let stated = try line.integer(51...68, field: "deposit amount")
        let currency = try currency(line, 69...71)
        guard currency == open.currency else {
            throw line.error("currency", "'\(currency.code)' differs from the section's '\(open.currency.code)' in its TK05")
        }
        let statedCount = try line.integer(72...79, field: "number of payments")
        var sum: Int64 = 0
        for payment in open.payments {
            sum = try line.adding(payment.isDeduction ? -payment.öre : payment.öre, to: sum, field: "deposit amount")
        }
        guard stated == sum else {
            throw line.error("deposit amount", "TK15 states \(stated) öre but the payments less deductions add up to \(sum)")
        }
        guard statedCount == open.payments.count else {
            throw line.error("number of payments", "TK15 states \(statedCount) payments but the section has \(open.payments.count)")
        }
        let payments = open.payments.map { $0.payment(currency: currency, bookingDate: date) }
        deposits.append(PaymentBatch(
            id: serial, account: open.bankgiro, agreement: account, date: date,
            total: Money(minorUnits: stated, currency: currency), count: payments.count, payments: payments
        ))
        counts.deposits += 1
        section = nil
    }

    private mutating func end(_ line: FixedWidthLine) throws(FormatError) {
        guard section == nil else { throw line.error("transaction code", "TK70 inside a deposit section that has no TK15 yet") }
        try line.check(3...10, field: "number of payment records", states: counts.payments, "TK20 records")
        try line.check(11...18, field: "number of deduction records", states: counts.deductions, "TK21 records")
        try line.check(19...26, field: "number of extra reference records", states: counts.extraReferences, "TK22/TK23 records")
        try line.check(27...34, field: "number of deposit records", states: counts.deposits, "TK15 records")
        isEnded = true
    }

    private func currency(_ line: FixedWidthLine, _ positions: ClosedRange<Int>) throws(FormatError) -> Currency {
        let code = line.text(positions)
        do {
            return try Currency.named(code)
        } catch {
            throw line.error("currency", "'\(code)' is not a known currency")
        }
    }
}

/// BgMax writes dates as YYYYMMDD.
enum BgMaxDate {
    static func read(_ line: FixedWidthLine, _ positions: ClosedRange<Int>, field: String) throws(FormatError) -> CivilDate {
        let text = try line.digits(positions, field: field)
        let value = Int(text) ?? 0
        do {
            return try CivilDate(value / 10_000, value / 100 % 100, value % 100)
        } catch {
            throw line.error(field, "'\(text)' is not a date (YYYYMMDD)")
        }
    }
}
