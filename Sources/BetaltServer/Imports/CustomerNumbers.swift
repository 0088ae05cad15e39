import BetaltCore
import BetaltFormats

/// A buyer's registered number as a customer keeps it, the same from a Peppol invoice, a CSV row and the API.
/// A Swedish sole trader's personnummer, which serves as its organisationsnummer (NORDIC-RULES 13.3), is personal
/// data: it is kept as the national identity number (masked on pages) and never as the organisation or customer
/// number, which pages, notices and the API show.
struct CustomerNumbers {
    let organisationNumber: String?
    let soleTrader: String?

    /// `number` as read, for a customer of `country`. A number given without its scheme (a CSV row without a country,
    /// a UBL `CompanyID` without `schemeID`, the API) is kept as given, as before, so customers made from it are found
    /// again; but for a Swedish customer one that reads as a personnummer, valid or not, is kept as the national identity
    /// number (an invalid one then blocks the handover, as it should) rather than shown as organisation or customer number.
    init(_ number: OrganisationNumber?, country: String) {
        switch number {
        case nil: self.init(organisationNumber: nil, soleTrader: nil)
        case .norwegian(let number)?: self.init(organisationNumber: number.normalized, soleTrader: nil)
        case .swedish(let number)?: self.init(organisationNumber: number.normalized, soleTrader: nil)
        case .swedishSoleTrader(let personal)?: self.init(organisationNumber: nil, soleTrader: personal.normalized)
        case .other(nil, let value)? where country.uppercased() == Country.sweden.rawValue && BusinessIdentity.readsAsPersonal(value):
            let personal = try? SwedishPersonalNumber(validating: value)
            self.init(organisationNumber: nil, soleTrader: personal?.normalized ?? value)
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

    /// Whether a national identity number given beside a sole trader's personnummer is another person's: one of the two
    /// would be lost, so the invoice is refused, without repeating either number.
    func contradicts(nationalIdentityNumber given: String) -> Bool {
        guard let soleTrader, given.contains(where: { !$0.isWhitespace }) else { return false }
        return !NationalIdentity.same(soleTrader, given)
    }

    static let contradiction = "is not the personnummer given as organisation number (a Swedish sole trader's):"
        + " give the same number in both, or leave it out"
}
