import Foundation

/// Fixed-width field helpers shared by the writers: the specs' alphanumeric fields are left-aligned and
/// blank-padded, numeric fields right-aligned and zero-padded.
enum FixedWidthField {
    static func text(_ value: String, _ width: Int) -> String {
        String(value.prefix(width)).padding(toLength: width, withPad: " ", startingAt: 0)
    }

    static func rightAligned(_ value: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - value.count)) + value
    }

    static func number(_ value: some BinaryInteger, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func zeros(_ width: Int) -> String { String(repeating: "0", count: width) }
}

/// Builds Nets OCR giro transmissions by the system specification, with counts and sums filled in,
/// for what the one published sample does not show (many assignments, every transaction type, reversals).
struct NetsOCRGiroWriter {
    struct Transaction {
        var type: Int
        var øre: Int64
        var kid: String
        var isNegative = false
        /// Amount item 3's free text, written only for types 20 and 21.
        var text: String?
        var bankDate = "000000"
        var debitAccount = "00000000000"
        var archiveReference = "000000000"
    }

    struct Assignment {
        var number: Int
        var account: String
        var agreement = "001008566"
        var transactions: [Transaction]
    }

    var transmissionNumber = "0000001"
    var recipient = "00010200"
    /// DDMMYY, as Nets writes it.
    var date = "160326"
    var assignments: [Assignment]

    func lines() -> [String] {
        typealias F = FixedWidthField
        var lines = ["NY000010" + "00008080" + F.text(transmissionNumber, 7) + F.text(recipient, 8) + F.zeros(49)]
        var transactionCount = 0
        var totalØre: Int64 = 0
        for assignment in assignments {
            var records = ["NY090020" + assignment.agreement + F.number(assignment.number, 7) + assignment.account + F.zeros(45)]
            for (offset, transaction) in assignment.transactions.enumerated() {
                let type = F.number(transaction.type, 2)
                let number = F.number(offset + 1, 7)
                records.append(
                    "NY09\(type)30" + number + date + "01" + "16" + "1" + "00001" + (transaction.isNegative ? "-" : "0")
                        + F.number(transaction.øre, 17) + F.rightAligned(transaction.kid, 25) + F.zeros(6)
                )
                records.append(
                    "NY09\(type)31" + number + F.zeros(10) + transaction.archiveReference + F.zeros(7)
                        + transaction.bankDate + transaction.debitAccount + F.zeros(22)
                )
                if let text = transaction.text {
                    records.append("NY09\(type)32" + number + F.text(text, 40) + F.zeros(25))
                }
            }
            let count = assignment.transactions.count
            let sum = assignment.transactions.reduce(Int64(0)) { $0 + $1.øre }
            records.append(
                "NY090088" + F.number(count, 8) + F.number(records.count + 1, 8) + F.number(sum, 17)
                    + date + date + date + F.zeros(21)
            )
            lines += records
            transactionCount += count
            totalØre += sum
        }
        lines.append("NY000089" + F.number(transactionCount, 8) + F.number(lines.count + 1, 8) + F.number(totalØre, 17) + date + F.zeros(33))
        return lines
    }

    func data() -> Data { DamagedFile.latin1(lines()) }
}

/// Builds Bankgirot BgMax files by the technical manual's layout, with the TK15 and TK70 totals filled in.
struct BgMaxWriter {
    struct Payment {
        var isDeduction = false
        var senderBankgiro = "0003783511"
        var reference: String
        var referenceCode = "2"
        var öre: Int64
        var serialNumber: String
        var extraReferences: [String] = []
        var messages: [String] = []
        var name: String?
        var street: String?
        var postcode: String?
        var town: String?
        var organisationNumber: String?
    }

    struct Deposit {
        var bankgiro = "0009912346"
        var currency = "SEK"
        var serialNumber: Int
        /// YYYYMMDD.
        var date = "20260316"
        var payments: [Payment]
    }

    var timestamp = "20260316063000123456"
    var isTest = false
    var deposits: [Deposit]

    func lines() -> [String] {
        typealias F = FixedWidthField
        var lines = ["01" + F.text("BGMAX", 20) + "01" + timestamp + (isTest ? "T" : "P")]
        var counts = (payments: 0, deductions: 0, extraReferences: 0)
        for deposit in deposits {
            lines.append("05" + deposit.bankgiro + F.text("", 10) + deposit.currency)
            for payment in deposit.payments {
                lines.append(
                    (payment.isDeduction ? "21" : "20") + payment.senderBankgiro + F.text(payment.reference, 25)
                        + F.number(payment.öre, 18) + payment.referenceCode + "1" + payment.serialNumber + "0"
                        + (payment.isDeduction ? "0" : "")
                )
                if payment.isDeduction { counts.deductions += 1 } else { counts.payments += 1 }
                for reference in payment.extraReferences {
                    lines.append("22" + payment.senderBankgiro + F.text(reference, 25) + F.zeros(18) + "21" + payment.serialNumber + "0")
                    counts.extraReferences += 1
                }
                lines += payment.messages.map { "25" + F.text($0, 50) }
                if let name = payment.name { lines.append("26" + F.text(name, 35)) }
                if let street = payment.street { lines.append("27" + F.text(street, 35) + F.text(payment.postcode ?? "", 9)) }
                if let town = payment.town { lines.append("28" + F.text(town, 35)) }
                if let number = payment.organisationNumber { lines.append("29" + F.number(Int64(number) ?? 0, 12)) }
            }
            let sum = deposit.payments.reduce(Int64(0)) { $0 + ($1.isDeduction ? -$1.öre : $1.öre) }
            lines.append(
                "15" + F.number(58_410_000_010_098, 35) + deposit.date + F.number(deposit.serialNumber, 5)
                    + F.number(sum, 18) + deposit.currency + F.number(deposit.payments.count, 8) + " "
            )
        }
        lines.append(
            "70" + F.number(counts.payments, 8) + F.number(counts.deductions, 8)
                + F.number(counts.extraReferences, 8) + F.number(deposits.count, 8)
        )
        return lines.map { F.text($0, 80) }
    }

    /// ISO-8859-1, as Bankgirot delivers it.
    func data() -> Data { lines().joined(separator: "\r\n").data(using: .isoLatin1)! + Data("\r\n".utf8) }
}

/// Edits a generated file the way a damaged one would look, to test that the parsers refuse it.
enum DamagedFile {
    /// `lines` with the text at 1-based `position` of 1-based line `number` overwritten by `text`.
    static func overwriting(_ lines: [String], line number: Int, at position: Int, with text: String) -> [String] {
        var lines = lines
        var characters = Array(lines[number - 1])
        characters.replaceSubrange((position - 1)..<(position - 1 + text.count), with: Array(text))
        lines[number - 1] = String(characters)
        return lines
    }

    static func latin1(_ lines: [String]) -> Data {
        (lines.joined(separator: "\n") + "\n").data(using: .isoLatin1)!
    }
}
