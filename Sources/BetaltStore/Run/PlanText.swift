import BetaltCore

/// One line of plain text per decision, for the command line and logs.
public enum PlanText {
    public static func line(_ decision: Decision) -> String {
        switch decision {
        case .act(let act):
            var parts = ["\(act.step.kind.rawValue) '\(act.step.id)'"]
            if let channel = act.channel { parts.append("by \(channel.rawValue)") }
            if let fee = act.fee { parts.append("fee \(fee.decimalString)") }
            if let compensation = act.compensation { parts.append("compensation \(compensation.decimalString)") }
            if let interest = act.interest { parts.append("interest \(interest.total.decimalString)") }
            parts.append("asks \(act.amountDue)")
            if let deadline = act.deadline { parts.append("deadline \(deadline.iso)") }
            return parts.joined(separator: ", ") + " — " + act.reasons.map(\.description).joined(separator: "; ")
        case .wait(let until, let reason): return "wait until \(until.iso): \(reason)"
        case .refuse(let stepID, let reason): return "refused '\(stepID)': \(reason)"
        case .stop(let reason): return "stop: \(reason)"
        case .attention(let reason): return "needs attention: \(reason)"
        }
    }
}
