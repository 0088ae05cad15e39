import BetaltCore
import Foundation

/// Reads a Nets OCR giro transmission (Norway): KID payments credited to the creditor's accounts.
///
/// Layout from Nets' "System specification OCR giro": 80-character records; a transmission (start 10,
/// end 89) holds assignments (start 20, end 88) of transactions made of amount items 1, 2 and, for
/// terminal payments with free text, 3 (record types 30, 31, 32). Amounts are in øre.
public enum NetsOCRGiroParser {
    static let recordLength = 80
    /// Types 18 and 20 are terminal reversals; their amounts still count in the end records' totals.
    static let reversalTypes: Set<Int64> = [18, 20]
    static let transactionTypes: ClosedRange<Int64> = 10...21

    public static func parse(_ data: Data, fileName: String) throws(FormatError) -> PaymentFile {
        var cursor = try NetsRecordCursor(lines: FixedWidthText.lines(data, fileName: fileName, allowingTabs: false), fileName: fileName)
        let start = try cursor.expect(.startTransmission)
        try start.require(service: "00", positions: 3...4)
        let transmissionNumber = try start.digits(17...23, field: "transmission number")
        let recipient = try start.digits(24...31, field: "data recipient")

        var batches: [PaymentBatch] = []
        var transactionCount: Int64 = 0
        var totalØre: Int64 = 0
        while try cursor.peekType() == .startAssignment {
            let start = cursor.lines[cursor.consumed]
            let (batch, øre) = try readAssignment(&cursor)
            batches.append(batch)
            transactionCount += Int64(batch.count)
            totalØre = try start.adding(øre, to: totalØre, field: "total amount")
        }
        let end = try cursor.expect(.endTransmission)
        try end.require(service: "00", positions: 3...4)
        try end.check(9...16, field: "number of transactions", states: transactionCount, "transactions")
        try end.check(17...24, field: "number of records", states: Int64(cursor.consumed), "records")
        try end.check(25...41, field: "total amount", states: totalØre, "øre")
        let createdOn = try NetsDate.read(end, 42...47, field: "Nets date")
        try cursor.expectEnd()
        return PaymentFile(
            format: .netsOCRGiro, fileName: fileName, fileId: transmissionNumber, createdOn: createdOn,
            recipient: recipient, batches: batches
        )
    }

    private static func readAssignment(_ cursor: inout NetsRecordCursor) throws(FormatError) -> (PaymentBatch, Int64) {
        let start = try cursor.expect(.startAssignment)
        let firstRecord = cursor.consumed
        try start.require(service: "09", positions: 3...4)
        let agreement = try start.digits(9...17, field: "agreement id")
        let number = try start.digits(18...24, field: "assignment number")
        let account = try start.digits(25...35, field: "assignment account")

        var payments: [IncomingPayment] = []
        var totalØre: Int64 = 0
        while try cursor.peekType() == .amountItem1 {
            let item1 = cursor.lines[cursor.consumed]
            let (payment, øre) = try readTransaction(&cursor)
            payments.append(payment)
            totalØre = try item1.adding(øre, to: totalØre, field: "amount")
        }
        let end = try cursor.expect(.endAssignment)
        try end.require(service: "09", positions: 3...4)
        try end.check(9...16, field: "number of transactions", states: Int64(payments.count), "transactions")
        try end.check(17...24, field: "number of records", states: Int64(cursor.consumed - firstRecord + 1), "records")
        try end.check(25...41, field: "total amount", states: totalØre, "øre")
        let date = try NetsDate.read(end, 42...47, field: "Nets date")
        let batch = PaymentBatch(
            id: number, account: account, agreement: agreement, date: date,
            total: Money(minorUnits: totalØre, currency: .nok), count: payments.count, payments: payments
        )
        return (batch, totalØre)
    }

    private static func readTransaction(_ cursor: inout NetsRecordCursor) throws(FormatError) -> (IncomingPayment, Int64) {
        let item1 = try cursor.expect(.amountItem1)
        try item1.require(service: "09", positions: 3...4)
        let type = try item1.integer(5...6, field: "transaction type")
        guard transactionTypes.contains(type) else {
            throw item1.error("transaction type", "'\(item1.text(5...6))' is not an OCR giro transaction type (10–21)")
        }
        let transactionNumber = try item1.digits(9...15, field: "transaction number")
        let netsDate = try NetsDate.read(item1, 16...21, field: "Nets date")
        let sign = item1.text(32...32)
        guard sign == "0" || sign == "-" else { throw item1.error("sign", "'\(sign)' is neither 0 nor -") }
        let øre = try item1.integer(33...49, field: "amount")
        let kid = item1.trimmed(50...74)
        if let kid, !kid.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            throw item1.error("KID", "'\(kid)' is not digits")
        }

        let item2 = try cursor.expect(.amountItem2)
        try item2.requireSameTransaction(as: item1, number: transactionNumber)
        let archiveReference = try item2.digits(26...34, field: "archive reference")
        let bankDate = try NetsDate.read(item2, 42...47, field: "bank date")
        let debitAccount = try item2.digits(48...58, field: "debit account")

        var text: [String] = []
        if type == 20 || type == 21, try cursor.peekType() == .amountItem3 {
            let item3 = try cursor.expect(.amountItem3)
            try item3.requireSameTransaction(as: item1, number: transactionNumber)
            text = item3.trimmed(16...55).map { [$0] } ?? []
        }
        let payment = IncomingPayment(
            amount: Money(minorUnits: øre, currency: .nok),
            bookingDate: netsDate,
            paidDate: bankDate,
            structuredReferences: kid.map { [$0] } ?? [],
            unstructuredText: text,
            payer: Payer(account: debitAccount == "00000000000" ? nil : debitAccount),
            bankReference: archiveReference == "000000000" ? nil : archiveReference,
            isReversal: reversalTypes.contains(type) || sign == "-",
            transactionType: item1.text(5...6),
            source: item1.location
        )
        return (payment, øre)
    }
}
