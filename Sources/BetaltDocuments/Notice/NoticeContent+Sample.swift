import BetaltCore

extension NoticeContent {
    /// A realistic notice of every kind for previews and tests: two invoices of a business customer, a fee,
    /// interest at a known rate, a deadline, a link; the promise, plan and dispute details where the kind
    /// needs them. `creditor` replaces the sample creditor (the preview shows the creditor's own details).
    public static func sample(
        _ kind: DocumentKind, language: Language, country: Country, creditor: NoticeCreditor? = nil, claimCount: Int = 2
    ) -> NoticeContent {
        let currency = country.currency
        func money(_ major: Int64, _ minor: Int64 = 0) -> Money { Money(minorUnits: major * 100 + minor, currency: currency) }
        func day(_ month: Int, _ day: Int) -> CivilDate { try! CivilDate(2026, month, day) }
        let lines = (0..<claimCount).map { index in
            NoticeClaimLine(
                invoiceNumber: "\(10042 + index)", issueDate: day(9, 1 + index), dueDate: day(10, 1 + index),
                principal: money(12_500 + Int64(index) * 3_250), fees: kind == .friendlyReminder ? money(0) : money(35),
                compensation: money(0), interest: kind == .friendlyReminder ? money(0) : money(134, 25),
                interestFrom: day(10, 2 + index), interestRate: InterestRate(basisPoints: 1225)
            )
        }
        let norway = country == .norway
        let sampleCreditor = NoticeCreditor(
            name: norway ? "Fjordtre AS" : "Skogsbo Trä AB", organisationNumber: norway ? "923609016" : "5560000001",
            addressLines: norway ? ["Postboks 123 Sentrum", "5804 Bergen"] : ["Box 45", "753 10 Uppsala"],
            email: norway ? "regnskap@fjordtre.example" : "ekonomi@skogsbo.example",
            phone: norway ? "+47 55 00 00 00" : "+46 18 00 00 00",
            bankAccount: norway ? "1503.12.34567" : "5050-1055"
        )
        var content = NoticeContent(
            kind: kind, language: language, country: country, date: day(11, 23),
            creditor: creditor ?? sampleCreditor,
            debtor: NoticeDebtor(
                name: norway ? "Kari Nordmann Æøå AS" : "Åsa Öberg Ärlig AB", customerNumber: "10081", kind: .business,
                addressLines: norway ? ["Storgata 1", "0155 Oslo"] : ["Storgatan 1", "111 22 Stockholm"]
            ),
            claims: lines,
            deadline: [.friendlyReminder, .reminder, .collectionNotice, .paymentPlanReminder].contains(kind) ? day(12, 7) : nil,
            paymentReference: norway ? "0001004232" : "1004235",
            nextStep: kind == .friendlyReminder ? .collectionNotice : kind == .reminder ? .collectionNotice : .handover,
            waiverIfPaidBy: kind == .collectionNotice ? day(11, 30) : nil,
            debtorPageLink: "https://betalt.example/d/sample-link"
        )
        content.reminded = kind == .reminder || kind == .collectionNotice
        switch kind {
        case .promiseConfirmation:
            content.promise = NoticePromise(date: day(12, 15), amount: money(8_000))
        case .paymentPlanAgreement, .paymentPlanReminder:
            content.plan = NoticePlan(
                downPayment: money(5_000), downPaymentDate: day(12, 1), downPaymentReference: norway ? "9000000018" : "9000000026",
                instalments: (1...3).map { NoticeInstalment(date: day(12, 1).adding(days: 31 * $0), amount: money(9_000), reference: "00010042\($0)") },
                fee: country == .sweden ? money(170) : nil
            )
            if kind == .paymentPlanReminder {
                content.plan?.acceptedOn = day(11, 2)
                content.planArrears = NoticePlanArrears(
                    number: 1, date: day(11, 20), amount: money(9_000), arrears: money(9_000), reference: "000100421")
            }
        case .disputeAcknowledgement, .disputeDecision:
            content.dispute = NoticeDispute(
                raisedOn: day(11, 20), amount: money(3_250),
                reason: ["nb": "Siste levering var ufullstendig", "sv": "Den senaste leveransen var ofullständig"][language.rawValue]
                    ?? "The last delivery was incomplete",
                accepted: kind == .disputeDecision ? false : nil,
                explanation: kind == .disputeDecision
                    ? ["nb": "Følgeseddelen du signerte 2. oktober viser at alle varene ble levert.",
                       "sv": "Följesedeln som du skrev under den 2 oktober visar att alla varor levererades."][language.rawValue]
                        ?? "The delivery note you signed on 2 October shows every item was delivered."
                    : nil
            )
        case .handoverNotice:
            content.agencyName = norway ? "Nordisk Inkasso AS" : "Svensk Inkasso AB"
        default:
            break
        }
        return content
    }
}
