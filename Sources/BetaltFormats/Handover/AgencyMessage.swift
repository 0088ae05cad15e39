import BetaltCore
import Foundation

/// A message from the creditor to the agency about one case (schemas/agency-message-1.schema.json):
/// a correction (the claim changed on the creditor's side after handover, for example a payment made
/// directly to the creditor) or a recall (the creditor asks for the case back).
public struct AgencyMessage: Codable, Sendable, Hashable {
    public static let formatName = "betalt-agency-message"
    public static let currentVersion = 1

    public enum Kind: String, Codable, Sendable {
        case correction, recall
    }

    public var format = AgencyMessage.formatName
    public var version = AgencyMessage.currentVersion
    public var messageID: String
    public var kind: Kind
    public var createdOn: String
    public var creditor: HandoverManifest.Party
    public var agency: HandoverManifest.Agency
    /// The case as the handover manifest named it, and the batch it went in.
    public var claimID: String
    public var batchID: String
    public var invoiceNumber: String
    /// For a correction: the ledger entries the agency has not been told of, oldest first.
    public var changes: [HandoverManifest.LedgerLine]
    /// What the debtor owes now, on the creditor's ledger.
    public var open: HandoverManifest.OpenAmounts
    public var text: String

    public init(
        messageID: String, kind: Kind, createdOn: CivilDate, creditor: HandoverManifest.Party, agency: HandoverManifest.Agency,
        claimID: String, batchID: String, invoiceNumber: String, changes: [HandoverManifest.LedgerLine],
        open: HandoverManifest.OpenAmounts, text: String
    ) {
        self.messageID = messageID
        self.kind = kind
        self.createdOn = createdOn.iso
        self.creditor = creditor
        self.agency = agency
        self.claimID = claimID
        self.batchID = batchID
        self.invoiceNumber = invoiceNumber
        self.changes = changes
        self.open = open
        self.text = text
    }

    /// The message as sent: sorted keys, so the same message always gives the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The file name the agency receives: "correction-2026-12-01-1a2b3c4d.json".
    public var fileName: String { "\(kind.rawValue)-\(createdOn)-\(messageID.prefix(8).lowercased()).json" }
}
