/// The two ways a last day is reckoned. They differ on purpose, and mixing them up is a legal error:
/// a payment due date rolls past non-business days, a statutory notice deadline does not.
extension BusinessCalendar {
    /// The day a payment due on `due` is still on time: `due` itself, or the next business day when `due`
    /// is not one.
    ///
    /// - Norway: gjeldsbrevloven § 5 moves a due date on a Saturday, Sunday, holiday, 1 May or 17 May to the
    ///   next working day (NORDIC-RULES § 8.1). Written for promissory notes; applying it to invoices is
    ///   practice by analogy [U].
    /// - Sweden: lag (1930:173) 2 § moves a statutory last day on a Saturday, Sunday, holiday, midsommarafton,
    ///   julafton or nyårsafton to the next weekday (§ 14.6); for contractual due dates this is bank
    ///   practice, not statute [U].
    ///
    /// Use it for when late interest starts and when a reminder may go out, never for a notice deadline.
    public func dueDateRolledForward(_ due: CivilDate) -> CivilDate {
        nextBusinessDay(onOrAfter: due)
    }

    /// The last day of a notice's payment deadline: `days` calendar days after `sentOn`, NOT moved when it
    /// falls on a weekend or holiday.
    ///
    /// Norway: the inkassovarsel and betalingsoppfordring deadline of at least 14 days (inkl. § 9 (2), § 10)
    /// ends on the same weekday as the sending day even if that day is a holiday (Ot.prp. nr. 2 (1987–88)
    /// p. 114; NORDIC-RULES §§ 1.5, 8.2).
    ///
    /// Sweden: the inkassokrav's at least 8 days (IkL 5 §, IMY guidance, § 11.5) are counted the same way.
    /// Whether lag (1930:173) lets the debtor pay on the next weekday when that last day is not one is not
    /// settled by the rules [U]; so act on a missed Swedish deadline only after
    /// `dueDateRolledForward(deadline)` has passed.
    public static func noticeDeadline(sentOn: CivilDate, days: Int) -> CivilDate {
        sentOn.adding(days: days)
    }
}
