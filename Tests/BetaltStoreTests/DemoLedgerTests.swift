import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Testing

@Suite("The demo ledger")
struct DemoLedgerTests {
    let today = try! CivilDate(2026, 11, 22)

    @Test("is the same ledger every time for the same day")
    func deterministic() throws {
        let a = try DemoLedger(today: today, customersPerCreditor: 20, invoicesPerCreditor: 100)
        let b = try DemoLedger(today: today, customersPerCreditor: 20, invoicesPerCreditor: 100)
        #expect(a.creditors.map(\.id) == b.creditors.map(\.id))
        #expect(a.creditors[0].invoices.map(\.number) == b.creditors[0].invoices.map(\.number))
        #expect(a.creditors[1].customers.map(\.name) == b.creditors[1].customers.map(\.name))
    }

    @Test("has one Norwegian and one Swedish creditor with the sizes the README promises")
    func sizes() throws {
        let ledger = try DemoLedger(today: today)
        #expect(ledger.creditors.map(\.country) == [.norway, .sweden])
        #expect(ledger.creditors.map(\.customers.count) == [100, 100])
        #expect(ledger.creditors.map(\.invoices.count) == [1000, 1000])
    }

    @Test("uses only valid synthetic identity numbers, valid organisation numbers and payment references")
    func identifiers() throws {
        let ledger = try DemoLedger(today: today)
        let norway = ledger.creditors[0], sweden = ledger.creditors[1]
        for customer in norway.customers {
            if let number = customer.nationalIdentityNumber {
                let parsed = try NorwegianPersonalNumber(validating: number)
                #expect(parsed.isSynthetic, "\(number) must be a synthetic test number")
            }
            if let number = customer.organisationNumber { _ = try NorwegianOrganisationNumber(validating: number) }
            #expect(customer.kind == .business ? customer.organisationNumber != nil : customer.organisationNumber == nil)
        }
        let swedishTestNumbers = Set(SwedishPersonalNumber.testNumbers.map(\.normalized))
        for customer in sweden.customers {
            if let number = customer.nationalIdentityNumber {
                _ = try SwedishPersonalNumber(validating: number)
                #expect(swedishTestNumbers.contains(number), "\(number) must be one of Skatteverket's test numbers")
            }
            if let number = customer.organisationNumber { _ = try SwedishOrganisationNumber(validating: number) }
        }
        #expect(norway.customers.contains { $0.nationalIdentityNumber != nil })
        #expect(sweden.customers.contains { $0.nationalIdentityNumber != nil })
        for invoice in norway.invoices { _ = try KID(validating: invoice.paymentReference, algorithm: .mod10) }
        for invoice in sweden.invoices { _ = try OCRReference(validating: invoice.paymentReference, requireLengthDigit: true) }
    }

    @Test("spreads invoices over six months: paid, partly paid, overdue and not yet due")
    func spread() throws {
        let ledger = try DemoLedger(today: today)
        let invoices = ledger.creditors.flatMap(\.invoices)
        #expect(invoices.allSatisfy { $0.issueDate >= today.adding(days: -180) && $0.issueDate <= today })
        let ledgers = try invoices.map { try ClaimLedger(currency: $0.entries[0].amount.currency, entries: $0.entries) }
        let paid = ledgers.filter(\.isSettled).count
        let partly = ledgers.filter { !$0.isSettled && $0.entries.count > 1 }.count
        let overdueOpen = zip(invoices, ledgers).filter { !$1.isSettled && $0.dueDate < today }.count
        let notDue = invoices.filter { $0.dueDate >= today }.count
        #expect(paid > 500 && partly > 50 && overdueOpen > 300 && notDue > 50, "paid \(paid) partly \(partly) overdue \(overdueOpen) notDue \(notDue)")
        #expect(invoices.allSatisfy { $0.entries.allSatisfy { $0.date <= today } })
    }
}
