import BetaltCore
import Foundation

/// A stored ledger row that no longer reads as a ledger entry: the database was changed behind Betalt's back.
public struct CorruptLedgerRow: Error, CustomStringConvertible {
    public let entryID: UUID?
    public let reason: String

    public var description: String { "ledger entry \(entryID?.uuidString ?? "?"): \(reason)" }
}

extension LedgerEntryRecord {
    public func domainEntry() throws -> LedgerEntry {
        guard let kind = LedgerEntryKind(rawValue: kind) else {
            throw CorruptLedgerRow(entryID: id, reason: "unknown kind '\(self.kind)'")
        }
        guard let component = LedgerComponent(rawValue: component) else {
            throw CorruptLedgerRow(entryID: id, reason: "unknown component '\(self.component)'")
        }
        return LedgerEntry(
            kind: kind, component: component,
            amount: Money(minorUnits: amountMinor, currency: try Currency.named(currency)),
            date: try CivilDate(iso: entryDate), text: text
        )
    }
}
