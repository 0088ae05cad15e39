import BetaltCore
import PropertyBased
import Testing

private func nok(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .nok) }
private func sek(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .sek) }

@Suite struct LateInterestTests {
    @Test func acrossTheJuly2025RateChange() throws {
        // NOK 10 000.00 = 1 000 000 øre, due 2025-06-10, through 2025-07-10.
        // 11–30 June: 20 days at 12.50 %: 1 000 000 × 1250 × 20 / (10 000 × 365) = 6849.3150… øre
        // 1–10 July:  10 days at 12.25 %: 1 000 000 × 1225 × 10 / (10 000 × 365) = 3356.1643… øre
        // Sum 10 205.4794… øre → 10 205 øre = 102.05 kr.
        let result = try LateInterest.accrued(
            on: nok(1_000_000), dueDate: day("2025-06-10"), through: day("2025-07-10"), rulebook: .norway)
        #expect(result.total == nok(10_205))
        #expect(result.days == 30)
        #expect(result.periods.count == 2)
        let (june, july) = (result.periods[0], result.periods[1])
        #expect((june.from, june.through, june.days) == (day("2025-06-11"), day("2025-06-30"), 20))
        #expect((july.from, july.through, july.days) == (day("2025-07-01"), day("2025-07-10"), 10))
        #expect(june.rate == InterestRate(basisPoints: 1250))
        #expect(july.rate == InterestRate(basisPoints: 1225))
        #expect(june.daysInYear == 365 && july.daysInYear == 365)
        #expect(june.rateCitation.text == "frl. § 3; FOR-2024-12-19-3279")
        #expect(july.rateCitation.text == "frl. § 3; FOR-2025-06-23-1321")
        #expect(june.exactInterest.wholeMinorUnits == 6849)
        #expect(july.exactInterest.wholeMinorUnits == 3356)
        #expect(result.citation.text == "frl. § 3")
        #expect(result.accrualStartCitation.text == "frl. § 2")
    }

    @Test func norwegianLeapYearDaysCountOver366() throws {
        // NOK 10 000.00, due 2023-12-20, through 2024-01-10.
        // 21–31 Dec 2023: 11 days at 11.75 % /365: 1 000 000 × 1175 × 11 / 3 650 000 = 3541.0958… øre
        // 1–10 Jan 2024: 10 days at 12.50 % /366 (leap year): 1 000 000 × 1250 × 10 / 3 660 000 = 3415.3005… øre
        // Sum 6956.3964… → 6956 øre. (With /365 in 2024 it would be 3424.6575… and a total of 6966 øre.)
        let result = try LateInterest.accrued(
            on: nok(1_000_000), dueDate: day("2023-12-20"), through: day("2024-01-10"), rulebook: .norway)
        #expect(result.total == nok(6956))
        #expect(result.periods.map(\.daysInYear) == [365, 366])
        #expect(result.periods.map(\.days) == [11, 10])
        #expect(result.periods.map(\.rate.basisPoints) == [1175, 1250])
    }

    @Test func swedenAcross2024H2To2025H1() throws {
        // SEK 10 000.00 = 1 000 000 öre, due 2024-12-20, through 2025-01-10; Sweden counts /365 even in 2024.
        // 21–31 Dec 2024: 11 days at 4.00 + 8 = 12.00 %: 1 000 000 × 1200 × 11 / 3 650 000 = 3616.4383… öre
        // 1–10 Jan 2025: 10 days at 3.00 + 8 = 11.00 %: 1 000 000 × 1100 × 10 / 3 650 000 = 3013.6986… öre
        // Sum 6630.1369… → 6630 öre = 66.30 kr.
        let result = try LateInterest.accrued(
            on: sek(1_000_000), dueDate: day("2024-12-20"), through: day("2025-01-10"), rulebook: .sweden)
        #expect(result.total == sek(6630))
        #expect(result.periods.map(\.daysInYear) == [365, 365])
        #expect(result.periods.map(\.rate.basisPoints) == [1200, 1100])
        #expect(result.citation.text == "RL 6 §")
        #expect(result.dayCountCitation.isUncertain)
    }

    @Test func noInterestUntilTheDayAfterTheDueDate() throws {
        for through in ["2025-03-03", "2025-03-01"] {
            let none = try LateInterest.accrued(
                on: nok(1_000_000), dueDate: day("2025-03-03"), through: day(through), rulebook: .norway)
            #expect(none.total == nok(0))
            #expect(none.periods.isEmpty)
            #expect(none.days == 0)
        }
    }

    @Test func oneDay() throws {
        // 1 000 000 × 1250 × 1 / 3 650 000 = 342.4657… → 342 øre.
        let result = try LateInterest.accrued(
            on: nok(1_000_000), dueDate: day("2025-03-03"), through: day("2025-03-04"), rulebook: .norway)
        #expect(result.total == nok(342))
        #expect(result.periods.count == 1)
        #expect(result.periods[0].from == day("2025-03-04"))
    }

    @Test func exactlyHalfAMinorUnitRoundsUp() throws {
        // At 12.50 % /365 one day earns principal × 1250 / 3 650 000 = principal / 2920.
        // 1460 øre / 2920 = 0.5 exactly → 1 øre; 1459 øre → 0.4996… → 0.
        // 1 000 100 øre / 2920 = 342.5 exactly → 343 øre.
        // In a leap year (/366) the same rate gives principal / 2928: 1464 øre → 0.5 → 1 øre.
        func oneDay(_ principal: Int64, _ due: String, _ through: String) throws -> InterestCalculation {
            try LateInterest.accrued(on: nok(principal), dueDate: day(due), through: day(through), rulebook: .norway)
        }
        let half = try oneDay(1460, "2025-03-03", "2025-03-04")
        #expect(half.exactTotal.remainder * 2 == half.exactTotal.denominator)
        #expect(half.total == nok(1))
        #expect(try oneDay(1459, "2025-03-03", "2025-03-04").total == nok(0))
        #expect(try oneDay(1_000_100, "2025-03-03", "2025-03-04").total == nok(343))
        #expect(try oneDay(1464, "2024-03-03", "2024-03-04").total == nok(1))
        #expect(try oneDay(1463, "2024-03-03", "2024-03-04").total == nok(0))
    }

    @Test func totalIsRoundedOnceNotPerPeriod() throws {
        // NOK 10 001.00 = 1 000 100 øre, due 2025-06-29, through 2025-07-01.
        // 30 June at 12.50 %: 1 000 100 × 1250 / 3 650 000 = 342.50 øre (would round to 343)
        //  1 July at 12.25 %: 1 000 100 × 1225 / 3 650 000 = 335.65 øre (would round to 336)
        // Rounded per period: 343 + 336 = 679. Rounded once: 678.15 → 678 øre.
        let result = try LateInterest.accrued(
            on: nok(1_000_100), dueDate: day("2025-06-29"), through: day("2025-07-01"), rulebook: .norway)
        let perPeriod = result.periods.map(\.exactInterest.roundedHalfUp.minorUnits).reduce(0, +)
        #expect(perPeriod == 679)
        #expect(result.total == nok(678))
    }

    @Test func largePrincipalOverSevenYearsDoesNotOverflow() throws {
        // 10^12 øre from 2019-07-01 through 2026-06-30, every Norwegian half-year rate.
        // Exact value 3 222 447 500 000 000 / 4453 = 723 657 646 530.43 øre (computed with exact fractions,
        // day by day, outside Swift); Sweden's 48 763 000 000 000 / 73 = 667 986 301 369.86 öre.
        let norway = try LateInterest.accrued(
            on: nok(1_000_000_000_000), dueDate: day("2019-06-30"), through: day("2026-06-30"), rulebook: .norway)
        #expect(norway.total == nok(723_657_646_530))
        #expect(norway.periods.count == 14)
        #expect(norway.days == 2557)
        let sweden = try LateInterest.accrued(
            on: sek(1_000_000_000_000), dueDate: day("2019-06-30"), through: day("2026-06-30"), rulebook: .sweden)
        #expect(sweden.total == sek(667_986_301_370))
    }

    @Test func largestPrincipalIsStillExact() throws {
        // Int64.max øre over the same seven years: exactly 162 859 354 310 863 452 944 261 / 24 400
        // = 6 674 563 701 264 895 612.47 øre (exact fractions, day by day, outside Swift).
        let result = try LateInterest.accrued(
            on: nok(.max), dueDate: day("2019-06-30"), through: day("2026-06-30"), rulebook: .norway)
        #expect(result.total == nok(6_674_563_701_264_895_612))
    }

    /// A rulebook with one made-up rate for 2030, to drive the arithmetic past Int64.
    private func rulebook(basisPoints: Int64) -> Rulebook {
        let citation = RuleCitation("test § 1", .derived)
        let rate = InterestRate(basisPoints: basisPoints)
        return Rulebook(
            country: .norway,
            lateInterest: LateInterestRules(
                rate: DatedSchedule("test rate", [RulePeriod(.h1(2030), rate, citation), RulePeriod(.h2(2030), rate, citation)]),
                dayCount: .actual365Fixed, citation: citation, dayCountCitation: citation, accrualStartCitation: citation),
            b2bCompensation: Rulebook.norway.b2bCompensation,
            minimumCollectionNoticeDays: Rulebook.norway.minimumCollectionNoticeDays,
            countryRules: Rulebook.norway.countryRules)
    }

    @Test func interestBeyondInt64ThrowsInsteadOfWrapping() throws {
        // 150 % for a year on Int64.max: each half-year fits (about 0.74 and 0.76 × Int64.max), their sum does not.
        #expect(throws: LateInterestError.overflow) {
            try LateInterest.accrued(on: nok(.max), dueDate: day("2029-12-31"), through: day("2030-12-31"),
                                     rulebook: rulebook(basisPoints: 15_000))
        }
        // 10 000 % for a half-year: the 128-bit product divided by 3 650 000 no longer fits in 64 bits.
        #expect(throws: LateInterestError.overflow) {
            try LateInterest.accrued(on: nok(.max), dueDate: day("2029-12-31"), through: day("2030-06-30"),
                                     rulebook: rulebook(basisPoints: 1_000_000))
        }
        // 100 % for exactly 365 days at /365 returns the principal itself: the largest total that fits.
        #expect(try LateInterest.accrued(on: nok(.max), dueDate: day("2029-12-31"), through: day("2030-12-31"),
                                         rulebook: rulebook(basisPoints: 10_000)).total == nok(.max))
    }

    @Test func unknownRatesThrow() {
        #expect(throws: RuleLookupError.afterLastPeriod(
            parameter: "NO forsinkelsesrente", date: day("2026-07-01"), lastKnown: day("2026-06-30"))) {
            try LateInterest.accrued(on: nok(100_000), dueDate: day("2026-06-01"), through: day("2026-07-01"),
                                     rulebook: .norway)
        }
        #expect(throws: RuleLookupError.beforeFirstPeriod(
            parameter: "SE dröjsmålsränta", date: day("2019-06-02"), firstKnown: day("2019-07-01"))) {
            try LateInterest.accrued(on: sek(100_000), dueDate: day("2019-06-01"), through: day("2019-08-01"),
                                     rulebook: .sweden)
        }
    }

    @Test func refusesWhatItDoesNotCover() {
        #expect(throws: LateInterestError.currencyNotCovered(.sek, .norway)) {
            try LateInterest.accrued(on: sek(100_000), dueDate: day("2025-01-01"), through: day("2025-02-01"),
                                     rulebook: .norway)
        }
        #expect(throws: LateInterestError.negativePrincipal(nok(-1))) {
            try LateInterest.accrued(on: nok(-1), dueDate: day("2025-01-01"), through: day("2025-02-01"),
                                     rulebook: .norway)
        }
    }

    /// Day by day, independently of the period split: each day adds principal × rate × (C / (10 000 × days in
    /// year)) over the common denominator C = 10 000 × 365 × 366; the total is that sum over C, half-up.
    @Test func agreesWithADayByDaySum() async {
        let first = day("2019-06-30").daysSinceEpoch
        let last = day("2026-06-29").daysSinceEpoch
        await propertyCheck(
            count: 60, input: Gen.int64(in: 0...1_000_000_000), Gen.int(in: first...last), Gen.int(in: 0...800),
            Gen<Country>.case
        ) { principal, dueEpochDay, length, country in
            let rulebook = Rulebook.for(country)
            let due = CivilDate(daysSinceEpoch: dueEpochDay)
            let through = Swift.min(due.adding(days: length), day("2026-06-30"))
            let money = Money(minorUnits: principal, currency: country.currency)
            let common: Int64 = 10_000 * 365 * 366
            var numerator: Int64 = 0
            var current = due.adding(days: 1)
            while current <= through {
                let rate = try! rulebook.lateInterest.rate.value(on: current).value.basisPoints
                let daysInYear = Int64(rulebook.lateInterest.dayCount.daysInYear(current.year))
                numerator += principal * rate * (common / (10_000 * daysInYear))
                current = current.adding(days: 1)
            }
            let expected = numerator / common + (2 * (numerator % common) >= common ? 1 : 0)
            let result = try! LateInterest.accrued(on: money, dueDate: due, through: through, rulebook: rulebook)
            #expect(result.total.minorUnits == expected)
            #expect(result.days == Swift.max(0, due.days(until: through)))
        }
    }
}
