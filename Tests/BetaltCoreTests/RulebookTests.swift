import BetaltCore
import Testing

private func nok(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .nok) }
private func sek(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .sek) }

@Suite struct RulebookTests {
    let norway = Rulebook.norway.norwegian!
    let sweden = Rulebook.sweden.swedish!

    @Test func rulebookPerCountry() {
        #expect(Rulebook.for(.norway).country == .norway)
        #expect(Rulebook.for(.sweden).country == .sweden)
        #expect(Rulebook.norway.swedish == nil)
        #expect(Rulebook.sweden.norwegian == nil)
        #expect(Rulebook.sweden.calendar == .sweden)
        #expect(Rulebook.norway.lateInterest.dayCount == .actualActual)
        #expect(Rulebook.sweden.lateInterest.dayCount == .actual365Fixed)
        #expect(Rulebook.norway.lateInterest.citation.text == "frl. § 3")
        #expect(Rulebook.sweden.lateInterest.citation.text == "RL 6 §")
    }

    @Test func inkassosatsChangesOn2026_01_01() throws {
        let old = try norway.collectionRate.value(on: day("2025-12-31"))
        #expect(old.value == Money.major(700, .nok))
        #expect(old.citation.description == "inkf. § 1-1 (3) [C]")
        let new = try norway.collectionRate.value(on: day("2026-01-01"))
        #expect(new.value == Money.major(750, .nok))
        #expect(new.citation.description == "inkf. § 1-1 (3) [S/U]")
        #expect(new.citation.isUncertain)
        #expect(new.period.effectiveThrough == nil)
        #expect(try norway.collectionRate.value(on: day("2017-01-01")).value == Money.major(700, .nok))
        #expect(throws: RuleLookupError.beforeFirstPeriod(
            parameter: "NO inkassosats", date: day("2016-12-31"), firstKnown: day("2017-01-01"))) {
            try norway.collectionRate.value(on: day("2016-12-31"))
        }
    }

    @Test("Reminder fee follows the claim's due date across the 1 October 2020 halving")
    func reminderFeeTransition2020() throws {
        // Both reminders are sent on the same day; only the due date differs.
        let dueBefore = try norway.reminderFee(claimDueOn: day("2020-09-30"), sentOn: day("2020-10-20"))
        #expect(dueBefore.amount == nok(7000))
        #expect(dueBefore.fraction.value == FeeFraction(1, 10))
        let dueAfter = try norway.reminderFee(claimDueOn: day("2020-10-01"), sentOn: day("2020-10-20"))
        #expect(dueAfter.amount == nok(3500))
        #expect(dueAfter.fraction.value == FeeFraction(1, 20))
        #expect(dueAfter.citations.map(\.text) == ["inkf. § 1-2", "inkf. § 1-1 (3)"])
        #expect(!dueAfter.isUncertain)
        #expect(try norway.paymentDemandFee(claimDueOn: day("2020-09-30"), sentOn: day("2020-10-20")).amount == nok(21000))
        #expect(try norway.paymentDemandFee(claimDueOn: day("2020-10-01"), sentOn: day("2020-10-20")).amount == nok(10500))
    }

    @Test("2026 fees: 750/20 = 37.50 kr and 3 × 750/20 = 112.50 kr, exact in øre, marked uncertain")
    func fees2026() throws {
        let reminder = try norway.reminderFee(claimDueOn: day("2025-12-10"), sentOn: day("2026-01-05"))
        #expect(reminder.amount == nok(3750))
        #expect(reminder.isUncertain)
        #expect(reminder.description == "37.50 NOK = 1/20 × 750.00 NOK (inkf. § 1-2 [C]; inkf. § 1-1 (3) [S/U])")
        // Sent on 31 December the old inkassosats still applies (§ 2.2: the sats when the notice is sent).
        #expect(try norway.reminderFee(claimDueOn: day("2025-12-10"), sentOn: day("2025-12-31")).amount == nok(3500))
        #expect(try norway.paymentDemandFee(claimDueOn: day("2025-12-10"), sentOn: day("2026-01-05")).amount == nok(11250))
    }

    @Test func feeBeforeTheRulebookStartsThrows() {
        #expect(throws: RuleLookupError.self) {
            try norway.reminderFee(claimDueOn: day("2016-12-15"), sentOn: day("2017-01-05"))
        }
    }

    @Test func norwegianLimits() throws {
        let date = day("2025-03-01")
        #expect(try norway.maximumReminderFees.value(on: date).value == 2)
        #expect(try norway.minimumDaysAfterDueForFee.value(on: date).value == 14)
        #expect(try norway.minimumMissedDeadlineDaysForNextFee.value(on: date).value == 14)
        #expect(try norway.handoverWindowMonths.value(on: date).value == 6)
        #expect(try Rulebook.norway.minimumCollectionNoticeDays.value(on: date).value == 14)
        #expect(try Rulebook.norway.minimumCollectionNoticeDays.value(on: date).citation.text == "inkl. § 9 (2)")
        #expect(try norway.maximumReminderFees.value(on: date).citation.text == "inkf. § 1-3")
    }

    /// NORDIC-RULES § 16.2, NO column, in basis points, by the first day of each half-year.
    @Test(arguments: [
        ("2019-07-01", 925), ("2020-01-01", 950), ("2020-07-01", 800), ("2021-01-01", 800), ("2021-07-01", 800),
        ("2022-01-01", 850), ("2022-07-01", 925), ("2023-01-01", 1075), ("2023-07-01", 1175), ("2024-01-01", 1250),
        ("2024-07-01", 1250), ("2025-01-01", 1250), ("2025-07-01", 1225), ("2026-01-01", 1200),
    ])
    func norwegianLateInterestPerHalfYear(_ firstDay: String, _ basisPoints: Int64) throws {
        let start = day(firstDay)
        let halfYear = HalfYear(containing: start)
        let rate = try Rulebook.norway.lateInterest.rate.value(on: start)
        #expect(rate.value == InterestRate(basisPoints: basisPoints))
        #expect(rate.period.effectiveFrom == halfYear.firstDay)
        #expect(rate.period.effectiveThrough == halfYear.lastDay)
        #expect(try Rulebook.norway.lateInterest.rate.value(on: halfYear.lastDay).value == rate.value)
        #expect(rate.citation.text.hasPrefix("frl. § 3"))
    }

    @Test func lateInterestCitesTheRegulation() throws {
        let rate = try Rulebook.norway.lateInterest.rate.value(on: day("2025-03-01"))
        #expect(rate.citation.description == "frl. § 3; FOR-2024-12-19-3279 [C]")
        #expect(rate.value.description == "12.50 %")
        let derived = try Rulebook.norway.lateInterest.rate.value(on: day("2025-08-01"))
        #expect(derived.value.description == "12.25 %")
        #expect(derived.citation.tags == [.derived, .uncertain])
    }

    /// NORDIC-RULES § 16.2, SE columns: referensränta and dröjsmålsränta = ref + 8 points.
    @Test(arguments: [
        ("2019-07-01", 0), ("2020-01-01", 0), ("2020-07-01", 0), ("2021-01-01", 0), ("2021-07-01", 0),
        ("2022-01-01", 0), ("2022-07-01", 50), ("2023-01-01", 250), ("2023-07-01", 350), ("2024-01-01", 400),
        ("2024-07-01", 400), ("2025-01-01", 300), ("2025-07-01", 200), ("2026-01-01", 200),
    ])
    func swedishLateInterestPerHalfYear(_ firstDay: String, _ referenceBasisPoints: Int64) throws {
        let start = day(firstDay)
        let reference = try sweden.referenceRate.value(on: start)
        #expect(reference.value == InterestRate(basisPoints: referenceBasisPoints))
        let rate = try Rulebook.sweden.lateInterest.rate.value(on: HalfYear(containing: start).lastDay)
        #expect(rate.value == InterestRate(basisPoints: referenceBasisPoints + 800))
        #expect(rate.citation.text == "RL 6 §; RL 9 §")
        #expect(rate.citation.tags == reference.citation.tags)
    }

    @Test func swedishRateAtTheTurnOf2025() throws {
        let rate = Rulebook.sweden.lateInterest.rate
        #expect(try rate.value(on: day("2024-12-31")).value.description == "12.00 %")
        #expect(try rate.value(on: day("2025-01-01")).value.description == "11.00 %")
        #expect(try rate.value(on: day("2021-03-01")).value.description == "8.00 %")
        #expect(try rate.value(on: day("2025-01-01")).citation.isUncertain)
    }

    @Test func ratesAfterTheLastKnownHalfYearThrow() {
        #expect(throws: RuleLookupError.afterLastPeriod(
            parameter: "NO forsinkelsesrente", date: day("2026-07-01"), lastKnown: day("2026-06-30"))) {
            try Rulebook.norway.lateInterest.rate.value(on: day("2026-07-01"))
        }
        #expect(throws: RuleLookupError.afterLastPeriod(
            parameter: "SE dröjsmålsränta", date: day("2026-07-01"), lastKnown: day("2026-06-30"))) {
            try Rulebook.sweden.lateInterest.rate.value(on: day("2026-07-01"))
        }
        #expect(throws: RuleLookupError.beforeFirstPeriod(
            parameter: "NO forsinkelsesrente", date: day("2019-06-30"), firstKnown: day("2019-07-01"))) {
            try Rulebook.norway.lateInterest.rate.value(on: day("2019-06-30"))
        }
    }

    @Test func errorMessagesNameTheParameterAndTheDate() {
        do {
            _ = try Rulebook.norway.lateInterest.rate.value(on: day("2026-07-01"))
            Issue.record("expected a lookup failure")
        } catch {
            #expect(error.description == "no known NO forsinkelsesrente on 2026-07-01: the last known period ended 2026-06-30; add the new value to the rulebook")
            #expect(error.parameter == "NO forsinkelsesrente")
            #expect(error.date == day("2026-07-01"))
        }
    }

    /// Half-years marked "?" in NORDIC-RULES § 16.1 are gaps: a lookup there throws.
    @Test(arguments: [
        ("2020-03-01", "2019-12-31", "2020-07-01"),  // 2020 H1
        ("2021-01-01", "2020-12-31", "2021-07-01"),  // 2021 H1
        ("2023-07-01", "2023-06-30", "2024-01-01"),  // 2023 H2
        ("2024-12-31", "2024-06-30", "2025-01-01"),  // 2024 H2
        ("2025-07-01", "2025-06-30", "2026-01-01"),  // 2025 H2
        ("2019-01-01", "2018-06-30", "2019-07-01"),  // 2018 H2 and 2019 H1
    ])
    func unknownStandardCompensationThrows(_ date: String, _ knownThrough: String, _ knownAgainFrom: String) {
        #expect(throws: RuleLookupError.gap(
            parameter: "NO standardkompensasjon", date: day(date),
            knownThrough: day(knownThrough), knownAgainFrom: day(knownAgainFrom))) {
            try Rulebook.norway.b2bCompensation.value(on: day(date))
        }
    }

    @Test func knownStandardCompensation() throws {
        let compensation = Rulebook.norway.b2bCompensation
        #expect(try compensation.value(on: day("2020-07-01")).value == Money.major(430, .nok))
        #expect(try compensation.value(on: day("2022-06-30")).value == Money.major(390, .nok))
        #expect(try compensation.value(on: day("2022-07-01")).value == Money.major(400, .nok))
        #expect(try compensation.value(on: day("2026-06-30")).value == Money.major(460, .nok))
        #expect(try compensation.value(on: day("2017-03-01")).citation.isUncertain)
        #expect(throws: RuleLookupError.afterLastPeriod(
            parameter: "NO standardkompensasjon", date: day("2026-07-01"), lastKnown: day("2026-06-30"))) {
            try compensation.value(on: day("2026-07-01"))
        }
        #expect(throws: RuleLookupError.beforeFirstPeriod(
            parameter: "NO standardkompensasjon", date: day("2016-06-30"), firstKnown: day("2016-07-01"))) {
            try compensation.value(on: day("2016-06-30"))
        }
    }

    @Test func swedishFeesFrom16March2013() throws {
        let reform = day("2013-03-16")
        #expect(try sweden.reminderFee.value(on: reform).value == sek(6000))
        #expect(try sweden.collectionFee.value(on: reform).value == sek(18000))
        #expect(try sweden.paymentPlanFee.value(on: reform).value == sek(17000))
        #expect(try Rulebook.sweden.b2bCompensation.value(on: reform).value == sek(45000))
        #expect(try sweden.reminderFee.value(on: day("2030-01-01")).citation.text == "IKL § 2")
        #expect(try Rulebook.sweden.b2bCompensation.value(on: reform).citation.text == "IKL § 4 a")
        #expect(try Rulebook.sweden.minimumCollectionNoticeDays.value(on: reform).value == 8)
        #expect(try sweden.maximumReminderFees.value(on: reform).citation.isUncertain)
        #expect(throws: RuleLookupError.beforeFirstPeriod(
            parameter: "SE förseningsersättning", date: day("2013-03-15"), firstKnown: reform)) {
            try Rulebook.sweden.b2bCompensation.value(on: day("2013-03-15"))
        }
        #expect(throws: RuleLookupError.self) { try sweden.reminderFee.value(on: day("2013-03-15")) }
    }

    @Test func everyPeriodCarriesACitation() {
        let citations: [[RuleCitation]] = [
            citations(of: Rulebook.norway.lateInterest.rate), citations(of: Rulebook.norway.b2bCompensation),
            citations(of: Rulebook.norway.minimumCollectionNoticeDays), citations(of: norway.collectionRate),
            citations(of: norway.reminderFeeFraction), citations(of: norway.paymentDemandFeeFraction),
            citations(of: norway.maximumReminderFees), citations(of: norway.minimumDaysAfterDueForFee),
            citations(of: norway.minimumMissedDeadlineDaysForNextFee), citations(of: norway.handoverWindowMonths),
            citations(of: Rulebook.sweden.lateInterest.rate), citations(of: Rulebook.sweden.b2bCompensation),
            citations(of: Rulebook.sweden.minimumCollectionNoticeDays), citations(of: sweden.reminderFee),
            citations(of: sweden.collectionFee), citations(of: sweden.paymentPlanFee),
            citations(of: sweden.maximumReminderFees), citations(of: sweden.referenceRate),
            [Rulebook.norway.lateInterest.citation, Rulebook.norway.lateInterest.dayCountCitation,
             Rulebook.norway.lateInterest.accrualStartCitation, Rulebook.sweden.lateInterest.citation,
             Rulebook.sweden.lateInterest.dayCountCitation, Rulebook.sweden.lateInterest.accrualStartCitation],
        ]
        for citation in citations.joined() {
            #expect(!citation.text.isEmpty)
            #expect(!citation.tags.isEmpty)
            #expect(citation.text.contains("§"), "\(citation) should name a provision")
        }
        #expect(Rulebook.sweden.lateInterest.dayCountCitation.isUncertain)
        #expect(Rulebook.norway.lateInterest.dayCountCitation.isUncertain)
    }

    private func citations<Value>(of schedule: DatedSchedule<Value>) -> [RuleCitation] {
        schedule.periods.map(\.citation)
    }

    @Test func scheduleLookupAtEveryBoundary() throws {
        let cite = RuleCitation("test § 1", .derived)
        let schedule = DatedSchedule("test parameter", [
            RulePeriod(from: day("2020-01-01"), through: day("2020-06-30"), value: 1, citation: cite),
            RulePeriod(from: day("2021-01-01"), through: nil, value: 2, citation: cite),
        ])
        #expect(try schedule.value(on: day("2020-01-01")).value == 1)
        #expect(try schedule.value(on: day("2020-06-30")).value == 1)
        #expect(try schedule.value(on: day("2021-01-01")).value == 2)
        #expect(try schedule.value(on: day("2999-12-31")).value == 2)
        #expect(throws: RuleLookupError.gap(parameter: "test parameter", date: day("2020-07-01"),
                                            knownThrough: day("2020-06-30"), knownAgainFrom: day("2021-01-01"))) {
            try schedule.value(on: day("2020-07-01"))
        }
        #expect(throws: RuleLookupError.gap(parameter: "test parameter", date: day("2020-12-31"),
                                            knownThrough: day("2020-06-30"), knownAgainFrom: day("2021-01-01"))) {
            try schedule.value(on: day("2020-12-31"))
        }
        #expect(throws: RuleLookupError.beforeFirstPeriod(parameter: "test parameter", date: day("2019-12-31"),
                                                          firstKnown: day("2020-01-01"))) {
            try schedule.value(on: day("2019-12-31"))
        }
    }

    @Test func feeFractionsAreExactOrRefused() {
        #expect(FeeFraction(1, 20).of(Money.major(750, .nok)) == nok(3750))
        #expect(FeeFraction(3, 20).of(Money.major(750, .nok)) == nok(11250))
        #expect(FeeFraction(1, 3).of(nok(100)) == nil)
        #expect(FeeFraction(1, 20).description == "1/20")
    }

    @Test func halfYears() {
        #expect(HalfYear(containing: day("2024-06-30")) == .h1(2024))
        #expect(HalfYear(containing: day("2024-07-01")) == .h2(2024))
        #expect(HalfYear.h2(2024).next == .h1(2025))
        #expect(HalfYear.h2(2024).lastDay == day("2024-12-31"))
        #expect(HalfYear.h1(2024).lastDay == day("2024-06-30"))
        #expect(HalfYear.h1(2024) < .h2(2024))
        #expect(HalfYear.h1(2025).description == "2025 H1")
    }

    @Test func interestRateText() {
        #expect(InterestRate(basisPoints: 1225).description == "12.25 %")
        #expect(InterestRate(basisPoints: 800).description == "8.00 %")
        #expect(InterestRate(basisPoints: 5).description == "0.05 %")
        #expect(InterestRate(basisPoints: -50).description == "-0.50 %")
        #expect(InterestRate(basisPoints: 0).adding(InterestRate(basisPoints: 800)) == InterestRate(basisPoints: 800))
    }
}
