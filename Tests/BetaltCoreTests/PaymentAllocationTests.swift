import BetaltCore
import PropertyBased
import Testing

private func nok(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .nok) }
private let day = try! CivilDate(2026, 3, 2)

private func balances(principal: Int64, fee: Int64, interest: Int64, compensation: Int64) -> ComponentBalances {
    try! ComponentBalances(
        principal: nok(principal), fee: nok(fee), interest: nok(interest), compensation: nok(compensation)
    )
}

private func ledger(_ balances: ComponentBalances) throws -> ClaimLedger {
    let charges = LedgerComponent.allCases.filter { balances[$0].isPositive }.map {
        LedgerEntry.charge($0, balances[$0], on: day, text: "charge")
    }
    return try ClaimLedger(currency: balances.currency, entries: charges)
}

private let amounts = Gen.int64(in: 0...100_000)
private let designations: [Designation?] = [
    nil, .principalFirst, .order([.interest]), .order([.principal, .interest]),
    .order([.compensation, .principal, .fee, .interest]), .order([]),
]

/// 10 000,00 principal, 35,00 fee, 12,34 interest, 470,00 compensation.
private let claim = balances(principal: 1_000_000, fee: 3_500, interest: 1_234, compensation: 47_000)

@Suite struct PaymentAllocationOrderTests {
    @Test func coversCostsThenInterestThenPrincipal() throws {
        let result = try PaymentAllocator.allocate(nok(100_000), to: claim)
        #expect(result.allocations == [
            PaymentAllocation(component: .fee, amount: nok(3_500)),
            PaymentAllocation(component: .compensation, amount: nok(47_000)),
            PaymentAllocation(component: .interest, amount: nok(1_234)),
            PaymentAllocation(component: .principal, amount: nok(48_266)),
        ])
        #expect(result.overpayment == .zero(.nok))
        #expect(result.rule == .defaultOrder)
        #expect(result.rule.citation.contains("inkassoguiden.no"))
    }

    @Test func aSmallPaymentStopsAtTheFee() throws {
        let result = try PaymentAllocator.allocate(nok(2_000), to: claim)
        #expect(result.allocations == [PaymentAllocation(component: .fee, amount: nok(2_000))])
        #expect(result.amount(for: .principal) == .zero(.nok))
        #expect(result.allocated == nok(2_000))
    }

    @Test func thePaymentSkipsComponentsWithNothingOwed() throws {
        let owed = balances(principal: 1_000, fee: 0, interest: 50, compensation: 0)
        let result = try PaymentAllocator.allocate(nok(600), to: owed)
        #expect(result.allocations.map(\.component) == [.interest, .principal])
        #expect(result.amount(for: .interest) == nok(50))
        #expect(result.amount(for: .principal) == nok(550))
        #expect(result.amount(for: .fee) == .zero(.nok))
    }

    @Test func theDebtorMayPayThePrincipalFirst() throws {
        let result = try PaymentAllocator.allocate(nok(1_010_000), to: claim, designation: .principalFirst)
        #expect(result.allocations.map(\.component) == [.principal, .fee, .compensation])
        #expect(result.amount(for: .principal) == nok(1_000_000))
        #expect(result.amount(for: .fee) == nok(3_500))
        #expect(result.amount(for: .compensation) == nok(6_500))
        #expect(result.rule == .debtorDesignation(.principalFirst))
        #expect(result.rule.citation.contains("Lovavdelingen 19.08.1999, ref. 1998/11444"))
    }

    @Test func anExplicitOrderIsFollowedThenTheDefaultForTheRest() throws {
        let designation = Designation.order([.interest, .principal])
        let result = try PaymentAllocator.allocate(nok(1_051_734), to: claim, designation: designation)
        #expect(result.allocations.map(\.component) == [.interest, .principal, .fee, .compensation])
        #expect(result.overpayment == .zero(.nok))
    }

    @Test func aDesignationNamingAComponentTwiceIsRefused() {
        #expect(throws: LedgerError.designationRepeats(.fee)) {
            try PaymentAllocator.allocate(nok(100), to: claim, designation: .order([.fee, .interest, .fee]))
        }
        #expect(throws: LedgerError.designationRepeats(.principal)) {
            try PaymentAllocator.allocate(nok(100), across: [], designation: .order([.principal, .principal]))
        }
    }

    @Test func anOverpaymentIsReportedNotDropped() throws {
        let result = try PaymentAllocator.allocate(nok(1_100_000), to: claim)
        #expect(result.allocated == nok(1_051_734))
        #expect(result.overpayment == nok(48_266))
        #expect(result.payment == nok(1_100_000))
    }

    @Test func aPaymentOnASettledClaimIsAllOverpayment() throws {
        let result = try PaymentAllocator.allocate(nok(500), to: .zero(.nok))
        #expect(result.allocations.isEmpty)
        #expect(result.overpayment == nok(500))
    }

    @Test func refusesAnotherCurrencyAndNonPositivePayments() {
        #expect(throws: LedgerError.currencyMismatch(expected: .nok, found: .sek)) {
            try PaymentAllocator.allocate(Money(minorUnits: 100, currency: .sek), to: claim)
        }
        #expect(throws: LedgerError.amountNotPositive(nok(0))) { try PaymentAllocator.allocate(nok(0), to: claim) }
        #expect(throws: LedgerError.amountNotPositive(nok(-5))) { try PaymentAllocator.allocate(nok(-5), to: claim) }
    }

    @Test func theEntriesArePaymentsCitingTheRule() throws {
        let result = try PaymentAllocator.allocate(nok(5_000), to: claim)
        let entries = result.entries(on: day, reference: "KID 1234567890")
        #expect(entries.map(\.kind) == [.payment, .payment])
        #expect(entries.map(\.component) == [.fee, .compensation])
        #expect(entries.map(\.amount) == [nok(3_500), nok(1_500)])
        #expect(entries.allSatisfy { $0.date == day && $0.text.hasPrefix("KID 1234567890") })
        #expect(entries.allSatisfy { $0.text.contains("inkassoguiden.no") })
        #expect(try ledger(claim).applying(result, on: day, reference: "KID").balance(of: .fee) == .zero(.nok))
    }
}

@Suite struct PaymentAllocationPropertyTests {
    @Test func allocationsAndOverpaymentSumToThePayment() async {
        await propertyCheck(input: Gen.int64(in: 1...500_000), amounts, amounts, Gen.element(of: designations)) {
            payment, principal, fee, designation in
            let owed = balances(principal: principal, fee: fee, interest: fee / 3, compensation: principal / 7)
            let result = try PaymentAllocator.allocate(nok(payment), to: owed, designation: designation ?? nil)
            let allocated = result.allocations.map(\.amount.minorUnits).reduce(0, +)
            #expect(allocated + result.overpayment.minorUnits == payment)
            #expect(!result.overpayment.isNegative)
            #expect(result.overpayment.isZero || allocated == owed.total.minorUnits)
        }
    }

    @Test func noComponentIsPaidMoreThanItOwes() async {
        await propertyCheck(input: Gen.int64(in: 1...500_000), amounts.array(of: 4), Gen.element(of: designations)) {
            payment, parts, designation in
            let owed = balances(principal: parts[0], fee: parts[1], interest: parts[2], compensation: parts[3])
            let result = try PaymentAllocator.allocate(nok(payment), to: owed, designation: designation ?? nil)
            for allocation in result.allocations {
                #expect(allocation.amount.isPositive)
                #expect(allocation.amount.minorUnits <= owed[allocation.component].minorUnits)
            }
            #expect(Set(result.allocations.map(\.component)).count == result.allocations.count)
        }
    }

    @Test func byDefaultCostsComeBeforeInterestBeforePrincipal() async {
        await propertyCheck(input: Gen.int64(in: 1...500_000), amounts.array(of: 4)) { payment, parts in
            let owed = balances(principal: parts[0], fee: parts[1], interest: parts[2], compensation: parts[3])
            let result = try PaymentAllocator.allocate(nok(payment), to: owed)
            if result.amount(for: .principal).isPositive {
                #expect(result.amount(for: .fee) == owed.fee)
                #expect(result.amount(for: .compensation) == owed.compensation)
                #expect(result.amount(for: .interest) == owed.interest)
            }
            if result.amount(for: .interest).isPositive {
                #expect(result.amount(for: .fee).minorUnits + result.amount(for: .compensation).minorUnits
                        == owed.costs.minorUnits)
            }
            if result.amount(for: .compensation).isPositive {
                #expect(result.amount(for: .fee) == owed.fee)
            }
        }
    }

    @Test func aDesignatedComponentIsPaidBeforeAnyOther() async {
        await propertyCheck(input: Gen.int64(in: 1...500_000), amounts.array(of: 4), Gen<LedgerComponent>.case) {
            payment, parts, first in
            let owed = balances(principal: parts[0], fee: parts[1], interest: parts[2], compensation: parts[3])
            let result = try PaymentAllocator.allocate(nok(payment), to: owed, designation: .order([first]))
            #expect(result.amount(for: first).minorUnits == min(payment, owed[first].minorUnits))
        }
    }

    @Test func applyingTheResultLowersTheBalanceByWhatWasAllocated() async {
        await propertyCheck(input: Gen.int64(in: 1...500_000), amounts.array(of: 4), Gen.element(of: designations)) {
            payment, parts, designation in
            let owed = balances(principal: parts[0], fee: parts[1], interest: parts[2], compensation: parts[3])
            let before = try ledger(owed)
            let result = try PaymentAllocator.allocate(
                nok(payment), to: before.balances, designation: designation ?? nil
            )
            let after = try before.applying(result, on: day, reference: "bank")
            #expect(after.balance.minorUnits == before.balance.minorUnits - (payment - result.overpayment.minorUnits))
            #expect(after.isSettled == (payment >= before.balance.minorUnits))
            for component in LedgerComponent.allCases {
                let expected = try before.balance(of: component).subtracting(result.amount(for: component))
                #expect(after.balance(of: component) == expected)
            }
        }
    }
}

@Suite struct PaymentAcrossClaimsTests {
    private let older = (id: "1001", balances: balances(principal: 50_000, fee: 3_500, interest: 200, compensation: 0))
    private let newer = (id: "1002", balances: balances(principal: 80_000, fee: 0, interest: 0, compensation: 0))

    @Test func coversTheClaimsInTheOrderGiven() throws {
        let result = try PaymentAllocator.allocate(nok(60_000), across: [older, newer])
        #expect(result.claims.map(\.claimID) == ["1001", "1002"])
        #expect(result.result(for: "1001")?.allocated == nok(53_700))
        #expect(result.result(for: "1001")?.overpayment == .zero(.nok))
        #expect(result.result(for: "1002")?.amount(for: .principal) == nok(6_300))
        #expect(result.overpayment == .zero(.nok))
    }

    @Test func aPaymentThatRunsOutLeavesTheLaterClaimsOut() throws {
        let result = try PaymentAllocator.allocate(nok(3_000), across: [older, newer])
        #expect(result.claims.map(\.claimID) == ["1001"])
        #expect(result.result(for: "1001")?.allocations == [PaymentAllocation(component: .fee, amount: nok(3_000))])
        #expect(result.result(for: "1002") == nil)
    }

    @Test func moreThanAllClaimsIsAnOverpayment() throws {
        let result = try PaymentAllocator.allocate(nok(200_000), across: [newer, older])
        #expect(result.claims.map(\.claimID) == ["1002", "1001"])
        #expect(result.overpayment == nok(66_300))
    }

    @Test func settledClaimsAreSkipped() throws {
        let paid = (id: "0999", balances: ComponentBalances.zero(.nok))
        let result = try PaymentAllocator.allocate(nok(1_000), across: [paid, newer])
        #expect(result.claims.map(\.claimID) == ["1002"])
    }

    @Test func theDesignationAppliesWithinEachClaim() throws {
        let result = try PaymentAllocator.allocate(nok(50_000), across: [older, newer], designation: .principalFirst)
        #expect(result.result(for: "1001")?.allocations == [
            PaymentAllocation(component: .principal, amount: nok(50_000)),
        ])
        #expect(result.result(for: "1001")?.rule == .debtorDesignation(.principalFirst))
    }

    @Test func refusesAClaimListedTwiceOrInAnotherCurrency() {
        #expect(throws: LedgerError.claimListedTwice(id: "1001")) {
            try PaymentAllocator.allocate(nok(100), across: [older, newer, older])
        }
        let swedish = (id: "2001", balances: ComponentBalances.zero(.sek))
        #expect(throws: LedgerError.currencyMismatch(expected: .sek, found: .nok)) {
            try PaymentAllocator.allocate(nok(100), across: [older, swedish])
        }
        #expect(throws: LedgerError.amountNotPositive(nok(0))) {
            try PaymentAllocator.allocate(nok(0), across: [older])
        }
    }

    @Test func noKroneIsLostAcrossClaims() async {
        await propertyCheck(input: Gen.int64(in: 1...1_000_000), amounts.array(of: 0...24)) { payment, parts in
            let claims = stride(from: 0, to: parts.count - parts.count % 4, by: 4).map { index in
                (id: "c\(index)", balances: balances(principal: parts[index], fee: parts[index + 1],
                                                     interest: parts[index + 2], compensation: parts[index + 3]))
            }
            let result = try PaymentAllocator.allocate(nok(payment), across: claims)
            let allocated = result.claims.map(\.result.allocated.minorUnits).reduce(0, +)
            let owed = claims.map(\.balances.total.minorUnits).reduce(0, +)
            #expect(allocated + result.overpayment.minorUnits == payment)
            #expect(allocated == min(payment, owed))
            #expect(result.claims.allSatisfy { $0.result.overpayment.isZero && $0.result.allocated.isPositive })
            for (position, claim) in result.claims.enumerated().dropLast() {
                #expect(claim.result.allocated == claims.first { $0.id == claim.claimID }?.balances.total,
                        "claim \(position) was left part-paid before a later one received anything")
            }
        }
    }
}
