import BetaltCore
import Testing

/// "Pay the rest by this day and the fee and interest are waived": kept by the payments that come in time.
@Suite("A notice's waiver offer, kept by a payment")
struct WaiverOfferTests {
    static let until = try! CivilDate(2026, 12, 7)

    private func nok(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .nok) }

    private func claim(
        _ id: String, principal: Int64 = 100_000, offer: CivilDate? = until, due: Int = 1, disputed: Int64 = 0
    ) throws -> MatchCandidate {
        MatchCandidate(
            claimID: id, invoiceNumber: "F-\(id)", paymentReference: "KID-\(id)", dueDate: try CivilDate(2026, 10, due),
            balances: try ComponentBalances(principal: nok(principal), fee: nok(3_500), interest: nok(1_234), compensation: nok(0)),
            waiverOfferUntil: offer, disputed: nok(disputed)
        )
    }

    private func allocation(_ match: PaymentMatch) throws -> AllocationAcrossClaims {
        guard case .matched(_, let allocation) = match else { throw Unmatched(match: match) }
        return allocation
    }

    private struct Unmatched: Error { let match: PaymentMatch }

    @Test("the principal paid by the offer's day goes to the principal, and the fee and interest are waived")
    func principalByTheDay() throws {
        let allocation = try allocation(try PaymentMatcher.match(
            amount: nok(100_000), paidOn: Self.until, isReversal: false, byReference: [try claim("a")], byNumber: []
        ))
        let share = try #require(allocation.claims.first)
        #expect(share.result.amount(for: .principal) == nok(100_000) && share.result.amount(for: .fee) == nok(0))
        #expect(share.waived == [PaymentAllocation(component: .fee, amount: nok(3_500)), PaymentAllocation(component: .interest, amount: nok(1_234))])
        #expect(share.offerKept == Self.until && allocation.overpayment == nok(0))
        let entries = share.entries(on: Self.until, reference: "KID-a")
        #expect(entries.map(\.kind) == [.payment, .waiver, .waiver])
        #expect(entries.reduce(0) { $0 + $1.amount.minorUnits } == 104_734, "the whole open amount is settled")
        #expect(entries.last?.text.contains("2026-12-07") == true)
    }

    @Test("a day late, the payment pays costs first as always and nothing is waived")
    func aDayLate() throws {
        let allocation = try allocation(try PaymentMatcher.match(
            amount: nok(100_000), paidOn: Self.until.adding(days: 1), isReversal: false, byReference: [try claim("a")], byNumber: []
        ))
        let share = try #require(allocation.claims.first)
        #expect(share.result.amount(for: .fee) == nok(3_500) && share.result.amount(for: .principal) == nok(95_266))
        #expect(share.waived.isEmpty && share.offerKept == nil)
    }

    @Test("part of the principal in time goes to the principal; the offer is kept once the rest comes in time too")
    func inTwoPayments() throws {
        let first = try #require(try allocation(try PaymentMatcher.match(
            amount: nok(60_000), paidOn: Self.until.adding(days: -3), isReversal: false, byReference: [try claim("a")], byNumber: []
        )).claims.first)
        #expect(first.result.amount(for: .principal) == nok(60_000) && first.waived.isEmpty)
        let after = try claim("a").with(balances: try ComponentBalances(principal: nok(40_000), fee: nok(3_500), interest: nok(1_234), compensation: nok(0)))
        let second = try #require(try allocation(try PaymentMatcher.match(
            amount: nok(40_000), paidOn: Self.until, isReversal: false, byReference: [after], byNumber: []
        )).claims.first)
        #expect(second.result.amount(for: .principal) == nok(40_000) && second.waived.count == 2)
    }

    @Test("one reference for two claims: the sum of their principals keeps both offers")
    func twoClaimsOneReference() throws {
        let allocation = try allocation(try PaymentMatcher.match(
            amount: nok(150_000), paidOn: Self.until, isReversal: false,
            byReference: [try claim("b", principal: 50_000, due: 5), try claim("a", due: 1)], byNumber: []
        ))
        #expect(allocation.claims.map(\.claimID) == ["a", "b"], "oldest due first")
        #expect(allocation.claims.allSatisfy { $0.waived.count == 2 && $0.result.amount(for: .fee) == nok(0) })
        #expect(allocation.overpayment == nok(0))
    }

    @Test("paying everything by the day keeps the offer too: what was not owed any more is the customer's credit")
    func moreThanThePrincipal() throws {
        let allocation = try allocation(try PaymentMatcher.match(
            amount: nok(104_734), paidOn: Self.until, isReversal: false, byReference: [try claim("a")], byNumber: []
        ))
        #expect(allocation.claims.first?.waived.count == 2)
        #expect(allocation.overpayment == nok(4_734))
    }

    @Test("the invoice number with the principal alone is matched while the offer stands, and not after")
    func principalByNumber() throws {
        let inTime = try PaymentMatcher.match(
            amount: nok(100_000), paidOn: Self.until, isReversal: false, byReference: [], byNumber: [try claim("a")]
        )
        guard case .matched(.numberAndAmount, _) = inTime else { Issue.record("\(inTime)"); return }
        let late = try PaymentMatcher.match(
            amount: nok(100_000), paidOn: Self.until.adding(days: 1), isReversal: false, byReference: [], byNumber: [try claim("a")]
        )
        guard case .unmatched = late else { Issue.record("\(late)"); return }
    }

    @Test("a claim without an offer is paid as always")
    func noOffer() throws {
        let share = try #require(try allocation(try PaymentMatcher.match(
            amount: nok(100_000), paidOn: Self.until, isReversal: false, byReference: [try claim("a", offer: nil)], byNumber: []
        )).claims.first)
        #expect(share.result.amount(for: .fee) == nok(3_500) && share.waived.isEmpty)
    }

    @Test("a claim disputed in part: the undisputed principal the notice named keeps the offer, the disputed part stays open")
    func disputedInPart() throws {
        let allocation = try allocation(try PaymentMatcher.match(
            amount: nok(70_000), paidOn: Self.until, isReversal: false, byReference: [try claim("a", disputed: 30_000)], byNumber: []
        ))
        let share = try #require(allocation.claims.first)
        #expect(share.result.amount(for: .principal) == nok(70_000) && share.result.amount(for: .fee) == nok(0))
        #expect(share.offerKept == Self.until && share.waived.count == 2)
        #expect(allocation.overpayment == nok(0))
        let entries = share.entries(on: Self.until, reference: "KID-a")
        #expect(entries.reduce(0) { $0 + $1.amount.minorUnits } == 74_734, "the disputed 300 kr are neither paid nor waived")
    }

    @Test("a claim disputed in part: less than the undisputed principal keeps nothing yet; the whole principal pays the disputed part too")
    func disputedInPartShort() throws {
        let short = try #require(try allocation(try PaymentMatcher.match(
            amount: nok(69_999), paidOn: Self.until, isReversal: false, byReference: [try claim("a", disputed: 30_000)], byNumber: []
        )).claims.first)
        #expect(short.result.amount(for: .principal) == nok(69_999) && short.waived.isEmpty && short.offerKept == nil)
        // As a debtor who paid the principal a notice named before raising the dispute: it is paid, and the offer kept.
        let whole = try allocation(try PaymentMatcher.match(
            amount: nok(100_000), paidOn: Self.until, isReversal: false, byReference: [try claim("a", disputed: 30_000)], byNumber: []
        ))
        #expect(whole.claims.first?.result.amount(for: .principal) == nok(100_000) && whole.claims.first?.waived.count == 2)
        #expect(whole.overpayment == nok(0))
    }

    @Test("two claims under one reference, one disputed in part: what the notice asked for keeps both offers before any disputed part is paid")
    func disputedPartComesLast() throws {
        let claims = [try claim("a", due: 1, disputed: 30_000), try claim("b", principal: 50_000, due: 5)]
        let asked = try allocation(try PaymentMatcher.match(
            amount: nok(120_000), paidOn: Self.until, isReversal: false, byReference: claims, byNumber: []
        ))
        #expect(asked.claims.map { $0.result.amount(for: .principal) } == [nok(70_000), nok(50_000)])
        #expect(asked.claims.allSatisfy { $0.offerKept == Self.until } && asked.overpayment == nok(0))
        let more = try allocation(try PaymentMatcher.match(
            amount: nok(160_000), paidOn: Self.until, isReversal: false, byReference: claims, byNumber: []
        ))
        #expect(more.claims.map { $0.result.amount(for: .principal) } == [nok(100_000), nok(50_000)])
        #expect(more.overpayment == nok(10_000))
    }

    @Test("a claim disputed in full with an offer: a payment is still booked on it, never lost, and pays its principal first")
    func disputedInFull() throws {
        let paid = try allocation(try PaymentMatcher.match(
            amount: nok(100_000), paidOn: Self.until, isReversal: false, byReference: [try claim("a", disputed: 104_734)], byNumber: []
        ))
        let share = try #require(paid.claims.first)
        #expect(share.result.amount(for: .principal) == nok(100_000) && share.offerKept == Self.until && share.waived.count == 2)
        #expect(paid.overpayment == nok(0))
    }
}
