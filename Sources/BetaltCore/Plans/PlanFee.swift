/// Whether a payment plan may carry a fee, and which: only Sweden's amorteringsplan fee (IKL § 3 (2)), for a
/// written plan over the whole debt that the debtor agreed to; never between businesses, where the
/// förseningsersättning replaces the collection fees (IKL § 4 a); never in Norway, whose rules know no such fee.
public enum PlanFee {
    public static func decide(
        wanted: Bool, country: Country, customerKind: CustomerKind, rulebook: Rulebook, on date: CivilDate
    ) -> (fee: Money?, reason: Reason) {
        guard wanted else { return (nil, Reason("no plan fee: the creditor does not ask for one")) }
        guard country == .sweden, let swedish = rulebook.swedish else {
            return (nil, Reason("no plan fee: Norwegian rules allow none for a payment plan"))
        }
        guard customerKind == .consumer else {
            return (nil, Reason(
                "no plan fee: between businesses the förseningsersättning replaces collection fees",
                citation: "IKL § 4 a"))
        }
        do {
            let cap = try swedish.paymentPlanFee.value(on: date)
            return (cap.value, Reason(
                "amorteringsplan fee \(cap.value): a written plan over the whole debt, agreed and delivered", cap.citation))
        } catch {
            return (nil, Reason("no plan fee: \(error)"))
        }
    }
}
