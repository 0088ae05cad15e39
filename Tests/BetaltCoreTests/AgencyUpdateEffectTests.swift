import BetaltCore
import Testing

@Suite("What an agency's update does to a claim")
struct AgencyUpdateEffectTests {
    static let day = try! CivilDate(2027, 2, 1)
    /// 1 000 principal, 70 fee, 12 interest open.
    static let owed = try! ComponentBalances(principal: .major(1_000, .nok), fee: .major(70, .nok), interest: .major(12, .nok), compensation: .zero(.nok))

    static func update(_ change: AgencyUpdate.Change, text: String = "") -> AgencyUpdate {
        AgencyUpdate(key: "u1", claimID: "6f1c2a9e-0000-4000-8000-000000000001", date: day, change: change, text: text)
    }

    static func effect(_ change: AgencyUpdate.Change, state: HandoverCaseState = .active, balances: ComponentBalances = owed,
                       country: Country = .norway) throws(AgencyUpdateRefused) -> AgencyUpdateEffect {
        try AgencyUpdateEffect.of(update(change), caseState: state, agencyStatus: .registered, balances: balances, country: country)
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let change: AgencyUpdate.Change
        let state: HandoverCaseState
        let balances: ComponentBalances
        let says: String
        var testDescription: String { "\(change.type) on a \(state.rawValue) case is refused: \(says)" }
    }

    static let refusals: [Refusal] = [
        Refusal(change: .payment(.major(1_100, .nok)), state: .active, balances: owed, says: "only 1082.00 NOK is owed"),
        Refusal(change: .payment(.major(10, .sek)), state: .active, balances: owed, says: "in SEK but the claim is in NOK"),
        Refusal(change: .fee(.major(0, .nok)), state: .active, balances: owed, says: "more than zero"),
        Refusal(change: .fee(.major(700, .nok)), state: .recalled, balances: owed, says: "can no longer add fees"),
        Refusal(change: .status(.legalStep), state: .closed, balances: owed, says: "can no longer be taken"),
        Refusal(change: .recallConfirmed, state: .active, balances: owed, says: "has not asked for this case back"),
        Refusal(change: .recallConfirmed, state: .recalled, balances: owed, says: "confirmed already"),
    ]

    @Test("an update that would leave the ledger or the case wrong is refused with the reason", arguments: refusals)
    func refused(_ row: Refusal) {
        #expect {
            _ = try Self.effect(row.change, state: row.state, balances: row.balances)
        } throws: { error in
            (error as? AgencyUpdateRefused)?.message.contains(row.says) == true
        }
    }

    @Test("money the agency collected is allocated costs, interest, principal and reduces the claim")
    func payment() throws {
        let effect = try Self.effect(.payment(.major(500, .nok)))
        #expect(effect.entries.map(\.kind) == [.payment, .payment, .payment])
        #expect(effect.entries.map(\.component) == [.fee, .interest, .principal])
        #expect(effect.entries.map(\.amount) == [.major(70, .nok), .major(12, .nok), .major(418, .nok)])
        #expect(effect.entries.allSatisfy { $0.text.hasPrefix("collected by the agency") && $0.date == Self.day })
        #expect(effect.caseState == .active && !effect.returnsToCreditor)
    }

    @Test("the agency's fee is the debtor's collection cost, charged to the claim with the rule of the creditor's country")
    func fee() throws {
        let norway = try Self.effect(.fee(.major(700, .nok)))
        #expect(norway.entries == [LedgerEntry(kind: .fee, component: .fee, amount: .major(700, .nok), date: Self.day, text: "agency collection costs")])
        #expect(norway.reason.citation == "inkl. § 17")
        let sweden = try AgencyUpdateEffect.of(
            Self.update(.fee(.major(180, .sek))), caseState: .active, agencyStatus: nil,
            balances: try ComponentBalances(principal: .major(900, .sek), fee: .zero(.sek), interest: .zero(.sek), compensation: .zero(.sek)),
            country: .sweden)
        #expect(sweden.reason.citation == "IKL §§ 3–4")
    }

    @Test("a status is recorded; closed with money owed gives the claim back, closed when paid does not")
    func status() throws {
        let registered = try Self.effect(.status(.paymentDemandSent))
        #expect(registered.entries.isEmpty && registered.agencyStatus == .paymentDemandSent && registered.caseState == .active)
        let closedOwing = try Self.effect(.status(.closed))
        #expect(closedOwing.caseState == .closed && closedOwing.returnsToCreditor)
        let paid = try ComponentBalances(principal: .zero(.nok), fee: .zero(.nok), interest: .zero(.nok), compensation: .zero(.nok))
        let closedPaid = try Self.effect(.status(.closed), balances: paid)
        #expect(closedPaid.caseState == .closed && !closedPaid.returnsToCreditor)
    }

    @Test("a confirmed recall ends the case and gives the claim back; a remittance changes nothing owed")
    func recallAndRemittance() throws {
        let recalled = try Self.effect(.recallConfirmed, state: .recallRequested)
        #expect(recalled.caseState == .recalled && recalled.returnsToCreditor && recalled.entries.isEmpty)
        let remitted = try Self.effect(.remittance(.major(300, .nok)), state: .closed)
        #expect(remitted.entries.isEmpty && remitted.caseState == .closed)
    }
}
