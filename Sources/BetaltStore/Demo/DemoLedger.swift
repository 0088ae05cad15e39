import BetaltCore
import Foundation

/// A realistic, deterministic demo ledger: one Norwegian and one Swedish creditor, their customers and
/// about six months of invoices, some paid, some partly paid, many overdue. Every personal identity number
/// is a synthetic test number that can never belong to a real person.
public struct DemoLedger: Sendable {
    public struct Creditor: Sendable {
        public let id: UUID
        public let name: String
        public let country: Country
        public let organisationNumber: String
        public let bankAccount: String
        public let customers: [Customer]
        public let invoices: [Invoice]
    }

    public struct Customer: Sendable {
        public let id: UUID
        public let number: String
        public let kind: CustomerKind
        public let name: String
        public let nationalIdentityNumber: String?
        public let organisationNumber: String?
        public let email: String?
        /// Electronic channels the customer accepted for formal notices.
        public let acceptedChannels: Set<Channel>
        public let addressLine: String
        public let postalCode: String
        public let city: String
    }

    public struct Invoice: Sendable {
        public let id: UUID
        public let customerID: UUID
        public let number: String
        public let issueDate: CivilDate
        public let dueDate: CivilDate
        public let paymentReference: String
        /// SE: the invoice terms agreed a påminnelseavgift (IKL § 2).
        public let reminderFeeAgreed: Bool
        public let entries: [LedgerEntry]
    }

    public let today: CivilDate
    public let creditors: [Creditor]

    public static let demoUserEmail = "demo@betalt.example"
    public static let demoUserPassword = "betalt-demo"

    /// Builds the ledger as of `today`; the same `today` and `seed` always give the same ledger.
    public init(today: CivilDate, customersPerCreditor: Int = 100, invoicesPerCreditor: Int = 1000, seed: UInt64 = 2026) throws {
        var random = SeededGenerator(seed: seed)
        self.today = today
        self.creditors = [
            try Self.creditor(
                country: .norway, name: "Nordlys Verksted AS", organisationBase: "10203040",
                bankAccount: "86011117947", customers: customersPerCreditor, invoices: invoicesPerCreditor,
                today: today, random: &random
            ),
            try Self.creditor(
                country: .sweden, name: "Svea Trädgård AB", organisationBase: "556000001",
                bankAccount: "5050-1055", customers: customersPerCreditor, invoices: invoicesPerCreditor,
                today: today, random: &random
            ),
        ]
    }

    private static func creditor(
        country: Country, name: String, organisationBase: String, bankAccount: String, customers customerCount: Int,
        invoices invoiceCount: Int, today: CivilDate, random: inout SeededGenerator
    ) throws -> Creditor {
        let organisationNumber = country == .norway
            ? NorwegianOrganisationNumber.completing(organisationBase)!.normalized
            : SwedishOrganisationNumber.completing(organisationBase)!.normalized
        let customers = try (1...customerCount).map { try customer(country: country, index: $0, random: &random) }
        let calendar = BusinessCalendar(country)
        var invoices: [Invoice] = []
        for serial in 1...invoiceCount {
            let customer = customers.randomElement(using: &random)!
            invoices.append(try invoice(
                country: country, serial: serial, customer: customer, calendar: calendar, today: today, random: &random
            ))
        }
        return Creditor(
            id: UUID(random: &random), name: name, country: country, organisationNumber: organisationNumber,
            bankAccount: bankAccount, customers: customers, invoices: invoices.sorted { $0.issueDate < $1.issueDate }
        )
    }

    private static func customer(country: Country, index: Int, random: inout SeededGenerator) throws -> Customer {
        let isBusiness = Int.random(in: 0..<100, using: &random) < 35
        let norwegian = country == .norway
        let streets = norwegian ? DemoNames.norwegianStreets : DemoNames.swedishStreets
        let place = (norwegian ? DemoNames.norwegianPlaces : DemoNames.swedishPlaces).randomElement(using: &random)!
        let street = "\(streets.randomElement(using: &random)!) \(Int.random(in: 1...120, using: &random))"
        let number = String(10000 + index)
        if isBusiness {
            let word = (norwegian ? DemoNames.norwegianCompanyWords : DemoNames.swedishCompanyWords).randomElement(using: &random)!
            let trade = (norwegian ? DemoNames.norwegianCompanyTrades : DemoNames.swedishCompanyTrades).randomElement(using: &random)!
            let name = "\(word) \(trade) \(norwegian ? "AS" : "AB")"
            return Customer(
                id: UUID(random: &random), number: number, kind: .business, name: name,
                nationalIdentityNumber: nil,
                organisationNumber: try organisationNumber(country: country, random: &random),
                email: "faktura@\(word.asciiSlug)-\(index).example.com",
                acceptedChannels: Int.random(in: 0..<100, using: &random) < 70 ? [.email] : [],
                addressLine: street, postalCode: place.0, city: place.1
            )
        }
        let first = (norwegian ? DemoNames.norwegianFirstNames : DemoNames.swedishFirstNames).randomElement(using: &random)!
        let last = (norwegian ? DemoNames.norwegianLastNames : DemoNames.swedishLastNames).randomElement(using: &random)!
        let hasIdentity = Int.random(in: 0..<100, using: &random) < 70
        let email = Int.random(in: 0..<100, using: &random) < 85 ? "\(first.asciiSlug).\(last.asciiSlug)\(index)@example.com" : nil
        return Customer(
            id: UUID(random: &random), number: number, kind: .consumer, name: "\(first) \(last)",
            nationalIdentityNumber: hasIdentity ? try personalNumber(country: country, random: &random) : nil,
            organisationNumber: nil,
            email: email,
            acceptedChannels: email != nil && Int.random(in: 0..<100, using: &random) < 60 ? [.email] : [],
            addressLine: street, postalCode: place.0, city: place.1
        )
    }

    /// Norwegian organisation numbers starting with 1 are never issued (real ones start with 8 or 9);
    /// Swedish ones use the aktiebolag prefix 55 with a made-up body, as no test range is published.
    private static func organisationNumber(country: Country, random: inout SeededGenerator) throws -> String {
        while true {
            if country == .norway {
                let base = "1" + String(Int.random(in: 1_000_000...9_999_999, using: &random))
                if let number = NorwegianOrganisationNumber.completing(base) { return number.normalized }
            } else {
                let base = "55" + String(Int.random(in: 9_000_000...9_999_999, using: &random))
                if let number = SwedishOrganisationNumber.completing(base) { return number.normalized }
            }
        }
    }

    /// Norway: Skatteetaten's synthetic Tenor numbers (month + 80). Sweden: only numbers from Skatteverket's
    /// published list of test numbers, since a number that merely passes the check digit may be someone's.
    private static func personalNumber(country: Country, random: inout SeededGenerator) throws -> String {
        guard country == .norway else {
            return SwedishPersonalNumber.testNumbers.randomElement(using: &random)!.normalized
        }
        while true {
            let birth = try CivilDate(
                Int.random(in: 1950...2004, using: &random), Int.random(in: 1...12, using: &random),
                Int.random(in: 1...28, using: &random)
            )
            if let number = NorwegianPersonalNumber.synthetic(
                birthDate: birth, individualNumber: Int.random(in: 0...499, using: &random)
            ) { return number.normalized }
        }
    }

    private static func invoice(
        country: Country, serial: Int, customer: Customer, calendar: BusinessCalendar, today: CivilDate,
        random: inout SeededGenerator
    ) throws -> Invoice {
        let currency = country.currency
        let issue = today.adding(days: -Int.random(in: 0...180, using: &random))
        let terms = customer.kind == .business ? 30 : 14
        let due = calendar.dueDateRolledForward(issue.adding(days: terms))
        let range: ClosedRange<Int64> = customer.kind == .business ? 1_000_00...80_000_00 : 200_00...8_000_00
        var principal = Int64.random(in: range, using: &random)
        if Int.random(in: 0..<3, using: &random) > 0 { principal -= principal % 100 }
        let number = (country == .norway ? "NV-" : "ST-") + String(100000 + serial)
        let reference = country == .norway
            ? try KID.generate(base: customer.number + String(100000 + serial), algorithm: .mod10).normalized
            : try OCRReference.generate(base: String(100000 + serial), withLengthDigit: true).normalized
        var entries = [LedgerEntry.charge(.principal, Money(minorUnits: principal, currency: currency), on: issue, text: number)]
        let roll = Int.random(in: 0..<100, using: &random)
        let lastPossibleDay = today.adding(days: -1)
        if due < today {
            if roll < 55, issue <= lastPossibleDay {
                let paidOn = min(lastPossibleDay, issue.adding(days: Int.random(in: 3...(terms + 25), using: &random)))
                entries.append(payment(principal, currency: currency, on: max(issue, paidOn), reference: reference))
            } else if roll < 67 {
                let part = principal * Int64.random(in: 20...70, using: &random) / 100
                let paidOn = min(lastPossibleDay, due.adding(days: Int.random(in: -5...10, using: &random)))
                entries.append(payment(part, currency: currency, on: max(issue, paidOn), reference: reference))
            }
        } else if roll < 15, issue <= lastPossibleDay {
            entries.append(payment(principal, currency: currency, on: lastPossibleDay, reference: reference))
        }
        return Invoice(
            id: UUID(random: &random), customerID: customer.id, number: number, issueDate: issue, dueDate: due,
            paymentReference: reference, reminderFeeAgreed: country == .sweden && serial % 2 == 0, entries: entries
        )
    }

    private static func payment(_ minorUnits: Int64, currency: Currency, on date: CivilDate, reference: String) -> LedgerEntry {
        LedgerEntry(
            kind: .payment, component: .principal, amount: Money(minorUnits: minorUnits, currency: currency),
            date: date, text: reference
        )
    }
}

extension UUID {
    /// A version-4 UUID drawn from a seeded generator, so demo ids are stable between runs.
    init(random: inout SeededGenerator) {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &random) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        self.init(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }
}

extension String {
    /// Lower-case ASCII for e-mail addresses: "Bjørn Åberg" → "bjornaberg".
    var asciiSlug: String {
        let folded = lowercased()
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "o")
            .replacingOccurrences(of: "å", with: "a").replacingOccurrences(of: "ä", with: "a")
            .replacingOccurrences(of: "ö", with: "o").replacingOccurrences(of: "é", with: "e")
        return String(folded.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }
}
