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
