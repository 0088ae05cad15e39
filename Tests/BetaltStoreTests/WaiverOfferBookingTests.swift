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

    @Test("a payment of the principal by the offer's day settles the claim, waiving the fee and interest; one a day late does not",
          arguments: TestEngine.allCases)
    func offerKeptByThePayment(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 12, invoicesPerCreditor: 90)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: store.database)
            for creditor in try await CreditorRecord.query(on: store.database).all() {
                let country = try #require(Country(rawValue: creditor.country))
                let standard = country == .norway ? Ladder.defaultNorway : .defaultSweden
                let waiving = Ladder(
                    id: standard.id, name: standard.name, country: country, steps: standard.steps, options: LadderOptions(waiverIfPaidWithinDays: 10)
                )
                try await LadderBook.save(waiving, key: LadderBook.defaultKey(country), creditorID: creditor.id!, on: Self.today, database: store.database)
            }
            _ = try await DailyRun(date: Self.runDate).run(on: store.database)
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
}
