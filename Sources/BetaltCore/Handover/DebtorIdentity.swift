/// The debtor as an agency needs to know them: who, where, and how to reach them.
public struct DebtorIdentity: Sendable, Hashable {
    public var kind: CustomerKind
    public var name: String
    /// Street, then postal code and town; empty lines are missing ones.
    public var addressLines: [String]
    public var organisationNumber: String?
    /// Fødselsnummer or personnummer: only where the creditor has it.
    public var nationalIdentityNumber: String?
    public var email: String?
    public var phone: String?
    /// The debtor's country (ISO 3166-1 alpha-2), whose registry its numbers belong to; nil: the claim's country.
    public var countryCode: String?

    public init(
        kind: CustomerKind, name: String, addressLines: [String], organisationNumber: String? = nil, nationalIdentityNumber: String? = nil,
        email: String? = nil, phone: String? = nil, countryCode: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.addressLines = addressLines
        self.organisationNumber = organisationNumber
        self.nationalIdentityNumber = nationalIdentityNumber
        self.email = email
        self.phone = phone
        self.countryCode = countryCode
    }
}
