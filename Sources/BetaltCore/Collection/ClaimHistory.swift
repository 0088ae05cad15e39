/// The steps taken on a claim, read the way the planner asks about them; optionally with one more step
/// assumed taken, to find out when the step after today's act comes without copying the history.
struct ClaimHistory {
    let taken: [TakenStep]
    let assumed: TakenStep?

    init(_ taken: [TakenStep], assuming assumed: TakenStep? = nil) {
        self.taken = taken
        self.assumed = assumed
    }

    func contains(stepID: String) -> Bool {
        if assumed?.stepID == stepID { return true }
        return taken.contains { $0.stepID == stepID }
    }

    /// The most recent step that matches.
    func newest(where matches: (TakenStep) -> Bool) -> TakenStep? {
        if let assumed, matches(assumed) { return assumed }
        return taken.last(where: matches)
    }

    func count(where matches: (TakenStep) -> Bool) -> Int {
        var count = assumed.map { matches($0) ? 1 : 0 } ?? 0
        for step in taken where matches(step) { count += 1 }
        return count
    }

    var lastSentOn: CivilDate? { assumed?.sentOn ?? taken.last?.sentOn }

    /// The deadline the most recent notice that gave one gave: what "after the previous deadline" counts from.
    var lastDeadline: CivilDate? { newest { $0.deadline != nil }?.deadline }

    var lastCollectionNotice: TakenStep? { newest { $0.kind == .collectionNotice } }

    /// The most recent notice that charged the statutory fee.
    var lastFeeBearingNotice: TakenStep? { newest(where: \.chargedFee) }

    /// How many notices of `kind` charged the statutory fee.
    func feeCount(_ kind: StepKind) -> Int { count { $0.kind == kind && $0.chargedFee } }

    /// How many notices of either fee-bearing kind charged the fee (NO: purring and inkassovarsel together).
    var feeCount: Int { count(where: \.chargedFee) }

    var compensationCharged: Bool { newest { $0.compensation?.isPositive ?? false } != nil }
}

extension TakenStep {
    var chargedFee: Bool { fee?.isPositive ?? false }
}
