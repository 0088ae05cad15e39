import BetaltCore
import BetaltFormats

/// A buyer's registered number as a customer keeps it, the same from a Peppol invoice, a CSV row and the API.
/// A Swedish sole trader's personnummer, which serves as its organisationsnummer (NORDIC-RULES 13.3), is personal
/// data: it is kept as the national identity number (masked on pages) and never as the organisation or customer
/// number, which pages, notices and the API show.
struct CustomerNumbers {
    let organisationNumber: String?
    let soleTrader: String?

    /// `number` as read, for a customer of `country`: a number given without its scheme (a CSV row without a country,
    /// a UBL `CompanyID` without `schemeID`, the API) is read as Swedish when the customer is, and kept as given when
    /// it is not a Swedish number.
    init(_ number: OrganisationNumber?, country: String) {
        switch number {
        case nil: self.init(organisationNumber: nil, soleTrader: nil)
        case .norwegian(let number)?: self.init(organisationNumber: number.normalized, soleTrader: nil)
        case .swedish(let number)?: self.init(organisationNumber: number.normalized, soleTrader: nil)
        case .swedishSoleTrader(let personal)?: self.init(organisationNumber: nil, soleTrader: personal.normalized)
        case .other(nil, let value)? where country == Country.sweden.rawValue:
            if let swedish = try? OrganisationNumber.swedish(validating: value) {
                self.init(swedish, country: country)
            } else {
                self.init(organisationNumber: value, soleTrader: nil)
            }
        case .other(_, let value)?: self.init(organisationNumber: value, soleTrader: nil)
        }
    }

    private init(organisationNumber: String?, soleTrader: String?) {
        self.organisationNumber = organisationNumber
        self.soleTrader = soleTrader
    }

    /// The same for a number given as text, with no scheme.
    init(text: String?, country: String) {
        self.init(text.map { .other(scheme: nil, value: $0) }, country: country)
    }

    var isBusiness: Bool { organisationNumber != nil || soleTrader != nil }
}
