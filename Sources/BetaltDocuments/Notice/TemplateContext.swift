import BetaltCore

extension NoticeContent {
    /// The values a template may use, every one already formatted in the notice's language. Documented in
    /// docs/templates.md; a creditor's own template sees exactly these names.
    func templateContext() -> [String: Any] {
        let words = NoticeVocabulary.of(language)
        func money(_ amount: Money) -> String { amount.formatted(language) }
        func date(_ day: CivilDate) -> String { day.formatted(language) }
        let numbers = claims.map(\.invoiceNumber)
        let invoiceList = numbers.count <= 1
            ? numbers.joined()
            : numbers.dropLast().joined(separator: ", ") + " \(words.and) " + numbers.last!
        var context: [String: Any] = [
            "date": date(self.date),
            "norway": country == .norway, "sweden": country == .sweden,
            "creditorName": creditor.name, "creditorOrgNumber": creditor.organisationNumber,
            "creditorEmail": creditor.email ?? "", "creditorPhone": creditor.phone ?? "",
            "hasCreditorEmail": creditor.email != nil, "hasCreditorPhone": creditor.phone != nil,
            "debtorName": debtor.name, "customerNumber": debtor.customerNumber,
            "business": debtor.kind == .business, "consumer": debtor.kind == .consumer,
            "invoices": invoiceList, "severalInvoices": claims.count > 1, "singleInvoice": claims.count == 1,
            "firstDueDate": claims.map(\.dueDate).min().map(date) ?? "",
            "total": money(total), "principal": money(principal),
            "fees": money(fees), "hasFees": fees.isPositive,
            "interest": money(interest), "hasInterest": interest.isPositive,
            "compensation": money(compensation), "hasCompensation": compensation.isPositive,
            "disputed": money(disputed), "hasDisputed": disputed.isPositive,
            "deadline": deadline.map(date) ?? "", "hasDeadline": deadline != nil,
            "account": creditor.bankAccount, "reference": paymentReference ?? "", "hasReference": paymentReference != nil,
            "next": [
                "reminder": nextStep == .reminder, "collectionNotice": nextStep == .collectionNotice,
                "handover": nextStep == .handover, "callTask": nextStep == .callTask, "nothing": nextStep == .nothing,
            ],
            "hasWaiver": waiverIfPaidBy != nil, "waiverDate": waiverIfPaidBy.map(date) ?? "",
            // Paying the undisputed principal is enough for the waiver: the disputed part is not asked for.
            "waiverAmount": money(Money(minorUnits: max(principal.minorUnits - disputed.minorUnits, 0), currency: currency)),
            "link": debtorPageLink ?? "", "hasLink": debtorPageLink != nil,
            "agencyName": agencyName ?? "", "reminded": reminded,
        ]
        if let promise {
            context["promiseDate"] = date(promise.date)
            context["promiseAmount"] = money(promise.amount)
        }
        if let plan {
            context["instalments"] = plan.instalments.enumerated().map { index, instalment in
                ["number": index + 1, "date": date(instalment.date), "amount": money(instalment.amount), "reference": instalment.reference]
            }
            context["instalmentCount"] = plan.instalments.count
            context["hasDownPayment"] = plan.downPayment != nil
            context["downPayment"] = plan.downPayment.map(money) ?? ""
            context["downPaymentDate"] = plan.downPaymentDate.map(date) ?? ""
            context["downPaymentReference"] = plan.downPaymentReference ?? ""
            context["hasPlanFee"] = plan.fee != nil
            context["planFee"] = plan.fee.map(money) ?? ""
            context["planAccepted"] = plan.acceptedOn != nil
            context["planAcceptedOn"] = plan.acceptedOn.map(date) ?? ""
        }
        if let planArrears {
            context["missedDownPayment"] = planArrears.number == 0
            context["missedNumber"] = planArrears.number
            context["missedDate"] = date(planArrears.date)
            context["missedAmount"] = money(planArrears.amount)
            context["arrears"] = money(planArrears.arrears)
            context["arrearsReference"] = planArrears.reference
        }
        if let dispute {
            context["disputeRaisedOn"] = date(dispute.raisedOn)
            context["disputeAmount"] = money(dispute.amount)
            context["disputeReason"] = dispute.reason
            context["disputeAccepted"] = dispute.accepted == true
            context["disputeRejected"] = dispute.accepted == false
            context["disputeExplanation"] = dispute.explanation ?? ""
        }
        return context
    }
}
