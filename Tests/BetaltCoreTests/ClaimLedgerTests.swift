import BetaltCore
import Foundation
import Testing

private func nok(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .nok) }
private let day = try! CivilDate(2026, 3, 2)

private func entry(_ kind: LedgerEntryKind, _ component: LedgerComponent, _ minorUnits: Int64) -> LedgerEntry {
    LedgerEntry(kind: kind, component: component, amount: nok(minorUnits), date: day, text: "test")
}

/// Invoice 10 000,00, a 35,00 reminder fee, 12,34 interest and 470,00 B2B compensation.
private func charged() throws -> ClaimLedger {
    try ClaimLedger(currency: .nok, entries: [
        .charge(.principal, nok(1_000_000), on: day, text: "invoice 1001"),
        .charge(.fee, nok(3_500), on: day, text: "inkf. § 1-2"),
        .charge(.interest, nok(1_234), on: day, text: "frl. § 3"),
        .charge(.compensation, nok(47_000), on: day, text: "frl. § 3a"),
    ])
}

@Suite struct ClaimLedgerBalanceTests {
    @Test func anEmptyLedgerOwesNothing() {
        let ledger = ClaimLedger(currency: .sek)
        #expect(ledger.balance == .zero(.sek))
        #expect(ledger.isSettled)
        #expect(ledger.entries.isEmpty)
    }

    @Test func chargesAddUpPerComponent() throws {
        let ledger = try charged()
        #expect(ledger.balance(of: .principal) == nok(1_000_000))
        #expect(ledger.balance(of: .fee) == nok(3_500))
        #expect(ledger.balance(of: .interest) == nok(1_234))
        #expect(ledger.balance(of: .compensation) == nok(47_000))
        #expect(ledger.balance == nok(1_051_734))
        #expect(ledger.balances.costs == nok(50_500))
        #expect(ledger.balances.total == ledger.balance)
        #expect(!ledger.isSettled)
    }

    @Test func reductionsSubtractFromTheirComponent() throws {
        let ledger = try charged().appending(contentsOf: [
            entry(.payment, .fee, 3_500),
            entry(.creditNote, .principal, 200_000),
            entry(.waiver, .interest, 1_000),
            entry(.writeOff, .compensation, 47_000),
        ])
        #expect(ledger.balance(of: .fee) == .zero(.nok))
        #expect(ledger.balance(of: .principal) == nok(800_000))
        #expect(ledger.balance(of: .interest) == nok(234))
        #expect(ledger.balance(of: .compensation) == .zero(.nok))
        #expect(ledger.balance == nok(800_234))
    }

    @Test func settledWhenEverythingIsPaid() throws {
        var ledger = try charged()
        for component in LedgerComponent.allCases {
            ledger = try ledger.appending(entry(.payment, component, ledger.balance(of: component).minorUnits))
        }
        #expect(ledger.isSettled)
        #expect(ledger.entries.count == 8)
    }

    @Test func chargesAfterAPaymentReopenTheClaim() throws {
        let ledger = try ClaimLedger(currency: .nok)
            .appending(.charge(.principal, nok(500), on: day, text: "invoice"))
            .appending(entry(.payment, .principal, 500))
        #expect(ledger.isSettled)
        let reopened = try ledger.appending(.charge(.interest, nok(3), on: day, text: "frl. § 3"))
        #expect(!reopened.isSettled)
        #expect(reopened.balance == nok(3))
    }
}

@Suite struct ClaimLedgerAppendOnlyTests {
    @Test func appendingLeavesTheOriginalUntouched() throws {
        let original = try charged()
        let paid = try original.appending(entry(.payment, .principal, 100))
        #expect(original.entries.count == 4)
        #expect(original.balance == nok(1_051_734))
        #expect(paid.entries.count == 5)
        #expect(Array(paid.entries.prefix(4)) == original.entries)
        #expect(paid.entries.last == entry(.payment, .principal, 100))
    }

    @Test func replayingTheEntriesGivesTheSameLedger() throws {
        let ledger = try charged().appending(entry(.waiver, .fee, 3_500))
        #expect(try ClaimLedger(currency: .nok, entries: ledger.entries) == ledger)
    }

    @Test func aRefusedEntryInAReplayRefusesTheWholeLedger() {
        #expect(throws: LedgerError.wouldGoNegative(component: .fee, balance: .zero(.nok), reduction: nok(1))) {
            try ClaimLedger(currency: .nok, entries: [
                .charge(.principal, nok(100), on: day, text: "invoice"),
                entry(.payment, .fee, 1),
            ])
        }
    }

    @Test func entriesSurviveJSONWithTheirStoredNames() throws {
        let original = entry(.creditNote, .principal, 12_345)
        let data = try JSONEncoder().encode(original)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""kind":"creditNote""#))
        #expect(json.contains(#""component":"principal""#))
        #expect(try JSONDecoder().decode(LedgerEntry.self, from: data) == original)
    }

    @Test func storedNamesNeverChange() {
        #expect(LedgerEntryKind.allCases.map(\.rawValue) == [
            "principal", "fee", "interest", "compensation", "payment", "creditNote", "waiver", "writeOff",
        ])
        #expect(LedgerComponent.allCases.map(\.rawValue) == ["principal", "fee", "interest", "compensation"])
    }
}

@Suite struct ClaimLedgerRefusalTests {
    @Test func refusesAnotherCurrency() throws {
        let sek = LedgerEntry(kind: .payment, component: .principal, amount: Money(minorUnits: 100, currency: .sek),
                              date: day, text: "bank")
        #expect(throws: LedgerError.currencyMismatch(expected: .nok, found: .sek)) { try charged().appending(sek) }
    }

    @Test(arguments: [Int64(0), -1, -100_000])
    func refusesANonPositiveAmount(minorUnits: Int64) throws {
        let ledger = try charged()
        #expect(throws: LedgerError.amountNotPositive(nok(minorUnits))) {
            try ledger.appending(entry(.payment, .principal, minorUnits))
        }
        #expect(throws: LedgerError.amountNotPositive(nok(minorUnits))) {
            try ledger.appending(.charge(.fee, nok(minorUnits), on: day, text: "fee"))
        }
    }

    @Test func refusesAReductionBelowZero() throws {
        let ledger = try charged()
        #expect(throws: LedgerError.wouldGoNegative(component: .fee, balance: nok(3_500), reduction: nok(3_501))) {
            try ledger.appending(entry(.payment, .fee, 3_501))
        }
        #expect(throws: LedgerError.self) { try ledger.appending(entry(.writeOff, .principal, 1_000_001)) }
        #expect(throws: LedgerError.self) { try ledger.appending(entry(.creditNote, .principal, 1_000_001)) }
        #expect(throws: LedgerError.self) { try ledger.appending(entry(.waiver, .interest, 1_235)) }
    }

    @Test func aCreditNoteReducesOnlyThePrincipal() throws {
        let ledger = try charged()
        for component in [LedgerComponent.fee, .interest, .compensation] {
            #expect(throws: LedgerError.componentNotAllowed(kind: .creditNote, component: component)) {
                try ledger.appending(entry(.creditNote, component, 1))
            }
        }
        #expect(try ledger.appending(entry(.creditNote, .principal, 1)).balance(of: .principal) == nok(999_999))
    }

    @Test func aWaiverNeverReducesThePrincipal() throws {
        #expect(throws: LedgerError.componentNotAllowed(kind: .waiver, component: .principal)) {
            try charged().appending(entry(.waiver, .principal, 1))
        }
    }

    @Test func aChargeMustNameItsOwnComponent() throws {
        #expect(throws: LedgerError.componentNotAllowed(kind: .fee, component: .principal)) {
            try charged().appending(entry(.fee, .principal, 1))
        }
        #expect(throws: LedgerError.componentNotAllowed(kind: .interest, component: .fee)) {
            try charged().appending(entry(.interest, .fee, 1))
        }
    }

    @Test func aWriteOffOrPaymentMayReduceAnyComponent() throws {
        for kind in [LedgerEntryKind.writeOff, .payment] {
            for component in LedgerComponent.allCases {
                let ledger = try charged()
                let reduced = try ledger.appending(entry(kind, component, 1))
                #expect(reduced.balance(of: component).minorUnits == ledger.balance(of: component).minorUnits - 1)
            }
        }
    }

    @Test func refusesABalanceTooLargeToCount() throws {
        let huge = try ClaimLedger(currency: .nok).appending(.charge(.principal, nok(.max), on: day, text: "x"))
        #expect(throws: LedgerError.arithmetic(.overflow)) {
            try huge.appending(.charge(.principal, nok(1), on: day, text: "x"))
        }
        #expect(throws: LedgerError.arithmetic(.overflow)) {
            try huge.appending(.charge(.fee, nok(1), on: day, text: "x"))
        }
    }

    @Test func errorsExplainThemselves() {
        let error = LedgerError.wouldGoNegative(component: .fee, balance: nok(3_500), reduction: nok(4_000))
        #expect(error.description.contains("fee"))
        #expect(error.description.contains("35.00 NOK"))
        #expect(LedgerError.currencyMismatch(expected: .nok, found: .sek).description.contains("SEK"))
    }
}

@Suite struct ComponentBalancesTests {
    @Test func refusesMixedCurrenciesAndNegatives() {
        let sek = Money(minorUnits: 1, currency: .sek)
        #expect(throws: LedgerError.currencyMismatch(expected: .nok, found: .sek)) {
            try ComponentBalances(principal: nok(1), fee: nok(0), interest: sek, compensation: nok(0))
        }
        #expect(throws: LedgerError.negativeBalance(component: .fee, nok(-1))) {
            try ComponentBalances(principal: nok(1), fee: nok(-1), interest: nok(0), compensation: nok(0))
        }
        #expect(throws: LedgerError.arithmetic(.overflow)) {
            try ComponentBalances(principal: nok(.max), fee: nok(1), interest: nok(0), compensation: nok(0))
        }
    }

    @Test func readsEachComponentAndTheCosts() throws {
        let balances = try ComponentBalances(
            principal: nok(1000), fee: nok(35), interest: nok(7), compensation: nok(400)
        )
        #expect(LedgerComponent.allCases.map { balances[$0] } == [nok(1000), nok(35), nok(7), nok(400)])
        #expect(balances.costs == nok(435))
        #expect(balances.total == nok(1442))
        #expect(balances.currency == .nok)
        #expect(!balances.isSettled)
        #expect(ComponentBalances.zero(.sek).isSettled)
        #expect(try balances.replacing(.interest, with: nok(0)).total == nok(1435))
    }
}
