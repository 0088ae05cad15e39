import BetaltCore
import Foundation

extension NoticeContent {
    /// The notice laid out as a letter: the template's prose around the amounts the law asks to be shown
    /// separately (principal, fees, interest with rate and start date, total) and the payment details.
    /// Throws when the prose leaves out something the notice must say.
    public func letter(prose: NoticeProse) throws(TemplateError) -> Letter {
        try checkRequiredContent(prose)
        let words = NoticeVocabulary.of(language)
        var references = [LabelledValue(label: words.date, value: date.formatted(language))]
        references.append(LabelledValue(label: words.customerNumber, value: debtor.customerNumber))
        var footer = [creditor.name, "\(words.organisationNumber) \(creditor.organisationNumber)"]
        if let email = creditor.email { footer.append("\(words.email) \(email)") }
        if let phone = creditor.phone { footer.append("\(words.phone) \(phone)") }
        return Letter(
            sender: PostalParty(name: creditor.name, lines: creditor.addressLines),
            recipient: PostalParty(name: debtor.name, lines: debtor.addressLines),
            references: references,
            title: prose.title,
            opening: prose.opening,
            table: kind.asksForPayment ? amountTable(words) : nil,
            closing: prose.closing,
            paymentSlip: kind.asksForPayment ? paymentSlip(words) : nil,
            footer: footer.joined(separator: " · "),
            pageLabelFormat: words.page
        )
    }

    /// The pieces every notice that asks for money must carry whatever a creditor's template says
    /// (NORDIC-RULES §1.6, §11.3): the amounts, the deadline as a date, and the debtor's private link.
    func checkRequiredContent(_ prose: NoticeProse) throws(TemplateError) {
        let template = kind.templateName(language)
        let text = ([prose.title] + prose.opening + prose.closing).joined(separator: "\n")
        if kind.asksForPayment, !prose.placesAmounts {
            throw TemplateError(file: template, message: "must place the amounts with a paragraph holding only \(NoticeProse.amountsMarker)")
        }
        if kind.asksForPayment, let deadline, !text.contains(deadline.formatted(language)) {
            throw TemplateError(file: template, message: "must state the deadline as a date ({{deadline}})")
        }
        if let debtorPageLink, !text.contains(debtorPageLink) {
            throw TemplateError(file: template, message: "must give the debtor's private link ({{link}})")
        }
        if kind == .collectionNotice, country == .norway, nextStep == .handover, !text.lowercased().contains("inkasso") {
            throw TemplateError(file: template, message: "an inkassovarsel must say plainly that the claim will be sent to inkasso (inkl. § 9)")
        }
    }

    private func amountTable(_ words: NoticeVocabulary) -> AmountTable {
        var rows: [[String]] = []
        for claim in claims {
            let invoice = String(
                format: words.invoiceLine, claim.invoiceNumber, claim.issueDate.formatted(language), claim.dueDate.formatted(language)
            )
            rows.append([invoice, claim.principal.formatted(language)])
            if claim.feeItems.isEmpty, claim.fees.isPositive { rows.append([words.reminderFee, claim.fees.formatted(language)]) }
            for fee in claim.feeItems {
                rows.append([fee.step == .collectionNotice ? words.collectionFee : words.reminderFee, fee.amount.formatted(language)])
            }
            if claim.compensation.isPositive { rows.append([words.compensation, claim.compensation.formatted(language)]) }
            if claim.interest.isPositive {
                let from = claim.interestFrom.formatted(language)
                let label = claim.interestRate.map { String(format: words.interestWithRate, $0.formatted(language), from) }
                    ?? String(format: words.interestFrom, from)
                rows.append([label, claim.interest.formatted(language)])
            }
            if claim.disputed.isPositive { rows.append([words.disputed, claim.disputed.negated.formatted(language)]) }
        }
        return AmountTable(
            headers: [words.description, words.amount], amountColumns: [false, true], rows: rows,
            totals: [[kind.isPlanLetter ? words.remainingInTotal : words.totalToPay, total.formatted(language)]]
        )
    }

    /// What to pay next: the promised amount, a plan's arrears or first payment with its own reference, or the total.
    private func paymentSlip(_ words: NoticeVocabulary) -> PaymentSlip {
        var (amount, due, reference) = (total, deadline, paymentReference)
        if let promise {
            (amount, due) = (promise.amount, promise.date)
        } else if let planArrears {
            (amount, reference) = (planArrears.arrears, planArrears.reference)
        } else if let plan {
            if let downPayment = plan.downPayment, let downPaymentDate = plan.downPaymentDate {
                (amount, due, reference) = (downPayment, downPaymentDate, plan.downPaymentReference ?? reference)
            } else if let first = plan.instalments.first {
                (amount, due, reference) = (first.amount, first.date, first.reference)
            }
        }
        return PaymentSlip(
            heading: words.slipHeading,
            account: LabelledValue(label: words.account, value: creditor.bankAccount),
            reference: LabelledValue(label: words.reference(country), value: reference ?? "–"),
            amount: LabelledValue(label: words.slipAmount, value: amount.formatted(language)),
            dueDate: LabelledValue(label: words.dueDate, value: due?.formatted(language) ?? words.soon),
            payee: LabelledValue(label: words.payee, value: creditor.name),
            payer: LabelledValue(label: words.payer, value: debtor.name)
        )
    }
}
