import FluentKit
import Foundation

/// One append-only ledger line of a claim. Rows are inserted, never updated or deleted.
public final class LedgerEntryRecord: Model, @unchecked Sendable {
    public static let schema = "ledger_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "kind") public var kind: String
    @Field(key: "component") public var component: String
    /// Always positive; the kind says whether it adds to or reduces the balance.
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String
    @Field(key: "entry_date") public var entryDate: String
    @Field(key: "text") public var text: String
    @Timestamp(key: "recorded_at", on: .create) public var recordedAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, creditorID: UUID, claimID: UUID, sequence: Int, kind: String, component: String,
        amountMinor: Int64, currency: String, entryDate: String, text: String
    ) {
        self.id = id
        self.creditorID = creditorID
        self.claimID = claimID
        self.sequence = sequence
        self.kind = kind
        self.component = component
        self.amountMinor = amountMinor
        self.currency = currency
        self.entryDate = entryDate
        self.text = text
    }
}
