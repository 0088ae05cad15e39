import BetaltCore

/// A TK20/TK21 payment and the records that follow it, until its deposit's TK15 gives date and currency.
struct BgMaxPaymentDraft {
    /// Reference code 2 is a reference Bankgirot checked as a correct OCR number; others are free text.
    static let checkedOCRCode = "2"

    let isDeduction: Bool
    let öre: Int64
    let transactionCode: String
    let serialNumber: String
    let line: Int
    private var references: [String] = []
    private var text: [String] = []
    private var senderBankgiro: String?
    private var name: String?
    private var street: String?
    private var postcode: String?
    private var town: String?
    private var country: String?
    private var organisationNumber: String?

    init(_ line: FixedWidthLine, isDeduction: Bool) throws(FormatError) {
        self.isDeduction = isDeduction
        self.line = line.number
        transactionCode = line.text(1...2)
        senderBankgiro = try line.significantDigits(3...12, field: "sender bankgiro")
        öre = try line.integer(38...55, field: "amount")
        serialNumber = try line.digits(58...69, field: "BGC serial number")
        try addReference(line)
    }

    mutating func add(_ line: FixedWidthLine, code: String) throws(FormatError) {
        switch code {
        case "22", "23":
            _ = try line.integer(38...55, field: "amount")
            try addReference(line)
        case "25":
            if let message = line.trimmed(3...52) { text.append(message) }
        case "26":
            name = [line.trimmed(3...37), line.trimmed(38...72)].compactMap { $0 }.joined(separator: " ")
        case "27":
            street = line.trimmed(3...37)
            postcode = line.trimmed(38...46)
        case "28":
            town = line.trimmed(3...37)
            country = line.trimmed(38...72)
        default:
            organisationNumber = try Self.organisationNumber(line)
        }
    }

    func payment(currency: Currency, bookingDate: CivilDate) -> IncomingPayment {
        let townLine = [postcode, town].compactMap { $0 }.joined(separator: " ")
        let address = [street, townLine.isEmpty ? nil : townLine, country].compactMap { $0 }
        return IncomingPayment(
            amount: Money(minorUnits: öre, currency: currency),
            bookingDate: bookingDate,
            structuredReferences: references,
            unstructuredText: text,
            payer: Payer(name: name, organisationNumber: organisationNumber, address: address, account: senderBankgiro),
            bankReference: serialNumber,
            isReversal: isDeduction,
            transactionType: transactionCode,
            source: .line(line)
        )
    }

    private mutating func addReference(_ line: FixedWidthLine) throws(FormatError) {
        let code = line.text(56...56)
        guard code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw line.error("reference code", "'\(code)' is not a digit")
        }
        guard let reference = line.trimmed(13...37) else { return }
        if code == Self.checkedOCRCode { references.append(reference) } else { text.append(reference) }
    }

    /// TK29 pads a 10-digit organisation number to 12 digits with two leading zeros; a 12-digit
    /// personal identity number (19…/20…) is kept whole.
    private static func organisationNumber(_ line: FixedWidthLine) throws(FormatError) -> String? {
        let digits = try line.digits(3...14, field: "organisation number")
        guard digits != "000000000000" else { return nil }
        return digits.hasPrefix("00") ? String(digits.dropFirst(2)) : digits
    }
}
