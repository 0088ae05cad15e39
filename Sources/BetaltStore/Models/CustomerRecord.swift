import BetaltCore
import FluentKit
import Foundation

/// A creditor's customer, the debtor of its claims: a consumer or a business.
public final class CustomerRecord: Model, @unchecked Sendable {
    public static let schema = "customers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "customer_number") public var customerNumber: String
    @Field(key: "kind") public var kind: String
    @Field(key: "name") public var name: String
    /// `PayerName.key(name)`: how a bank would write the name, for matching payments by payer.
    @Field(key: "name_key") public var nameKey: String
    /// Fødselsnummer or personnummer: personal data, shown masked and exported only in a handover.
    @OptionalField(key: "national_identity_number") public var nationalIdentityNumber: String?
    @OptionalField(key: "organisation_number") public var organisationNumber: String?
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @Field(key: "address_line") public var addressLine: String
    @Field(key: "postal_code") public var postalCode: String
    @Field(key: "city") public var city: String
    @Field(key: "country") public var country: String
    @Field(key: "language") public var language: String
    /// Electronic channels the customer accepted for notices, comma-separated ("email,digitalMailbox").
    @Field(key: "accepted_channels") public var acceptedChannels: String
    /// The day the customer's consent to notices by e-mail was recorded (nil: no consent).
    @OptionalField(key: "email_consent_on") public var emailConsentOn: String?
    /// What that consent rests on, as the person who recorded it wrote it ("accepted in the order form of 2026-03-01").
    @OptionalField(key: "email_consent_basis") public var emailConsentBasis: String?
    /// The ladder this customer follows instead of the creditor's default for the country.
    @OptionalField(key: "ladder_key") public var ladderKey: String?
    /// The last day the customer broke a promise to pay: shown to whoever calls them next.
    @OptionalField(key: "promise_broken_on") public var promiseBrokenOn: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    /// Whether notices may go to the customer by e-mail: consent recorded with its day (`NoticeConsent`), and an
    /// address to send to. The daily run reads the same rule in SQL (`emailConsented`).
    public var acceptsEmailNotices: Bool {
        acceptedChannels.split(separator: ",").contains { $0 == Channel.email.rawValue } && emailConsentOn != nil
            && !(email ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// `acceptsEmailNotices` but for the channel list, as SQL on the customers row `alias`.
    static func emailConsented(_ alias: String) -> String {
        "CASE WHEN \(alias).email_consent_on IS NOT NULL AND TRIM(COALESCE(\(alias).email, '')) <> '' THEN 1 ELSE 0 END"
    }

    public init(
        id: UUID? = nil, creditorID: UUID, customerNumber: String, kind: String, name: String,
        nationalIdentityNumber: String?, organisationNumber: String?, email: String?, phone: String?,
        addressLine: String, postalCode: String, city: String, country: String, language: String
    ) {
        self.id = id
        self.creditorID = creditorID
        self.customerNumber = customerNumber
        self.kind = kind
        self.name = name
        self.nameKey = PayerName.key(name)
        self.nationalIdentityNumber = nationalIdentityNumber
        self.organisationNumber = organisationNumber
        self.email = email
        self.phone = phone
        self.addressLine = addressLine
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.language = language
        self.acceptedChannels = ""
    }
}
