import BetaltCore
import Testing

@Suite("Matching a payment to claims")
struct PaymentMatcherTests {
    private func candidate(_ number: String, open: Int64, reference: String? = nil, due: String = "2026-10-15") throws -> MatchCandidate {
        MatchCandidate(
            claimID: "id-\(number)", invoiceNumber: number, paymentReference: reference, dueDate: try CivilDate(iso: due),
            balances: try ComponentBalances(
                principal: Money(minorUnits: open, currency: .nok), fee: .zero(.nok), interest: .zero(.nok), compensation: .zero(.nok)
            )
        )
    }

    private func nok(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .nok) }

    @Test("a reference match pays the claim, and an overpayment is kept as credit")
    func byReference() throws {
        let match = try PaymentMatcher.match(amount: nok(15_000), isReversal: false, byReference: [try candidate("A", open: 10_000, reference: "123")], byNumber: [])
        guard case .matched(let method, let allocation) = match else { Issue.record("not matched: \(match)"); return }
        #expect(method == .reference)
        #expect(allocation.claims.map(\.claimID) == ["id-A"])
        #expect(allocation.overpayment == nok(5_000))
    }

    @Test("one payment for several referenced claims pays the oldest due first")
    func oldestFirst() throws {
        let match = try PaymentMatcher.match(amount: nok(12_000), isReversal: false, byReference: [
            try candidate("B", open: 10_000, due: "2026-10-20"), try candidate("A", open: 10_000, due: "2026-10-01"),
        ], byNumber: [])
        guard case .matched(_, let allocation) = match else { Issue.record("not matched"); return }
        #expect(allocation.result(for: "id-A")?.allocated == nok(10_000))
        #expect(allocation.result(for: "id-B")?.allocated == nok(2_000))
    }

    @Test("an invoice number matches only with the exact open amount; otherwise a person decides, with the candidate named")
    func byNumberAndAmount() throws {
        let exact = try PaymentMatcher.match(amount: nok(10_000), isReversal: false, byReference: [], byNumber: [try candidate("A", open: 10_000)])
        guard case .matched(.numberAndAmount, _) = exact else { Issue.record("not matched by number: \(exact)"); return }
        let short = try PaymentMatcher.match(amount: nok(9_000), isReversal: false, byReference: [], byNumber: [try candidate("A", open: 10_000)])
        guard case .unmatched(let reason, let suggestions) = short else { Issue.record("matched a short payment"); return }
        #expect(suggestions == ["A"])
        #expect(reason.text.contains("not the open"))
    }

    @Test("a reference to a claim already paid, a reversal and an unknown payment all go to a person")
    func unmatched() throws {
        let paid = try candidate("A", open: 0, reference: "123")
        guard case .unmatched(let reason, _) = try PaymentMatcher.match(amount: nok(100), isReversal: false, byReference: [paid], byNumber: []) else {
            Issue.record("matched a paid claim"); return
        }
        #expect(reason.text.contains("already paid"))
        guard case .unmatched = try PaymentMatcher.match(amount: nok(100), isReversal: true, byReference: [try candidate("B", open: 100)], byNumber: []) else {
            Issue.record("matched a reversal"); return
        }
        guard case .unmatched = try PaymentMatcher.match(amount: nok(100), isReversal: false, byReference: [], byNumber: []) else {
            Issue.record("matched nothing to something"); return
        }
    }
}

@Suite("Matching by payer and amount")
struct PaymentMatcherPayerTests {
    private func nok(_ kroner: Int64) -> Money { .major(kroner, .nok) }

    private func claim(_ number: String, open: Int64, due day: Int) throws -> MatchCandidate {
        MatchCandidate(
            claimID: number, invoiceNumber: number, paymentReference: nil, dueDate: try CivilDate(2026, 10, day),
            balances: try ComponentBalances(principal: nok(open), fee: nok(0), interest: nok(0), compensation: nok(0))
        )
    }

    @Test("the payer's one claim with exactly the amount is paid; so are all their claims when the amount is their total")
    func certainMatches() throws {
        let claims = [try claim("A", open: 1_000, due: 1), try claim("B", open: 2_500, due: 5)]
        guard case .matched(.amountAndPayer, let one) = try PaymentMatcher.match(
            amount: nok(2_500), isReversal: false, byReference: [], byNumber: [], byPayer: claims) else {
            Issue.record("not matched by payer")
            return
        }
        #expect(one.claims.map(\.claimID) == ["B"])
        guard case .matched(.amountAndPayer, let all) = try PaymentMatcher.match(
            amount: nok(3_500), isReversal: false, byReference: [], byNumber: [], byPayer: claims) else {
            Issue.record("the total was not matched")
            return
        }
        #expect(all.claims.map(\.claimID) == ["A", "B"])
        #expect(all.overpayment.isZero)
    }

    @Test("an amount that fits no claim, or fits two, goes to a person with the payer's claims as suggestions")
    func uncertainCases() throws {
        let claims = [try claim("A", open: 1_000, due: 1), try claim("B", open: 1_000, due: 5)]
        guard case .unmatched(let twice, let suggestions) = try PaymentMatcher.match(
            amount: nok(1_000), isReversal: false, byReference: [], byNumber: [], byPayer: claims) else {
            Issue.record("two equal claims must not be guessed between")
            return
        }
        #expect(twice.text.contains("not certain"))
        #expect(suggestions == ["A", "B"])
        guard case .unmatched(let other, _) = try PaymentMatcher.match(
            amount: nok(700), isReversal: false, byReference: [], byNumber: [], byPayer: claims) else {
            Issue.record("a partial amount must not be matched by payer alone")
            return
        }
        #expect(other.text.contains("neither"))
        // A reference always wins over the payer.
        let referenced = try claim("C", open: 700, due: 9)
        guard case .matched(.reference, _) = try PaymentMatcher.match(
            amount: nok(700), isReversal: false, byReference: [referenced], byNumber: [], byPayer: claims) else {
            Issue.record("the reference did not win")
            return
        }
    }
}
