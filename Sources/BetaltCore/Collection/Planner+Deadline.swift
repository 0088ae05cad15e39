/// The deadline a notice gives, or why the notice cannot go.
enum DeadlineOutcome {
    case gives(CivilDate?, Reason?)
    case refused(Reason)
}

extension ClaimDay {
    /// A notice's deadline in plain calendar days from sending (`BusinessCalendar.noticeDeadline`). A
    /// collection notice must give one of at least the rulebook's minimum (NO 14 days, inkl. § 9 (2); SE 8,
    /// IkL 5 §): a ladder asking for less is refused, not stretched, because the creditor must fix it.
    func deadlineOutcome(for step: LadderStep) -> DeadlineOutcome {
        let name = step.kind.name(in: country)
        guard step.kind == .collectionNotice else {
            guard let days = step.deadlineDays else { return .gives(nil, nil) }
            guard days >= 0 else { return .refused(Reason("'\(step.id)' gives a negative deadline (\(days) days)")) }
            return .gives(BusinessCalendar.noticeDeadline(sentOn: today, days: days), nil)
        }
        let minimum: DatedValue<Int>
        do {
            minimum = try rulebook.minimumCollectionNoticeDays.value(on: today)
        } catch {
            return .refused(Reason("the \(name) deadline cannot be checked: \(error)"))
        }
        guard let days = step.deadlineDays, days >= minimum.value else {
            let given = step.deadlineDays.map { ReasonText("\($0) days") } ?? ReasonText("no deadline")
            return .refused(Reason(
                "the ladder gives the \(name) \(given); it must give at least \(minimum.value) days", minimum.citation))
        }
        let deadline = BusinessCalendar.noticeDeadline(sentOn: today, days: days)
        let businessDay = if calendar.isBusinessDay(deadline) {
            ReasonText("")
        } else if country == .norway {
            ReasonText(", not moved although it is not a business day (Ot.prp. nr. 2 (1987–88) p. 114)")
        } else {
            ReasonText("; it is not a business day, so payment on the next one still counts and nothing follows before \(deadlinePassed(deadline))")
        }
        return .gives(deadline, Reason("deadline \(deadline): \(days) calendar days from sending\(businessDay)", minimum.citation))
    }
}
