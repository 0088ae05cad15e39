import FluentKit
import Foundation

/// A creditor (tenant): the business that is owed. Every other row carries its id.
public final class CreditorRecord: Model, @unchecked Sendable {
    public static let schema = "creditors"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "country") public var country: String
    @Field(key: "organisation_number") public var organisationNumber: String
    @Field(key: "currency") public var currency: String
    @Field(key: "time_zone") public var timeZone: String
    @Field(key: "language") public var language: String
    @Field(key: "bank_account") public var bankAccount: String
    /// The postal address and contact details printed on every notice.
    @Field(key: "address_line") public var addressLine: String
    @Field(key: "postal_code") public var postalCode: String
    @Field(key: "city") public var city: String
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    /// Plans a debtor may make alone on their page: at most this many months (0: none offered), no
    /// instalment below the minimum, and (SE) whether the statutory plan fee is added.
    @Field(key: "plan_max_months") public var planMaxMonths: Int
    @Field(key: "plan_min_instalment_minor") public var planMinInstalmentMinor: Int64
    @Field(key: "plan_fee") public var planFee: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, name: String, country: String, organisationNumber: String, currency: String,
        timeZone: String, language: String, bankAccount: String
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.organisationNumber = organisationNumber
        self.currency = currency
        self.timeZone = timeZone
        self.language = language
        self.bankAccount = bankAccount
        self.addressLine = ""
        self.postalCode = ""
        self.city = ""
        self.planMaxMonths = 0
        self.planMinInstalmentMinor = 0
        self.planFee = false
    }
}
