import BetaltCore
@testable import BetaltStore
import Testing

/// What the planner is told an agency would lack: a business must be known by its number, and a Swedish sole
/// trader's number is its personnummer.
@Suite("Missing debtor data")
struct MissingDebtorDataTests {
    static let today = try! CivilDate(2026, 11, 23)

    static func missing(_ country: Country, organisationNumber: String? = nil, personal: String? = nil) -> [String] {
        DueClaims.missingDebtorData(
            kind: .business, name: "Åsas Måleri", hasAddress: true, organisationNumber: organisationNumber,
            nationalIdentityNumber: personal, country: country, today: today
        )
    }

    @Test("a Swedish sole trader with a valid personnummer lacks nothing; without one, or with a wrong one, its number is missing")
    func swedishSoleTrader() {
        #expect(Self.missing(.sweden, personal: "196408233234") == [])
        #expect(Self.missing(.sweden, personal: "196408233235") == ["organisationsnummer"])
        #expect(Self.missing(.sweden) == ["organisationsnummer"])
        #expect(Self.missing(.sweden, organisationNumber: "1234567897") == [])
    }

    @Test("a Norwegian business needs its organisasjonsnummer: a fødselsnummer does not stand in for it")
    func norwegianBusiness() {
        #expect(Self.missing(.norway, personal: "29100207042") == ["organisasjonsnummer"])
        #expect(Self.missing(.norway, organisationNumber: "123456785") == [])
    }
}
