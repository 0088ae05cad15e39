import BetaltCore

/// The fixed words of the letter layout in each language: table headings, slip labels, references.
/// The prose lives in the templates; these labels are part of the layout every template shares.
struct NoticeVocabulary: Sendable {
    let date: String
    let customerNumber: String
    let organisationNumber: String
    let invoiceLine: String          // "Faktura %@ av %@, forfall %@"
    let description: String
    let amount: String
    let reminderFee: String
    /// The fee of a collection notice: NO gebyr for inkassovarsel, SE inkassoavgift.
    let collectionFee: String
    let compensation: String
    let interestWithRate: String     // "Forsinkelsesrente %@ fra %@"
    let interestFrom: String         // "Forsinkelsesrente fra %@"
    /// What an open dispute covers, left out of the total.
    let disputed: String
    let totalToPay: String
    /// A plan's letters ask for one instalment or the arrears; the total is what remains, not what to pay now.
    let remainingInTotal: String
    let slipHeading: String
    let account: String
    let reference: @Sendable (Country) -> String
    let slipAmount: String
    let dueDate: String
    /// The slip's due date when the notice sets no deadline.
    let soon: String
    let payee: String
    let payer: String
    let page: String                 // "Side %d av %d"
    let and: String
    let email: String
    let phone: String

    static func of(_ language: Language) -> NoticeVocabulary {
        switch language {
        case .nb:
            NoticeVocabulary(
                date: "Dato", customerNumber: "Kundenummer", organisationNumber: "Org.nr.",
                invoiceLine: "Faktura %@ av %@, forfall %@", description: "Gjelder", amount: "Beløp",
                reminderFee: "Purregebyr", collectionFee: "Gebyr for inkassovarsel", compensation: "Standardkompensasjon",
                interestWithRate: "Forsinkelsesrente %@ fra %@", interestFrom: "Forsinkelsesrente fra %@",
                disputed: "Bestridt, holdes utenfor til innsigelsen er avgjort",
                totalToPay: "Å betale", remainingInTotal: "Gjenstår i alt", slipHeading: "Betalingsinformasjon", account: "Kontonummer",
                reference: { $0 == .sweden ? "OCR-nummer" : "KID" }, slipAmount: "Beløp", dueDate: "Betales innen", soon: "Snarest",
                payee: "Betales til", payer: "Betalt av", page: "Side %d av %d", and: "og", email: "E-post", phone: "Telefon"
            )
        case .sv:
            NoticeVocabulary(
                date: "Datum", customerNumber: "Kundnummer", organisationNumber: "Org.nr",
                invoiceLine: "Faktura %@ daterad %@, förfallodag %@", description: "Avser", amount: "Belopp",
                reminderFee: "Påminnelseavgift", collectionFee: "Inkassoavgift", compensation: "Förseningsersättning",
                interestWithRate: "Dröjsmålsränta %@ från %@", interestFrom: "Dröjsmålsränta från %@",
                disputed: "Bestritt, undantas tills invändningen är prövad",
                totalToPay: "Att betala", remainingInTotal: "Återstår totalt", slipHeading: "Betalningsinformation", account: "Bankgiro",
                reference: { $0 == .norway ? "KID" : "OCR-nummer" }, slipAmount: "Belopp", dueDate: "Betalas senast", soon: "Snarast",
                payee: "Betalningsmottagare", payer: "Betalare", page: "Sida %d av %d", and: "och", email: "E-post", phone: "Telefon"
            )
        case .en:
            NoticeVocabulary(
                date: "Date", customerNumber: "Customer number", organisationNumber: "Org. no.",
                invoiceLine: "Invoice %@ of %@, due %@", description: "Concerning", amount: "Amount",
                reminderFee: "Reminder fee", collectionFee: "Collection fee", compensation: "Statutory compensation",
                interestWithRate: "Late interest %@ from %@", interestFrom: "Late interest from %@",
                disputed: "Disputed, left out until the objection is decided",
                totalToPay: "To pay", remainingInTotal: "Remaining in total", slipHeading: "Payment details", account: "Account",
                reference: { $0 == .sweden ? "OCR reference" : "KID reference" }, slipAmount: "Amount", dueDate: "Pay by", soon: "As soon as possible",
                payee: "Payee", payer: "Payer", page: "Page %d of %d", and: "and", email: "E-mail", phone: "Phone"
            )
        }
    }
}

extension InterestRate {
    /// "12,25 %" (nb, sv) or "12.25 %" (en), with a no-break space before the sign.
    func formatted(_ language: Language) -> String {
        let whole = basisPoints / 100, hundredths = basisPoints % 100
        let separator = language == .en ? "." : ","
        return "\(whole)\(separator)\(hundredths < 10 ? "0" : "")\(hundredths)\u{00A0}%"
    }
}
