import BetaltCore
import Testing

/// Payment plans in the core: the schedule, the debtor's limits, Sweden's plan fee and the review verdicts.
@Suite struct PaymentPlanTests {
    static func nok(_ kroner: Int64) -> Money { Money.major(kroner, .nok) }
    static func date(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }
    static let today = date("2026-11-23")

    @Test func equalWholeKronerInstalmentsWithTheRestInTheLast() throws {
        let terms = PlanTerms(debt: Money(minorUnits: 1_000_050, currency: .nok), instalmentCount: 3, firstInstalmentDate: Self.date("2026-12-15"))
        let payments = try PlanSchedule.payments(terms, today: Self.today)
        #expect(payments.map(\.amount.minorUnits) == [333_400, 333_400, 333_250])
        #expect(payments.map(\.date.iso) == ["2026-12-15", "2027-01-15", "2027-02-15"])
        #expect(payments.map(\.number) == [1, 2, 3])
        #expect(payments.reduce(0) { $0 + $1.amount.minorUnits } == terms.total.minorUnits)
    }

    @Test func theDownPaymentComesFirstAndTheFeeIsPartOfTheTotal() throws {
        let terms = PlanTerms(
            debt: Money.major(9_000, .sek), fee: Money.major(170, .sek), downPayment: Money.major(1_170, .sek),
            downPaymentDate: Self.date("2026-11-30"), instalmentCount: 4, firstInstalmentDate: Self.date("2027-01-31"))
        let payments = try PlanSchedule.payments(terms, today: Self.today)
        #expect(payments.map(\.number) == [0, 1, 2, 3, 4])
        #expect(payments[0].amount == Money.major(1_170, .sek))
        #expect(payments.dropFirst().map(\.amount) == Array(repeating: Money.major(2_000, .sek), count: 4))
        #expect(payments.last?.date.iso == "2027-04-30", "a month after 31 March ends on the month's last day")
    }

    @Test func aTinyDebtOverManyMonthsIsSplitInMinorUnits() throws {
        let payments = try PlanSchedule.payments(
            PlanTerms(debt: Self.nok(100), instalmentCount: 36, firstInstalmentDate: Self.date("2026-12-01")), today: Self.today)
        #expect(payments.count == 36)
        #expect(payments.allSatisfy { $0.amount.isPositive })
        #expect(payments.reduce(0) { $0 + $1.amount.minorUnits } == 10_000)
    }

    @Test(arguments: [
        (PlanTerms(debt: nok(0), instalmentCount: 2, firstInstalmentDate: date("2026-12-01")), PlanRefusal.nothingOwed),
        (PlanTerms(debt: nok(100), instalmentCount: 0, firstInstalmentDate: date("2026-12-01")), .instalmentCount(maximum: 36)),
        (PlanTerms(debt: nok(100), instalmentCount: 37, firstInstalmentDate: date("2026-12-01")), .instalmentCount(maximum: 36)),
        (PlanTerms(debt: nok(100), instalmentCount: 2, firstInstalmentDate: date("2026-11-23")), .firstDateNotAhead),
        (PlanTerms(debt: nok(100), downPayment: nok(100), downPaymentDate: date("2026-11-24"), instalmentCount: 2,
                   firstInstalmentDate: date("2026-12-01")), .downPaymentTooLarge(total: nok(100))),
        (PlanTerms(debt: nok(100), downPayment: nok(10), downPaymentDate: date("2026-12-02"), instalmentCount: 2,
                   firstInstalmentDate: date("2026-12-01")), .downPaymentDate),
        (PlanTerms(debt: nok(100), downPayment: Money.major(10, .sek), downPaymentDate: date("2026-11-24"), instalmentCount: 2,
                   firstInstalmentDate: date("2026-12-01")), .currencyMismatch),
    ])
    func refusedTerms(_ terms: PlanTerms, _ refusal: PlanRefusal) {
        #expect(throws: refusal) { try PlanSchedule.payments(terms, today: Self.today) }
    }

    @Test func theDebtorsLimitsBoundLengthAndInstalmentSize() throws {
        let limits = PlanLimits(maximumMonths: 6, minimumInstalment: Self.nok(500))
        let fits = try PlanSchedule.payments(PlanTerms(debt: Self.nok(3_000), instalmentCount: 6, firstInstalmentDate: Self.date("2026-12-23")), today: Self.today)
        #expect(limits.refusals(fits, today: Self.today).isEmpty)
        let long = try PlanSchedule.payments(PlanTerms(debt: Self.nok(3_000), instalmentCount: 6, firstInstalmentDate: Self.date("2026-12-24")), today: Self.today)
        #expect(limits.refusals(long, today: Self.today) == [.tooLong(maximumMonths: 6)])
        let small = try PlanSchedule.payments(PlanTerms(debt: Self.nok(2_000), instalmentCount: 5, firstInstalmentDate: Self.date("2026-12-23")), today: Self.today)
        #expect(limits.refusals(small, today: Self.today) == [.instalmentTooSmall(minimum: Self.nok(500))])
        #expect(limits.mostInstalments(for: Self.nok(3_000), firstDate: Self.date("2026-12-23"), today: Self.today) == 6)
        #expect(limits.mostInstalments(for: Self.nok(1_499), firstDate: Self.date("2026-12-23"), today: Self.today) == 2)
        #expect(PlanLimits(maximumMonths: 0, minimumInstalment: Self.nok(1)).refusals(fits, today: Self.today) == [.plansNotOffered])
    }

    @Test func onlyASwedishConsumerPlanCarriesTheFee() {
        let se = PlanFee.decide(wanted: true, country: .sweden, customerKind: .consumer, rulebook: .sweden, on: Self.today)
        #expect(se.fee == Money.major(170, .sek))
        #expect(se.reason.citation?.contains("IKL § 3 (2)") == true)
        #expect(PlanFee.decide(wanted: true, country: .sweden, customerKind: .business, rulebook: .sweden, on: Self.today).fee == nil)
        #expect(PlanFee.decide(wanted: true, country: .norway, customerKind: .consumer, rulebook: .norway, on: Self.today).fee == nil)
        #expect(PlanFee.decide(wanted: false, country: .sweden, customerKind: .consumer, rulebook: .sweden, on: Self.today).fee == nil)
    }

    static let schedule = [
        PlannedPayment(number: 0, date: date("2026-12-01"), amount: nok(1_000)),
        PlannedPayment(number: 1, date: date("2027-01-01"), amount: nok(2_000)),
        PlannedPayment(number: 2, date: date("2027-02-01"), amount: nok(2_000)),
    ]

    static func progress(paid: Int64, open: Int64 = 5_000, reminded: Int? = nil, deadline: String? = nil) -> PlanProgress {
        PlanProgress(payments: schedule, paid: nok(paid), open: nok(open), remindedNumber: reminded, reminderDeadline: deadline.map(date))
    }

    @Test func aPaymentIsMissedOnlyFromTheDayAfterItsDate() {
        guard case .onTrack = PlanStanding.judge(Self.progress(paid: 0), on: Self.date("2026-12-01")) else {
            Issue.record("the down payment's own day is still on time"); return
        }
        guard case .remind(let number, let arrears, let deadline, _) = PlanStanding.judge(Self.progress(paid: 400), on: Self.date("2026-12-02")) else {
            Issue.record("a short down payment is a miss the next day"); return
        }
        #expect(number == 0)
        #expect(arrears == Self.nok(600))
        #expect(deadline.iso == "2026-12-16")
    }

    @Test func afterTheReminderTheDebtorMayCatchUp() {
        guard case .awaitingReminder = PlanStanding.judge(Self.progress(paid: 0, reminded: 0, deadline: "2026-12-16"), on: Self.date("2026-12-10")) else {
            Issue.record("within the reminder's deadline nothing happens"); return
        }
        guard case .onTrack = PlanStanding.judge(Self.progress(paid: 1_000, reminded: 0, deadline: "2026-12-16"), on: Self.date("2026-12-20")) else {
            Issue.record("caught up is on track"); return
        }
    }

    @Test func aSecondMissBreachesThePlan() {
        guard case .breached(let late) = PlanStanding.judge(Self.progress(paid: 0, reminded: 0, deadline: "2026-12-16"), on: Self.date("2026-12-17")) else {
            Issue.record("the reminder's deadline passed unpaid"); return
        }
        #expect(late.text.contains("2026-12-16"))
        guard case .breached(let second) = PlanStanding.judge(Self.progress(paid: 1_000, reminded: 0, deadline: "2026-12-16"), on: Self.date("2027-01-02")) else {
            Issue.record("caught up once, then the next instalment missed"); return
        }
        #expect(second.text.contains("(1, due 2027-01-01)"))
    }

    @Test func nothingLeftToPayCompletesThePlanWhateverTheSchedule() {
        guard case .completed = PlanStanding.judge(Self.progress(paid: 0, open: 0), on: Self.date("2027-03-01")) else {
            Issue.record("a credit note that settles the claims completes the plan"); return
        }
        guard case .remind(_, let arrears, _, _) = PlanStanding.judge(Self.progress(paid: 0, open: 300), on: Self.date("2026-12-02")) else {
            Issue.record("a miss"); return
        }
        #expect(arrears == Self.nok(300), "arrears never exceed what is still open")
    }
}
