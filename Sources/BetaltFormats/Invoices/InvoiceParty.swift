import BetaltCore

/// A buyer or seller as an invoice names it.
public struct InvoiceParty: Sendable, Equatable {
    /// The trading name (`PartyName/Name`), else the registered name.
    public let name: String
    /// The registered name (`PartyLegalEntity/RegistrationName`), when given.
    public let legalName: String?
    public let organisationNumber: OrganisationNumber?
    /// The VAT number as written (`PartyTaxScheme/CompanyID`), e.g. `NO987654325MVA`.
    public let vatNumber: String?
    public let address: PostalAddress?
    public let email: String?
    public let phone: String?

    public init(
        name: String, legalName: String? = nil, organisationNumber: OrganisationNumber? = nil,
        vatNumber: String? = nil, address: PostalAddress? = nil, email: String? = nil, phone: String? = nil
    ) {
        self.name = name
        self.legalName = legalName
        self.organisationNumber = organisationNumber
        self.vatNumber = vatNumber
        self.address = address
        self.email = email
        self.phone = phone
    }
}

/// A party's registered identity: validated when Norwegian or Swedish, kept as given otherwise.
public enum OrganisationNumber: Sendable, Equatable {
    case norwegian(NorwegianOrganisationNumber)
    case swedish(SwedishOrganisationNumber)
    /// A Swedish sole trader (enskild näringsidkare), whose personnummer serves as its organisationsnummer
    /// (NORDIC-RULES 13.3): personal data, which Betalt keeps as the customer's national identity number.
    case swedishSoleTrader(SwedishPersonalNumber)
    /// A foreign or unqualified identifier, with its Peppol ICD scheme (e.g. `0183`) when one was given.
    case other(scheme: String?, value: String)

    /// A Swedish business's number: an organisationsnummer, else a sole trader's personnummer. When it is neither, the
    /// error is the personnummer's if the number reads as one (its third digit below 2: a month), else the
    /// organisationsnummer's, so a mistyped personnummer is told its own fault.
    public static func swedish(validating text: String) throws(IdentifierError) -> OrganisationNumber {
        do {
            return .swedish(try SwedishOrganisationNumber(validating: text))
        } catch {
            do {
                return .swedishSoleTrader(try SwedishPersonalNumber(validating: text))
            } catch let personal {
                let digits = text.filter { $0.isASCII && $0.isNumber }
                let tenDigits = digits.count == 12 && !digits.hasPrefix("16") ? String(digits.dropFirst(2)) : digits
                let readsAsPersonal = tenDigits.count == 10 && tenDigits.dropFirst(2).first.map { $0 < "2" } == true
                throw readsAsPersonal ? personal : error
            }
        }
    }
}

/// A postal address as far as a notice needs it.
public struct PostalAddress: Sendable, Equatable {
    /// Street lines in order (`StreetName`, `AdditionalStreetName`, `AddressLine`).
    public let lines: [String]
    public let postalCode: String?
    public let city: String?
    /// ISO 3166-1 alpha-2, e.g. `NO`.
    public let countryCode: String?

    public init(lines: [String], postalCode: String?, city: String?, countryCode: String?) {
        self.lines = lines
        self.postalCode = postalCode
        self.city = city
        self.countryCode = countryCode
    }
}
