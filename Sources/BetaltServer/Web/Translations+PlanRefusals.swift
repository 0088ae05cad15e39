import BetaltCore
import BetaltStore

extension Translations {
    /// Why a payment plan cannot be made, as its form says it (`FieldError.plan`); `{1}` is the argument.
    static let planRefusals: [String: [Language: String]] = [
        "formError.plan.severalCustomers": [
            .nb: "En plan gjelder krav fra én kunde, i én valuta.", .sv: "En plan gäller fordringar från en kund, i en valuta.",
            .en: "A plan covers the claims of one customer, in one currency.",
        ],
        "formError.plan.claimSettled": [.nb: "Faktura {1} er betalt.", .sv: "Faktura {1} är betald.", .en: "Invoice {1} is paid."],
        "formError.plan.claimDisputed": [
            .nb: "Faktura {1} er bestridt: avgjør innsigelsen først.", .sv: "Faktura {1} är bestridd: avgör invändningen först.",
            .en: "Invoice {1} is disputed: decide the dispute first.",
        ],
        "formError.plan.alreadyOnPlan": [
            .nb: "Faktura {1} er allerede med i en plan.", .sv: "Faktura {1} ingår redan i en plan.", .en: "Invoice {1} is already on a plan.",
        ],
        "formError.plan.notOffered": [
            .nb: "Planen venter ikke på godkjenning.", .sv: "Planen väntar inte på godkännande.", .en: "The plan is not waiting for acceptance.",
        ],
        "formError.plan.offerLapsed": [
            .nb: "Tilbudet er utløpt: første innbetaling skulle vært {1}.", .sv: "Erbjudandet har gått ut: första betalningen skulle ha skett {1}.",
            .en: "The offer lapsed: its first payment was due {1}.",
        ],
        "formError.plan.nothingOwed": [
            .nb: "Det er ingenting å betale på disse kravene.", .sv: "Det finns inget att betala på dessa fordringar.",
            .en: "Nothing is owed on these claims.",
        ],
        "formError.plan.instalmentCount": [
            .nb: "Antall avdrag må være fra 1 til {1}.", .sv: "Antalet avbetalningar måste vara från 1 till {1}.",
            .en: "The number of instalments must be from 1 to {1}.",
        ],
        "formError.plan.firstDateNotAhead": [
            .nb: "Første avdrag må komme etter i dag.", .sv: "Den första avbetalningen måste infalla efter i dag.",
            .en: "The first instalment must fall after today.",
        ],
        "formError.plan.downPaymentTooLarge": [
            .nb: "Første innbetaling må være mindre enn hele beløpet, {1}.", .sv: "Första betalningen måste vara mindre än hela beloppet, {1}.",
            .en: "The first payment must be less than the whole {1}.",
        ],
        "formError.plan.downPaymentDate": [
            .nb: "Første innbetaling må komme fra i dag og til første avdrag.",
            .sv: "Första betalningen måste ske från i dag till den första avbetalningen.",
            .en: "The first payment must fall from today until the first instalment.",
        ],
        "formError.plan.currencyMismatch": [
            .nb: "Beløpene må være i kravenes valuta.", .sv: "Beloppen måste vara i fordringarnas valuta.",
            .en: "The amounts must be in the claims' currency.",
        ],
        "formError.plan.tooLong": [
            .nb: "Planen kan vare i høyst {1} måneder.", .sv: "Planen får löpa i högst {1} månader.", .en: "The plan may run for at most {1} months.",
        ],
        "formError.plan.instalmentTooSmall": [
            .nb: "Hvert avdrag må være minst {1}.", .sv: "Varje avbetalning måste vara minst {1}.", .en: "Each instalment must be at least {1}.",
        ],
        "formError.plan.plansNotOffered": [
            .nb: "Kreditor tilbyr ikke nedbetalingsplan her.", .sv: "Borgenären erbjuder inte avbetalningsplan här.",
            .en: "This creditor does not offer payment plans on the debtor's page.",
        ],
    ]
}

extension FieldError {
    /// A plan the store refused, at the offer form's field it is about (`instalments`, `firstDate`,
    /// `downPayment`, `downPaymentDate`) or about the form as a whole. Of several limits broken, the first is told.
    static func plan(_ refusal: PlanRefused) -> FieldError {
        switch refusal {
        case .claimNotFound: FieldError("", "claimNotFound")
        case .severalCustomers: FieldError("", "plan.severalCustomers")
        case .claimSettled(let invoice): FieldError("", "plan.claimSettled", .text(invoice))
        case .claimDisputed(let invoice): FieldError("", "plan.claimDisputed", .text(invoice))
        case .alreadyOnPlan(let invoice): FieldError("", "plan.alreadyOnPlan", .text(invoice))
        case .terms(let refusal): plan(refusal)
        case .limits(let refusals): refusals.first.map(plan) ?? FieldError("", "plan.nothingOwed")
        case .notOffered: FieldError("", "plan.notOffered")
        case .offerLapsed(let first): FieldError("", "plan.offerLapsed", (try? CivilDate(iso: first)).map { .date($0) } ?? .text(first))
        }
    }

    /// A plan's terms or limits refused by the core.
    static func plan(_ refusal: PlanRefusal) -> FieldError {
        switch refusal {
        case .nothingOwed: FieldError("", "plan.nothingOwed")
        case .instalmentCount(let maximum): FieldError("instalments", "plan.instalmentCount", .text(String(maximum)))
        case .firstDateNotAhead: FieldError("firstDate", "plan.firstDateNotAhead")
        case .downPaymentTooLarge(let total): FieldError("downPayment", "plan.downPaymentTooLarge", .money(total))
        case .downPaymentDate: FieldError("downPaymentDate", "plan.downPaymentDate")
        case .currencyMismatch: FieldError("", "plan.currencyMismatch")
        case .tooLong(let months): FieldError("instalments", "plan.tooLong", .text(String(months)))
        case .instalmentTooSmall(let minimum): FieldError("instalments", "plan.instalmentTooSmall", .money(minimum))
        case .plansNotOffered: FieldError("", "plan.plansNotOffered")
        }
    }
}
