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

    /// A Swedish business's number: an organisationsnummer, else a sole trader's personnummer (`BusinessIdentity`).
    public static func swedish(validating text: String) throws(IdentifierError) -> OrganisationNumber {
        switch try BusinessIdentity.swedish(validating: text) {
        case .organisation(let number): .swedish(number)
        case .soleTrader(let personal): .swedishSoleTrader(personal)
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
