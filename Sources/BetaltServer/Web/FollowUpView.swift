import BetaltCore
import BetaltStore
import Foundation

/// A claim's follow-up on its page: acts taken, the decision trail, and the planned timeline with reasons.
struct FollowUpView: Encodable {
    struct ActLine: Encodable {
        let date: String
        let step: String
        let channel: String
        let fee: String
        let deadline: String
        /// Said of an act whose notice never went: it does not count (the ledger shows what was taken back).
        let notSent: String
        /// Its fee was taken back with it (`UnsentActs`, unless an agency holds the claim): shown struck through.
        let feeTakenBack: Bool
    }

    struct DecisionLine: Encodable {
        let date: String
        let outcome: String
        let tone: String
        let step: String
        let reason: String
        let citation: String
    }

    let ladderName: String?
    let acts: [ActLine]
    let trail: [DecisionLine]
    let planned: [DecisionLine]
    let hasActs: Bool
    let hasTrail: Bool
    let hasPlanned: Bool

    /// `withAgency`: an agency holds the claim, so a not-sent act's fee was left as it was (`UnsentActs`).
    init(_ followUp: ClaimFollowUp, language: Language, words: [String: String], withAgency: Bool = false) {
        func date(_ iso: String) -> String { (try? CivilDate(iso: iso).formatted(language)) ?? iso }
        ladderName = followUp.ladder?.name
        acts = followUp.acts.map { act in
            let currency = (try? Currency.named(act.currency)) ?? .nok
            let charged = act.feeMinor + act.compensationMinor
            return ActLine(
                date: date(act.actDate), step: words["step.\(act.kind)"] ?? act.kind,
                channel: act.channel.map { words["channel.\($0)"] ?? $0 } ?? "",
                fee: charged > 0 ? Money(minorUnits: charged, currency: currency).formatted(language) : "",
                deadline: act.deadline.map(date) ?? "",
                notSent: act.deliveryStatus == UnsentActs.status ? words["act.notSent"]! : "",
                feeTakenBack: act.deliveryStatus == UnsentActs.status && charged > 0 && !withAgency
            )
        }
        // The trail is every decision, newest first: an act's reasons are kept with the act itself, the
        // other outcomes (wait, refuse, stop, attention) as decision rows.
        let decided = followUp.decisions.map { decision in
            (decision.decidedOn, DecisionLine(
                date: date(decision.decidedOn), outcome: words["outcome.\(decision.outcome)"] ?? decision.outcome,
                tone: Self.tone(decision.outcome), step: decision.stepID ?? "", reason: decision.reasonText.shown(in: language),
                citation: decision.citation ?? ""
            ))
        }
        let acted = followUp.acts.map { act in
            let reasons = followUp.actReasons[act.id!] ?? []
            return (act.actDate, DecisionLine(
                date: date(act.actDate), outcome: words["step.\(act.kind)"] ?? act.kind, tone: "neutral", step: act.stepID,
                reason: reasons.map { $0.shown(in: language) }.joined(separator: " · "), citation: reasons.compactMap(\.citation).joined(separator: "; ")
            ))
        }
        trail = (decided + acted).sorted { $0.0 > $1.0 }.map(\.1)
        planned = followUp.preview.flatMap { plan in
            plan.decisions.map { decision in Self.line(decision, on: plan.date, language: language, words: words) }
        }
        hasActs = !acts.isEmpty
        hasTrail = !trail.isEmpty
        hasPlanned = !planned.isEmpty
    }

    private static func line(_ decision: Decision, on day: CivilDate, language: Language, words: [String: String]) -> DecisionLine {
        let date = day.formatted(language)
        switch decision {
        case .act(let act):
            var details: [String] = []
            if let fee = act.fee { details.append("\(words["entry.fee"]!) \(fee.formatted(language))") }
            if let compensation = act.compensation { details.append("\(words["entry.compensation"]!) \(compensation.formatted(language))") }
            if let interest = act.interest { details.append("\(words["entry.interest"]!) \(interest.total.formatted(language))") }
            if let deadline = act.deadline { details.append("\(words["deadline"]!) \(deadline.formatted(language))") }
            let reasons = act.reasons.map { $0.shown(in: language) }
            return DecisionLine(
                date: date, outcome: words["step.\(act.step.kind.rawValue)"] ?? act.step.kind.rawValue, tone: "neutral",
                step: act.step.id, reason: (details + reasons).joined(separator: " · "),
                citation: act.reasons.compactMap(\.citation).joined(separator: "; ")
            )
        case .wait(let until, let reason):
            return DecisionLine(date: date, outcome: words["outcome.wait"]!, tone: "neutral", step: "",
                                reason: "\(until.formatted(language)): \(reason.shown(in: language))", citation: reason.citation ?? "")
        case .refuse(let stepID, let reason):
            return DecisionLine(date: date, outcome: words["outcome.refuse"]!, tone: "danger", step: stepID,
                                reason: reason.shown(in: language), citation: reason.citation ?? "")
        case .stop(let reason):
            return DecisionLine(date: date, outcome: words["outcome.stop"]!, tone: "good", step: "",
                                reason: reason.shown(in: language), citation: reason.citation ?? "")
        case .attention(let reason):
            return DecisionLine(date: date, outcome: words["outcome.attention"]!, tone: "warning", step: "",
                                reason: reason.shown(in: language), citation: reason.citation ?? "")
        }
    }

    private static func tone(_ outcome: String) -> String {
        switch outcome {
        case "refuse": "danger"
        case "attention": "warning"
        case "stop": "good"
        default: "neutral"
        }
    }
}
