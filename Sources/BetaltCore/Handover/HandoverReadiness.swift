/// What the readiness check looks at for one claim: its facts as the planner sees them, the debtor's
/// identity, and what the archive holds.
public struct HandoverFacts: Sendable {
    public let claim: ClaimFacts
    public let debtor: DebtorIdentity
    /// The original invoice (as received: UBL, or the creditor's PDF) is in the archive.
    public let originalInvoiceArchived: Bool
    /// Notices that were sent but whose document is not in the archive, as "step on date".
    public let unarchivedNotices: [String]
    /// Steps taken whose notice has not gone to the debtor yet (a letter still to print, an e-mail waiting or whose
    /// delivery is uncertain), as "step on date": a notice counts towards a handover only once it went.
    public let unsentNotices: [String]

    public init(
        claim: ClaimFacts, debtor: DebtorIdentity, originalInvoiceArchived: Bool, unarchivedNotices: [String] = [], unsentNotices: [String] = []
    ) {
        self.claim = claim
        self.debtor = debtor
        self.originalInvoiceArchived = originalInvoiceArchived
        self.unarchivedNotices = unarchivedNotices
        self.unsentNotices = unsentNotices
    }
}

/// One thing that keeps a claim from going to an agency, with the rule behind it.
public struct HandoverBlock: Sendable, Hashable {
    public enum Code: String, Sendable, CaseIterable {
        case paid, withAgency, noCollectionNotice, noticeChannel, deadlineNotPassed, noticeTooOld, disputed, promised, onPlan
        case timeBarred, debtorName, postalAddress, country, organisationNumber, nationalIdentityNumber, originalInvoice, noticeArchive, noticeNotSent
    }

    public let code: Code
    public let reason: Reason
}

/// Whether a claim may be handed to an agency today (issue 7), and if not, everything that is missing —
/// not only the first thing — so a person can put it right in one go. Pure: the store gathers the facts.
public enum HandoverReadiness {
    public static func blocks(_ facts: HandoverFacts, rulebook: Rulebook, on today: CivilDate) -> [HandoverBlock] {
        let claim = facts.claim
        let country = claim.country
        var blocks: [HandoverBlock] = []
        func block(_ code: HandoverBlock.Code, _ reason: Reason) { blocks.append(HandoverBlock(code: code, reason: reason)) }

        if claim.balances.isSettled { block(.paid, Reason("nothing is outstanding: the claim is paid or credited")) }
        if claim.handedOver { block(.withAgency, Reason("the claim is already with an agency")) }
        let history = ClaimHistory(claim.history)
        let noticeRule = LegalBasis.collectionNotice(country)
        let noticeName = StepKind.collectionNotice.name(in: country)
        if let notice = history.lastCollectionNotice {
            switch notice.channel {
            case nil:
                block(.noticeChannel, Reason("the \(noticeName) of \(notice.sentOn) has no channel recorded", noticeRule))
            case let channel? where channel.isElectronic && !claim.acceptedElectronicChannels.contains(channel):
                block(.noticeChannel, Reason(
                    "the \(noticeName) of \(notice.sentOn) went by \(channel.name), which the debtor has not accepted for notices",
                    LegalBasis.electronicNotice(country)))
            default:
                break
            }
            if let deadline = notice.deadline {
                if today <= deadline {
                    block(.deadlineNotPassed, Reason("the \(noticeName) deadline \(deadline) has not passed", noticeRule))
                }
                if let window = try? rulebook.norwegian?.handoverWindowMonths.value(on: today), today > deadline.adding(months: window.value) {
                    block(.noticeTooOld, Reason(
                        "the inkassovarsel deadline \(deadline) passed more than \(window.value) months ago: send a new inkassovarsel",
                        window.citation))
                }
            } else {
                block(.deadlineNotPassed, Reason("the \(noticeName) of \(notice.sentOn) gave no deadline", noticeRule))
            }
        } else {
            block(.noCollectionNotice, Reason("no \(noticeName) has been sent: one must go, and its deadline pass, first", noticeRule))
        }
        if claim.disputedAmount.isPositive {
            block(.disputed, Reason("\(claim.disputedAmount) is disputed: a disputed claim is never sent to collection", LegalBasis.dispute(country)))
        }
        if let promise = claim.promise, promise.payBy >= today {
            block(.promised, promise.together.map {
                Reason("the debtor promised to pay \(promise.amount) for invoices \($0) by \(promise.payBy)", LegalBasis.goodPractice(country))
            } ?? Reason("the debtor promised to pay \(promise.amount) by \(promise.payBy)", LegalBasis.goodPractice(country)))
        }
        if claim.onPaymentPlan {
            block(.onPlan, Reason("a payment plan covers the claim and is being kept", LegalBasis.goodPractice(country)))
        }
        if let barred = try? rulebook.limitation.timeBarredFrom(dueDate: claim.dueDate, kind: claim.customerKind), today >= barred {
            block(.timeBarred, Reason("past limitation since \(barred) unless the period was interrupted"))
        }
        identityBlocks(facts.debtor, country: country, today: today).forEach { blocks.append($0) }
        if !facts.originalInvoiceArchived { block(.originalInvoice, Reason("the original invoice is not in the archive")) }
        if !facts.unarchivedNotices.isEmpty {
            block(.noticeArchive, Reason("not in the archive: \(facts.unarchivedNotices.joined(separator: ", "))"))
        }
        if !facts.unsentNotices.isEmpty {
            block(.noticeNotSent, Reason("not sent to the debtor yet: \(facts.unsentNotices.joined(separator: ", "))", noticeRule))
        }
        return blocks
    }

    /// A name, a postal address in a country named by its code, a valid organisation number for a business (a Swedish
    /// sole trader's personnummer serves as one: `BusinessIdentity`), and — where the creditor has one — a valid national
    /// identity number for a consumer.
    static func identityBlocks(_ debtor: DebtorIdentity, country: Country, today: CivilDate) -> [HandoverBlock] {
        var blocks: [HandoverBlock] = []
        func blank(_ text: String?) -> Bool { (text ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        if blank(debtor.name) { blocks.append(HandoverBlock(code: .debtorName, reason: Reason("the debtor's name is missing"))) }
        if debtor.addressLines.count < 2 || debtor.addressLines.contains(where: blank) {
            blocks.append(HandoverBlock(code: .postalAddress, reason: Reason("the debtor's postal address is incomplete")))
        }
        // A country kept as written before imports read codes ("SVERIGE") breaks the manifest's schema, and no check of
        // the debtor's numbers knows it.
        if let code = debtor.countryCode, !CountryCode.isKept(code) {
            blocks.append(HandoverBlock(code: .country, reason: Reason("the debtor's country \(code) is not a country code such as NO or SE")))
        }
        let orgWord = BusinessIdentity.missingWord(country)
        if debtor.kind == .business {
            let known = BusinessIdentity.isKnown(
                organisationNumber: debtor.organisationNumber, nationalIdentityNumber: debtor.nationalIdentityNumber,
                countryCode: debtor.countryCode ?? country.rawValue, today: today
            )
            if !known {
                blocks.append(HandoverBlock(code: .organisationNumber, reason: debtor.organisationNumber == nil
                    ? Reason("a business debtor needs its \(orgWord)") : Reason("the \(orgWord) is not valid")))
            }
        }
        // By the debtor's country, as a business's number is: a Norwegian creditor's Swedish customer has a personnummer.
        if debtor.kind == .consumer, let number = debtor.nationalIdentityNumber,
           let word = NationalIdentity.invalidWord(number, countryCode: debtor.countryCode ?? country.rawValue, today: today) {
            blocks.append(HandoverBlock(code: .nationalIdentityNumber, reason: Reason("the \(word) on file is not valid")))
        }
        return blocks
    }
}
