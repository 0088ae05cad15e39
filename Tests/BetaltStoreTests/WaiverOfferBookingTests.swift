import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import Testing

/// The ladder option "pay the rest within 10 days and the fee and interest are waived", from the run's act to the
/// payment that keeps it.
@Suite("The waiver offer, from the notice to the payment", .serialized)
struct WaiverOfferBookingTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let runDate = try! CivilDate(2026, 11, 23)

    /// The demo ledger, run once with ladders that offer the waiver for 10 days.
    private static func runWithOffers(on database: any Database) async throws {
        let ledger = try DemoLedger(today: today, customersPerCreditor: 12, invoicesPerCreditor: 90)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: database)
        for creditor in try await CreditorRecord.query(on: database).all() {
            let country = try #require(Country(rawValue: creditor.country))
            let standard = country == .norway ? Ladder.defaultNorway : .defaultSweden
            let waiving = Ladder(
                id: standard.id, name: standard.name, country: country, steps: standard.steps, options: LadderOptions(waiverIfPaidWithinDays: 10)
            )
            try await LadderBook.save(waiving, key: LadderBook.defaultKey(country), creditorID: creditor.id!, on: today, database: database)
        }
        _ = try await DailyRun(date: runDate).run(on: database)
    }

    @Test("a payment of the principal by the offer's day settles the claim, waiving the fee and interest; one a day late does not",
          arguments: TestEngine.allCases)
    func offerKeptByThePayment(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await Self.runWithOffers(on: store.database)
            let offering = try await CollectionActRecord.query(on: store.database).filter(\.$actDate == Self.runDate.iso)
                .filter(\.$waiverIfPaidBy != nil).filter(\.$feeMinor > 0).sort(\.$claimID).all()
            try #require(offering.count >= 3)
            let (kept, late, disputedInPart) = (offering[0], offering[1], offering[2])
            let until = try CivilDate(iso: try #require(kept.waiverIfPaidBy))
            #expect(until == Self.runDate.adding(days: 10))
            // The notice leaves a disputed part out of what it asks for, so the offer asks only for the rest.
            let disputedClaim = try #require(try await ClaimRecord.find(disputedInPart.claimID, on: store.database))
            let disputedMinor: Int64 = 10_000
            _ = try await Disputes.raise(
                claimID: disputedInPart.claimID, creditorID: disputedClaim.creditorID,
                amount: Money(minorUnits: disputedMinor, currency: try Currency.named(disputedClaim.currency)), reason: .wrongAmount,
                text: "100 kr too much", raisedBy: "debtor", userID: nil, on: Self.runDate.adding(days: 1), database: store.database
            )

            for (act, paidOn, less) in [(kept, until, Int64(0)), (late, until.adding(days: 1), 0), (disputedInPart, until, disputedMinor)] {
                let claim = try #require(try await ClaimRecord.find(act.claimID, on: store.database))
                #expect(claim.waiverOfferUntil == act.waiverIfPaidBy, "the claim keeps the offer its notice made")
                let booked = try await store.database.transaction { tx in
                    try await PaymentBooking.book(
                        [NewPayment(
                            amount: Money(minorUnits: claim.principalOpenMinor - less, currency: try Currency.named(claim.currency)), paidOn: paidOn,
                            bookingDate: paidOn, references: [claim.paymentReference!], referredDocuments: [], mentionedNumbers: [],
                            freeText: "", payerName: nil, bankReference: "B-\(claim.invoiceNumber)", isReversal: false, source: "test"
                        )],
                        fileID: nil, creditorID: claim.creditorID, on: tx
                    )
                }
                #expect(booked.count == 1 && booked[0].repeatOf == nil)
            }

            let settled = try #require(try await ClaimRecord.find(kept.claimID, on: store.database))
            #expect(settled.openMinor == 0 && settled.stage == ClaimStage.closed.rawValue)
            let waivers = try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == kept.claimID).filter(\.$kind == "waiver").all()
            #expect(waivers.contains { $0.component == "fee" && $0.text.contains("offer kept") })

            let open = try #require(try await ClaimRecord.find(late.claimID, on: store.database))
            #expect(open.openMinor > 0 && open.feeOpenMinor == 0 && open.stage != ClaimStage.closed.rawValue, "costs first, nothing waived")
            #expect(try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == late.claimID).filter(\.$kind == "waiver").count() == 0)

            let disputed = try #require(try await ClaimRecord.find(disputedInPart.claimID, on: store.database))
            #expect(disputed.principalOpenMinor == disputedMinor && disputed.openMinor == disputedMinor, "the disputed part alone stays open")
            #expect(disputed.feeOpenMinor == 0 && disputed.interestOpenMinor == 0)
            #expect(try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == disputedInPart.claimID)
                .filter(\.$kind == "waiver").filter(\.$component == "fee").count() == 1, "the undisputed principal kept the offer")
        }
    }

    @Test("a payment a person assigns, and credit used on a claim, keep a standing offer as matching does", arguments: TestEngine.allCases)
    func offerKeptByHand(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await Self.runWithOffers(on: store.database)
            let until = Self.runDate.adding(days: 10)
            let offering = try await ClaimRecord.query(on: store.database)
                .filter(\.$waiverOfferUntil == until.iso).filter(\.$feeOpenMinor > 0).sort(\.$invoiceNumber).all()
            // A claim with an offer, and another open claim of the same customer with costs open, given the offer too
            // (as its own notice would have).
            let others = try await ClaimRecord.query(on: store.database).filter(\.$openMinor > 0)
                .sort(\.$invoiceNumber).all()
            let (first, second) = try #require(offering.lazy.compactMap { claim in
                others.first {
                    $0.customerID == claim.customerID && $0.id != claim.id && $0.principalOpenMinor > 0
                        && $0.feeOpenMinor + $0.interestOpenMinor > 0
                }.map { (claim, $0) }
            }.first)
            let creditorID = first.creditorID, currency = try Currency.named(first.currency)
            second.waiverOfferUntil = until.iso
            try await second.update(on: store.database)

            // A payment without reference waits for a person, who assigns it to the first claim on the offer's day.
            let paid = first.principalOpenMinor + second.principalOpenMinor
            let booked = try await store.database.transaction { tx in
                try await PaymentBooking.book(
                    [NewPayment(
                        amount: Money(minorUnits: paid, currency: currency), paidOn: until, bookingDate: until, references: [], referredDocuments: [],
                        mentionedNumbers: [], freeText: "for the two invoices", payerName: nil, bankReference: "B-by-hand", isReversal: false,
                        source: "test"
                    )],
                    fileID: nil, creditorID: creditorID, on: tx
                )
            }
            guard case .unmatched = try #require(booked.first).match else { Issue.record("matched without a reference"); return }
            let outcome = try await PaymentAssignment.assign(
                paymentID: booked[0].paymentID, toInvoice: first.invoiceNumber, creditorID: creditorID, by: "test", today: until, on: store.database
            )
            #expect(outcome.allocated.minorUnits == first.principalOpenMinor, "the principal alone is what the offer asked for")
            #expect(outcome.overpayment.minorUnits == second.principalOpenMinor, "the rest is the customer's credit")
            let settled = try #require(try await ClaimRecord.find(first.id, on: store.database))
            #expect(settled.openMinor == 0 && settled.stage == ClaimStage.closed.rawValue, "the fee and interest are waived")

            // The credit, used on the second claim while its offer stands, pays its principal and keeps the offer too.
            let used = try await CustomerCredit.apply(
                toClaim: try second.requireID(), creditorID: creditorID, by: "test", userID: nil, today: until, on: store.database
            )
            #expect(used.minorUnits == second.principalOpenMinor)
            let closed = try #require(try await ClaimRecord.find(second.id, on: store.database))
            #expect(closed.openMinor == 0 && closed.stage == ClaimStage.closed.rawValue)
            #expect(try await LedgerEntryRecord.query(on: store.database).filter(\.$claimID == second.requireID())
                .filter(\.$kind == "waiver").count() >= 1)
            #expect(try await CustomerCredit.balances(customerID: second.customerID, creditorID: creditorID, on: store.database)
                .allSatisfy { !$0.isPositive }, "the credit is used up")
        }
    }
}
