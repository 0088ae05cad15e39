import BetaltCore
import Testing

/// The readiness rules for a handover, one row per missing piece: each blocks with its own code.
@Suite struct HandoverReadinessTests {
    static let today = day("2026-03-10")
    static let notice = taken("notice", .collectionNotice, on: "2026-02-02", deadline: "2026-02-16", fee: 3750)
    static let person = DebtorIdentity(kind: .consumer, name: "Kari Nordmann", addressLines: ["Storgata 1", "0155 Oslo"])
    static let company = DebtorIdentity(kind: .business, name: "Fjord AS", addressLines: ["Kaia 2", "5003 Bergen"], organisationNumber: "123456785")

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let facts: HandoverFacts
        var today: CivilDate = HandoverReadinessTests.today
        let expected: [HandoverBlock.Code]
        var testDescription: String { name }
    }

    static func ready(_ claim: ClaimFacts = claim(history: [notice]), debtor: DebtorIdentity = person, invoice: Bool = true,
                      unarchived: [String] = [], unsent: [String] = []) -> HandoverFacts {
        HandoverFacts(claim: claim, debtor: debtor, originalInvoiceArchived: invoice, unarchivedNotices: unarchived, unsentNotices: unsent)
    }

    static let rows: [Row] = [
        Row(name: "complete: ready", facts: ready(), expected: []),
        Row(name: "a business with a valid organisation number: ready", facts: ready(claim(.norway, .business, history: [notice]), debtor: company), expected: []),
        Row(name: "paid", facts: ready(claim(principal: 0, history: [notice])), expected: [.paid]),
        Row(name: "already with an agency", facts: ready(claim(history: [notice], handedOver: true)), expected: [.withAgency]),
        Row(name: "no inkassovarsel", facts: ready(claim(history: [nudgeTaken])), expected: [.noCollectionNotice]),
        Row(name: "the deadline has not passed", facts: ready(), today: day("2026-02-16"), expected: [.deadlineNotPassed]),
        Row(name: "the inkassovarsel is more than six months old", facts: ready(), today: day("2026-08-17"), expected: [.noticeTooOld]),
        Row(name: "the notice went by e-mail the debtor never accepted",
            facts: ready(claim(history: [taken("notice", .collectionNotice, on: "2026-02-02", deadline: "2026-02-16", fee: 3750, channel: .email)])),
            expected: [.noticeChannel]),
        Row(name: "disputed", facts: ready(claim(history: [notice], disputed: 10_000)), expected: [.disputed]),
        Row(name: "a promise is being kept", facts: ready(claim(history: [notice], promise: (payBy: "2026-03-20", amount: 50_000))), expected: [.promised]),
        Row(name: "on a payment plan", facts: ready(claim(history: [notice], onPlan: true)), expected: [.onPlan]),
        Row(name: "past limitation", facts: ready(claim(due: "2022-01-15", history: [notice])), expected: [.timeBarred]),
        Row(name: "no name", facts: ready(debtor: DebtorIdentity(kind: .consumer, name: " ", addressLines: ["Storgata 1", "0155 Oslo"])), expected: [.debtorName]),
        Row(name: "no postal address", facts: ready(debtor: DebtorIdentity(kind: .consumer, name: "Kari", addressLines: ["", "0155 Oslo"])), expected: [.postalAddress]),
        Row(name: "a business without an organisation number",
            facts: ready(claim(.norway, .business, history: [notice]), debtor: DebtorIdentity(kind: .business, name: "Fjord AS", addressLines: ["Kaia 2", "5003 Bergen"])),
            expected: [.organisationNumber]),
        Row(name: "a business with a wrong check digit",
            facts: ready(claim(.norway, .business, history: [notice]),
                         debtor: DebtorIdentity(kind: .business, name: "Fjord AS", addressLines: ["Kaia 2", "5003 Bergen"], organisationNumber: "123456789")),
            expected: [.organisationNumber]),
        Row(name: "a fødselsnummer on file that is not valid",
            facts: ready(debtor: DebtorIdentity(kind: .consumer, name: "Kari", addressLines: ["Storgata 1", "0155 Oslo"], nationalIdentityNumber: "29100207043")),
            expected: [.nationalIdentityNumber]),
        Row(name: "a Norwegian creditor's Swedish consumer's personnummer, checked as Swedish whatever the code's case",
            facts: ready(debtor: DebtorIdentity(
                kind: .consumer, name: "Åsa", addressLines: ["Storgatan 1", "111 22 Stockholm"], nationalIdentityNumber: "196408233235",
                countryCode: "se")),
            expected: [.country, .nationalIdentityNumber]),
        Row(name: "a country kept as written, not as a code", facts: ready(debtor: DebtorIdentity(
            kind: .consumer, name: "Åsa", addressLines: ["Storgatan 1", "111 22 Stockholm"], countryCode: "SVERIGE")), expected: [.country]),
        Row(name: "another country's code", facts: ready(debtor: DebtorIdentity(
            kind: .consumer, name: "Ida", addressLines: ["Strøget 1", "1000 København"], countryCode: "DK")), expected: []),
        Row(name: "a blank national identity number is none", facts: ready(debtor: DebtorIdentity(
            kind: .consumer, name: "Kari", addressLines: ["Storgata 1", "0155 Oslo"], nationalIdentityNumber: " \n")), expected: []),
        Row(name: "a valid fødselsnummer", facts: ready(debtor: DebtorIdentity(
            kind: .consumer, name: "Kari", addressLines: ["Storgata 1", "0155 Oslo"], nationalIdentityNumber: "29100207042")), expected: []),
        Row(name: "the original invoice is not archived", facts: ready(invoice: false), expected: [.originalInvoice]),
        Row(name: "a notice is not archived", facts: ready(unarchived: ["notice on 2026-02-02"]), expected: [.noticeArchive]),
        Row(name: "a notice has not gone to the debtor yet", facts: ready(unsent: ["notice on 2026-02-02"]), expected: [.noticeNotSent]),
        Row(name: "everything at once is listed, not only the first",
            facts: ready(claim(history: [nudgeTaken], disputed: 5_000), debtor: DebtorIdentity(kind: .consumer, name: "", addressLines: []), invoice: false),
            expected: [.noCollectionNotice, .disputed, .debtorName, .postalAddress, .originalInvoice]),
    ]

    @Test("a promise for several invoices is said to be for them together, not for this claim alone")
    func promiseForSeveralInvoices() {
        let several = claim(history: [Self.notice], promise: (payBy: "2026-03-20", amount: 50_000), promisedInvoices: ["F-1", "F-2"])
        let one = claim(history: [Self.notice], promise: (payBy: "2026-03-20", amount: 50_000), promisedInvoices: ["F-1"])
        let reasons = [several, one].map { HandoverReadiness.blocks(Self.ready($0), rulebook: .norway, on: Self.today).map(\.reason.text.description) }
        #expect(reasons[0] == ["the debtor promised to pay 500.00 NOK for invoices F-1, F-2 by 2026-03-20"])
        #expect(reasons[1] == ["the debtor promised to pay 500.00 NOK by 2026-03-20"])
    }

    @Test(arguments: rows) func readiness(_ row: Row) {
        let blocks = HandoverReadiness.blocks(row.facts, rulebook: row.facts.claim.country == .norway ? .norway : .sweden, on: row.today)
        #expect(blocks.map(\.code) == row.expected, "\(blocks.map(\.reason.text))")
        #expect(blocks.allSatisfy { !$0.reason.text.isEmpty })
    }

    @Test func theRulesAreCited() {
        let blocks = HandoverReadiness.blocks(Self.ready(claim(history: [nudgeTaken], disputed: 5_000)), rulebook: .norway, on: Self.today)
        #expect(blocks.first { $0.code == .noCollectionNotice }?.reason.citation?.contains("inkl. § 9") == true)
        #expect(blocks.first { $0.code == .disputed }?.reason.citation != nil)
    }

    @Test func swedenHasNoSixMonthWindow() {
        let notice = taken("notice", .collectionNotice, on: "2026-02-02", deadline: "2026-02-10", fee: 18000, .sweden)
        let facts = Self.ready(claim(.sweden, history: [notice]), debtor: DebtorIdentity(kind: .consumer, name: "Åsa", addressLines: ["Storgatan 1", "111 22 Stockholm"]))
        #expect(HandoverReadiness.blocks(facts, rulebook: .sweden, on: day("2026-12-01")).isEmpty)
    }

    @Test("a Swedish sole trader is known by its personnummer; a Norwegian business is not known by a fødselsnummer")
    func soleTraders() {
        let notice = taken("notice", .collectionNotice, on: "2026-02-02", deadline: "2026-02-10", fee: 18000, .sweden)
        func swedish(_ personnummer: String?) -> [HandoverBlock.Code] {
            let debtor = DebtorIdentity(
                kind: .business, name: "Åsas Måleri", addressLines: ["Storgatan 1", "111 22 Stockholm"], nationalIdentityNumber: personnummer
            )
            return HandoverReadiness.blocks(Self.ready(claim(.sweden, .business, history: [notice]), debtor: debtor), rulebook: .sweden, on: Self.today)
                .map(\.code)
        }
        #expect(swedish("196408233234") == [])
        #expect(swedish("196408233235") == [.organisationNumber])
        #expect(swedish(nil) == [.organisationNumber])
        let norwegian = DebtorIdentity(
            kind: .business, name: "Kari Maling", addressLines: ["Storgata 1", "0155 Oslo"], nationalIdentityNumber: "29100207042"
        )
        let blocks = HandoverReadiness.blocks(Self.ready(claim(.norway, .business, history: [Self.notice]), debtor: norwegian), rulebook: .norway, on: Self.today)
        #expect(blocks.map(\.code) == [.organisationNumber])

        // A Norwegian creditor's Swedish customer is known by Swedish numbers.
        var abroad = norwegian
        abroad.countryCode = "SE"
        abroad.nationalIdentityNumber = "196408233234"
        #expect(HandoverReadiness.blocks(Self.ready(claim(.norway, .business, history: [Self.notice]), debtor: abroad), rulebook: .norway, on: Self.today)
            .isEmpty)
        // And a Swedish consumer of a Norwegian creditor by a personnummer, not a fødselsnummer.
        let consumer = DebtorIdentity(
            kind: .consumer, name: "Åsa Svensson", addressLines: ["Storgatan 1", "111 22 Stockholm"], nationalIdentityNumber: "196408233234",
            countryCode: "SE"
        )
        #expect(HandoverReadiness.blocks(Self.ready(claim(history: [Self.notice]), debtor: consumer), rulebook: .norway, on: Self.today).isEmpty)
    }
}
