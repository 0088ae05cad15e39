import BetaltCore
import BetaltDocuments
import Foundation
import Testing

@Suite("Notice templates")
struct NoticeTemplatesTests {
    static let combinations = DocumentKind.allCases.flatMap { kind in
        Language.allCases.flatMap { language in Country.allCases.map { (kind, language, $0) } }
    }

    @Test("every template renders in every language with what the notice must say", arguments: combinations)
    func everyTemplateRenders(kind: DocumentKind, language: Language, country: Country) throws {
        let templates = try NoticeTemplates()
        let content = NoticeContent.sample(kind, language: language, country: country)
        let prose = try templates.prose(for: content)
        let letter = try content.letter(prose: prose)
        let pdf = try LetterPDF.render(letter)
        let text = try Poppler.text(pdf)
        #expect(!prose.title.isEmpty)
        #expect(text.contains(Poppler.normalised(prose.title)))
        #expect(text.contains(content.creditor.name))
        #expect(text.contains(content.debtor.name))
        #expect(text.contains(content.debtorPageLink!))
        for paragraph in prose.opening + prose.closing {
            #expect(!paragraph.contains("{{") && !paragraph.contains("}}"), "\(kind.templateName(language)): \(paragraph)")
        }
        if kind.asksForPayment {
            #expect(prose.placesAmounts)
            #expect(text.contains(Poppler.normalised(content.total.formatted(language))))
            for claim in content.claims {
                #expect(text.contains(claim.invoiceNumber))
                #expect(text.contains(Poppler.normalised(claim.principal.formatted(language))))
            }
            #expect(text.contains(content.creditor.bankAccount))
        }
        if let deadline = content.deadline { #expect(text.contains(deadline.formatted(language))) }
        if kind == .collectionNotice {
            // The interest is shown with its rate and start date (inkl. § 9; IkL 5 §).
            let rate = language == .en ? "12.25" : "12,25"
            #expect(text.contains(rate))
            #expect(text.contains(content.claims[0].interestFrom.formatted(language)))
            #expect(text.lowercased().contains("inkasso"))
        }
        if kind == .collectionNotice, country == .norway, language == .nb {
            #expect(prose.title == "Inkassovarsel")
            #expect(!text.lowercased().contains("purring"))
            #expect(text.contains("Kravet vil bli oversendt til inkasso"))
        }
        if kind == .collectionNotice, country == .sweden, language == .sv {
            #expect(prose.title == "Inkassokrav")
            #expect(text.contains("invända"))
        }
        if kind == .paymentPlanAgreement, let plan = content.plan {
            for instalment in plan.instalments { #expect(text.contains(instalment.reference)) }
        }
    }

    @Test("a notice threatens only what the ladder will do next")
    func consequenceFollowsTheLadder() throws {
        let templates = try NoticeTemplates()
        var content = NoticeContent.sample(.collectionNotice, language: .nb, country: .norway)
        #expect(try templates.prose(for: content).closing.joined().contains("oversendt til inkasso"))
        content.nextStep = .nothing
        #expect(!(try templates.prose(for: content).closing.joined().contains("oversendt til inkasso")))
        var reminder = NoticeContent.sample(.friendlyReminder, language: .sv, country: .sweden)
        reminder.nextStep = .collectionNotice
        #expect(try templates.prose(for: reminder).closing.joined().contains("inkassokrav"))
        reminder.nextStep = .nothing
        #expect(!(try templates.prose(for: reminder).closing.joined().contains("inkassokrav")))
    }

    @Test("a creditor's own template wins over the shared one, which wins over Betalt's")
    func overridesAreLayered() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("creditor-a"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = "Felles påminnelse\n\nHei {{debtorName}}.\n\n[amounts]\n\nBetal innen {{deadline}}: {{link}}\n"
        let own = "Vår egen påminnelse\n\nHei {{debtorName}}.\n\n[amounts]\n\nBetal innen {{deadline}}: {{link}}\n"
        try shared.write(to: folder.appendingPathComponent("friendlyReminder.nb.mustache"), atomically: true, encoding: .utf8)
        try own.write(to: folder.appendingPathComponent("creditor-a/friendlyReminder.nb.mustache"), atomically: true, encoding: .utf8)
        let content = NoticeContent.sample(.friendlyReminder, language: .nb, country: .norway)
        #expect(try NoticeTemplates(overrideDirectory: folder).prose(for: content).title == "Felles påminnelse")
        #expect(try NoticeTemplates(overrideDirectory: folder, creditorFolder: "creditor-a").prose(for: content).title == "Vår egen påminnelse")
        #expect(try NoticeTemplates(overrideDirectory: folder, creditorFolder: "creditor-b").prose(for: content).title == "Felles påminnelse")
        // Values are not HTML-escaped in letters: an ampersand stays an ampersand.
        var ampersand = content
        ampersand.debtor.name = "Hansen & Sønn AS"
        #expect(try NoticeTemplates(overrideDirectory: folder).prose(for: ampersand).opening.contains("Hei Hansen & Sønn AS."))
    }

    @Test("a template that leaves out what the law requires is refused, naming the file")
    func missingRequiredContentIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = NoticeContent.sample(.collectionNotice, language: .nb, country: .norway)
        let cases: [(String, String)] = [
            ("Inkassovarsel\n\nBetal {{total}} innen {{deadline}}. {{link}}\n", "[amounts]"),
            ("Inkassovarsel\n\n[amounts]\n\nBetal snart. {{link}}\n", "deadline"),
            ("Inkassovarsel\n\n[amounts]\n\nBetal innen {{deadline}}.\n", "link"),
            ("Varsel\n\n[amounts]\n\nBetal innen {{deadline}}. {{link}}\n", "inkasso"),
            ("Inkassovarsel {{#unclosed}}\n", "not a valid mustache template"),
        ]
        for (text, expected) in cases {
            let file = folder.appendingPathComponent("collectionNotice.nb.mustache")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let error = #expect(throws: TemplateError.self) {
                let templates = try NoticeTemplates(overrideDirectory: folder)
                _ = try content.letter(prose: try templates.prose(for: content))
            }
            #expect(error?.description.contains(expected) == true, "\(error?.description ?? "no error") should mention \(expected)")
            #expect(error?.file.contains("collectionNotice.nb") == true)
        }
    }

    @Test("the HTML e-mail escapes what it shows and the text part lines the amounts up")
    func emailRenderings() throws {
        let templates = try NoticeTemplates()
        var content = NoticeContent.sample(.reminder, language: .nb, country: .norway)
        content.debtor.name = "Hansen & Sønn <AS>"
        let letter = try content.letter(prose: try templates.prose(for: content))
        let html = templates.html(letter, language: .nb)
        #expect(html.contains("Hansen &amp; Sønn &lt;AS&gt;"))
        #expect(!html.contains("<AS>"))
        #expect(html.contains(content.total.formatted(.nb)))
        #expect(html.contains("lang=\"nb\""))
        #expect(html.contains("<a href=\"\(content.debtorPageLink!)\""))
        let text = letter.plainText
        let amountLines = text.split(separator: "\n").filter { $0.hasSuffix("kr") && !$0.contains(":") }
        #expect(amountLines.count >= 4)
        #expect(Set(amountLines.map(\.count)).count == 1, "amounts end in one column:\n\(amountLines.joined(separator: "\n"))")
        #expect(text.contains("KID:"))
        #expect(text.contains("0001004232"))
    }

    @Test("the payment slip asks for the promised amount, or a plan's first payment, with its reference")
    func slipFollowsTheAgreement() throws {
        let templates = try NoticeTemplates()
        let promise = NoticeContent.sample(.promiseConfirmation, language: .en, country: .norway)
        let promiseSlip = try #require(try promise.letter(prose: try templates.prose(for: promise)).paymentSlip)
        #expect(promiseSlip.amount.value == promise.promise!.amount.formatted(.en))
        #expect(promiseSlip.dueDate.value == promise.promise!.date.formatted(.en))
        var plan = NoticeContent.sample(.paymentPlanAgreement, language: .sv, country: .sweden)
        plan.plan!.downPayment = nil
        let planSlip = try #require(try plan.letter(prose: try templates.prose(for: plan)).paymentSlip)
        #expect(planSlip.reference.value == plan.plan!.instalments[0].reference)
        #expect(planSlip.amount.value == plan.plan!.instalments[0].amount.formatted(.sv))
    }
}

@Suite("Fees on a notice")
struct NoticeFeeTests {
    private func sek(_ kronor: Int64) -> Money { .major(kronor, .sek) }

    @Test("open fees are itemised by the step that charged them, payments taking the oldest first")
    func openFees() {
        let charged = [NoticeFee(step: .reminder, amount: sek(60)), NoticeFee(step: .collectionNotice, amount: sek(180))]
        #expect(NoticeFee.open(charged: charged, openTotal: sek(240)) == charged)
        #expect(NoticeFee.open(charged: charged, openTotal: sek(200)) == [
            NoticeFee(step: .reminder, amount: sek(20)), NoticeFee(step: .collectionNotice, amount: sek(180)),
        ])
        #expect(NoticeFee.open(charged: charged, openTotal: sek(180)) == [NoticeFee(step: .collectionNotice, amount: sek(180))])
        #expect(NoticeFee.open(charged: charged, openTotal: sek(0)).isEmpty)
    }

    @Test("a claim disputed in part shows what is disputed apart and asks only for the rest")
    func disputedPartIsLeftOut() throws {
        var content = NoticeContent.sample(.collectionNotice, language: .nb, country: .norway, claimCount: 1)
        let open = content.total
        content.claims[0].disputed = .major(100, .nok)
        #expect(content.total.minorUnits == open.minorUnits - 10_000)
        let letter = try content.letter(prose: try NoticeTemplates().prose(for: content))
        let rows = try #require(letter.table?.rows)
        #expect(rows.contains(["Bestridt, holdes utenfor til innsigelsen er avgjort", "\u{2212}100,00\u{00A0}kr"]))
        #expect(letter.table?.totals.last?.last == content.total.formatted(.nb))
        #expect(letter.paymentSlip?.amount.value == content.total.formatted(.nb))
        #expect(content.waiverIfPaidBy != nil)
        #expect(letter.plainText.contains("Betaler du 12\u{00A0}400,00\u{00A0}kr innen"), "the waiver asks for the undisputed principal")
    }

    @Test("an inkassokrav shows the påminnelseavgift and the inkassoavgift each on its own line (IkL 5 §)")
    func itemisedOnTheLetter() throws {
        var content = NoticeContent.sample(.collectionNotice, language: .sv, country: .sweden, claimCount: 1)
        content.claims[0].fees = sek(240)
        content.claims[0].feeItems = [NoticeFee(step: .reminder, amount: sek(60)), NoticeFee(step: .collectionNotice, amount: sek(180))]
        let letter = try content.letter(prose: try NoticeTemplates().prose(for: content))
        let rows = try #require(letter.table?.rows)
        #expect(rows.contains(["Påminnelseavgift", "60,00\u{00A0}kr"]))
        #expect(rows.contains(["Inkassoavgift", "180,00\u{00A0}kr"]))
        #expect(!rows.contains { $0.first == "Påminnelseavgift" && $0.last == "240,00\u{00A0}kr" })
    }
}
