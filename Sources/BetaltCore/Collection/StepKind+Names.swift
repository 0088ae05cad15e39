extension StepKind {
    /// The step as the country's law and trade call it, for reasons and previews ("inkassovarsel"); a reason
    /// that names it translates the name on its own.
    public func name(in country: Country) -> ReasonText {
        switch (self, country) {
        case (.friendlyReminder, _): ReasonText("friendly reminder")
        case (.reminder, .norway): ReasonText("purring")
        case (.reminder, .sweden): ReasonText("påminnelse")
        case (.collectionNotice, .norway): ReasonText("inkassovarsel")
        case (.collectionNotice, .sweden): ReasonText("inkassokrav")
        case (.callTask, _): ReasonText("call task")
        case (.handover, _): ReasonText("handover to the agency")
        }
    }

    /// The statutory fee this kind of step may carry: NO purregebyr (purring and inkassovarsel alike),
    /// SE påminnelseavgift or inkassoavgift.
    func feeName(in country: Country) -> String {
        switch (self, country) {
        case (_, .norway): "purregebyr"
        case (.collectionNotice, .sweden): "inkassoavgift"
        case (_, .sweden): "påminnelseavgift"
        }
    }

    /// Whether the law lets this kind of step carry the statutory fee (a purring or inkassovarsel, a
    /// påminnelse or inkassokrav).
    var mayChargeFee: Bool { self == .reminder || self == .collectionNotice }

    /// Whether the step charges the late interest accrued so far. A friendly reminder does not (it is
    /// fee-free and friendly; the interest keeps running and is charged with the next formal step), nor
    /// does a call task.
    var chargesInterest: Bool { self == .reminder || self == .collectionNotice || self == .handover }
}

extension Country {
    /// The B2B compensation's name: NO standardkompensasjon (frl. § 3a), SE förseningsersättning (IKL § 4 a).
    var compensationName: String { self == .norway ? "standardkompensasjon" : "förseningsersättning" }
}
