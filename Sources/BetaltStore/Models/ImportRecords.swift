import FluentKit
import Foundation

/// A file taken in, recognised by its SHA-256 so that importing it again is refused.
public final class ImportedFileRecord: Model, @unchecked Sendable {
    public static let schema = "imported_files"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    /// invoices or payments.
    @Field(key: "kind") public var kind: String
    @Field(key: "format") public var format: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "sha256") public var sha256: String
    /// The import summary as JSON.
    @Field(key: "summary") public var summary: String
    @Timestamp(key: "imported_at", on: .create) public var importedAt: Date?

    public init() {}

    public init(id: UUID? = nil, creditorID: UUID, kind: String, format: String, fileName: String, sha256: String, summary: String) {
        self.id = id
        self.creditorID = creditorID
        self.kind = kind
        self.format = format
        self.fileName = fileName
        self.sha256 = sha256
        self.summary = summary
    }
}

/// A payment read from a bank file or the API, and how it was matched (or why not, for a person to settle).
public final class PaymentRecord: Model, @unchecked Sendable {
    public static let schema = "payments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @OptionalField(key: "imported_file_id") public var importedFileID: UUID?
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "booking_date") public var bookingDate: String?
    /// Structured references (KID/OCR) as given, comma-separated.
    @Field(key: "references") public var references: String
    /// Invoice numbers the payer named, comma-separated.
    @Field(key: "referred_documents") public var referredDocuments: String
    @Field(key: "free_text") public var freeText: String
    @OptionalField(key: "payer_name") public var payerName: String?
    @OptionalField(key: "bank_reference") public var bankReference: String?
    @Field(key: "is_reversal") public var isReversal: Bool
    /// matched or unmatched.
    @Field(key: "status") public var status: String
    /// reference, numberAndAmount, amountAndPayer or manual: how the match was made, so the automation can be audited.
    @OptionalField(key: "match_method") public var matchMethod: String?
    /// The claims it paid and how much each, as JSON.
    @Field(key: "matched_claims") public var matchedClaims: String
    /// What was left over after every matched claim was paid: the customer's credit.
    @Field(key: "overpayment_minor") public var overpaymentMinor: Int64
    /// Why it is unmatched, or what a person should know.
    @Field(key: "note") public var note: String
    /// Where it stood in its file (line or XPath).
    @Field(key: "source") public var source: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// An invoice's original document (the UBL XML as received), kept byte for byte with its claim.
public final class InvoiceDocumentRecord: Model, @unchecked Sendable {
    public static let schema = "invoice_documents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    /// invoice or creditNote.
    @Field(key: "kind") public var kind: String
    @Field(key: "media_type") public var mediaType: String
    /// The UBL text as received; empty for an original attached as a file.
    @Field(key: "content") public var content: String
    @Field(key: "sha256") public var sha256: String
    @OptionalField(key: "imported_file_id") public var importedFileID: UUID?
    /// An original attached as a file (PDF, JPEG or PNG), and its name as the person gave it.
    @OptionalField(key: "file_content") public var fileContent: Data?
    @OptionalField(key: "file_name") public var fileName: String?

    public init() {}

    /// The document's bytes, whichever way it was kept.
    public var bytes: Data { fileContent ?? Data(content.utf8) }

    /// "xml", "pdf", "jpg" or "png", for the names the debtor and the agency see.
    public var fileExtension: String {
        switch mediaType {
        case "application/pdf": "pdf"
        case "image/jpeg": "jpg"
        case "image/png": "png"
        default: "xml"
        }
    }
}
