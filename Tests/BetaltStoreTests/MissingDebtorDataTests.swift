import BetaltCore
@testable import BetaltStore
import Testing

/// What the planner is told an agency would lack: a business must be known by its number, and a Swedish sole
/// trader's number is its personnummer.
@Suite("Missing debtor data")
struct MissingDebtorDataTests {
    static let today = try! CivilDate(2026, 11, 23)

    static func missing(
        _ country: Country, kind: CustomerKind = .business, organisationNumber: String? = nil, personal: String? = nil,
        customerCountry: String? = nil
    ) -> [String] {
        DueClaims.missingDebtorData(
            kind: kind, name: "Åsas Måleri", hasAddress: true, organisationNumber: organisationNumber,
            nationalIdentityNumber: personal, customerCountry: customerCountry ?? country.rawValue, country: country, today: today
        ).map(\.description)
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

    @Test("a customer's number is checked by the customer's country, not the creditor's; another country's is taken as given")
    func customersCountry() {
        #expect(Self.missing(.norway, personal: "196408233234", customerCountry: "SE") == [])
        #expect(Self.missing(.norway, organisationNumber: "1234567897", customerCountry: "SE") == [])
        #expect(Self.missing(.sweden, organisationNumber: "123456785", customerCountry: "NO") == [])
        #expect(Self.missing(.norway, organisationNumber: "DK12345678", customerCountry: "DK") == [])
        #expect(Self.missing(.norway, customerCountry: "DK") == ["organisasjonsnummer"])
    }

    @Test("a consumer needs no national identity number, but one on file must be valid by the customer's country, as the handover checks")
    func consumersNumber() {
        #expect(Self.missing(.norway, kind: .consumer) == [])
        #expect(Self.missing(.norway, kind: .consumer, personal: "29100207042") == [])
        #expect(Self.missing(.norway, kind: .consumer, personal: "29100207043") == ["valid fødselsnummer"])
        #expect(Self.missing(.norway, kind: .consumer, personal: "196408233235", customerCountry: "SE") == ["valid personnummer"])
        #expect(Self.missing(.norway, kind: .consumer, personal: "196408233234", customerCountry: "SE") == [])
        #expect(Self.missing(.norway, kind: .consumer, personal: "123", customerCountry: "DK") == [])
        #expect(Self.missing(.norway, kind: .consumer, personal: "  ") == [])
    }

    @Test("a country kept as written rather than as a code (or in lower case) would break the handover manifest: it is missing")
    func countryCode() {
        #expect(Self.missing(.sweden, kind: .consumer, customerCountry: "SE") == [])
        #expect(Self.missing(.sweden, kind: .consumer, customerCountry: "DK") == [])
        #expect(Self.missing(.sweden, kind: .consumer, customerCountry: "SVERIGE") == ["country code"])
        #expect(Self.missing(.sweden, kind: .consumer, customerCountry: "se") == ["country code"])
        #expect(Self.missing(.sweden, kind: .consumer, customerCountry: "") == ["country code"])
    }
}
