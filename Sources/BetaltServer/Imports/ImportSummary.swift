import BetaltCore
import Foundation

/// What one imported file did, for the command line, the upload form and the import log.
public struct ImportSummary: Sendable, Codable, Equatable {
    public let fileName: String
    public let kind: String
    public let format: String
    public var invoicesCreated = 0
    public var invoicesUnchanged = 0
    /// Invoices already there with other facts: reported, not applied.
    public var invoicesChanged: [String] = []
    public var creditNotesApplied = 0
    /// Payment references that failed their check digit, kept as given.
    public var flaggedReferences: [String] = []
    /// A customer's details on an invoice that differ from those kept: reported, not applied (`CustomerCompletion`).
    /// Optional so summaries stored before it existed still read.
    public var customerDifferences: [String]?
    public var paymentsMatched = 0
    public var paymentsUnmatched: [String] = []
    /// Payments already booked from an earlier file or post (a bank's copy or duplicate): not booked again.
    /// Optional so summaries stored before it existed still read.
    public var paymentsAlreadyBooked: Int?
    /// Overpayments kept as customer credit, in minor units per currency.
    public var overpayments: [String: Int64] = [:]

    public init(fileName: String, kind: String, format: String) {
        self.fileName = fileName
        self.kind = kind
        self.format = format
    }

    public var text: String {
        var lines = ["\(fileName) (\(format)):"]
        if kind == "invoices" {
            lines.append("  \(invoicesCreated) imported, \(invoicesUnchanged) already there, \(invoicesChanged.count) changed (not applied), \(creditNotesApplied) credit notes applied")
            lines += invoicesChanged.map { "  changed, not applied: \($0)" }
            lines += flaggedReferences.map { "  flagged: \($0)" }
            lines += (customerDifferences ?? []).map { "  customer details differ, not applied: \($0)" }
        } else {
            lines.append("  \(paymentsMatched) matched, \(paymentsUnmatched.count) unmatched (left for a person)")
            if let repeats = paymentsAlreadyBooked, repeats > 0 {
                lines.append("  \(repeats) already booked from an earlier file (same bank reference, amount and date): not booked again")
            }
            lines += paymentsUnmatched.map { "  unmatched: \($0)" }
            lines += overpayments.sorted(by: { $0.key < $1.key }).map {
                "  overpaid, kept as customer credit: \(Money(minorUnits: $0.value, currency: Currency(code: $0.key)))"
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// A file refused as a whole: nothing of it was imported.
public struct ImportRefused: Error, CustomStringConvertible {
    public let fileName: String
    public let reason: String

    public var description: String { "\(fileName): \(reason) — nothing was imported" }
}
