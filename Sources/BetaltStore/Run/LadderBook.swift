import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A creditor's ladders: the built-in defaults per country and the creditor's own, by key.
public struct LadderBook: Sendable {
    public let ladders: [String: Ladder]

    public static func defaultKey(_ country: Country) -> String { "default-\(country.rawValue)" }

    public static let defaults: [String: Ladder] = [
        defaultKey(.norway): .defaultNorway,
        defaultKey(.sweden): .defaultSweden,
    ]

    public init(ladders: [String: Ladder]) { self.ladders = ladders }

    /// The creditor's saved ladders over the defaults. A stored ladder that no longer reads is an error,
    /// never silently replaced by a default.
    public static func load(creditorID: UUID, on database: any Database) async throws -> LadderBook {
        try await load(creditorIDs: [creditorID], on: database)[creditorID]!
    }

    /// The books of several creditors, read in one query.
    static func load(creditorIDs: [UUID], on database: any Database) async throws -> [UUID: LadderBook] {
        var ladders = Dictionary(uniqueKeysWithValues: creditorIDs.map { ($0, defaults) })
        for record in try await LadderRecord.query(on: database).filter(\.$creditorID ~~ creditorIDs).all() {
            do {
                ladders[record.creditorID, default: defaults][record.key] = try JSONDecoder().decode(Ladder.self, from: Data(record.definition.utf8))
            } catch {
                throw UnreadableLadder(key: record.key, reason: "\(error)")
            }
        }
        return ladders.mapValues(LadderBook.init(ladders:))
    }

    /// The invoice's ladder, else the customer's, else the default for the country.
    public func ladder(claimKey: String?, customerKey: String?, country: Country) throws -> Ladder {
        for key in [claimKey, customerKey].compactMap({ $0 }) {
            guard let ladder = ladders[key] else { throw UnreadableLadder(key: key, reason: "no ladder with this key") }
            guard ladder.country == country else {
                throw UnreadableLadder(key: key, reason: "ladder is for \(ladder.country.rawValue), the claim for \(country.rawValue)")
            }
            return ladder
        }
        return ladders[Self.defaultKey(country)]!
    }

    /// Saves a creditor's ladder after checking it against the law; an illegal ladder is refused with reasons.
    /// The open claims that follow it are looked at again from `date` (`ClaimRevision.lookAgain`): a step the new
    /// ladder brings forward is then not left waiting for the date the old one gave.
    public static func save(_ ladder: Ladder, key: String, creditorID: UUID, on date: CivilDate, database: any Database) async throws {
        let violations = LadderValidator.violations(of: ladder, rulebook: .for(ladder.country), on: date)
        guard violations.isEmpty else { throw IllegalLadder(key: key, violations: violations.map(\.description)) }
        let definition = try StableJSON.string(ladder)
        try await database.transaction { tx in
            if let existing = try await LadderRecord.query(on: tx)
                .filter(\.$creditorID == creditorID).filter(\.$key == key).first() {
                existing.definition = definition
                existing.country = ladder.country.rawValue
                try await existing.update(on: tx)
            } else {
                try await LadderRecord(creditorID: creditorID, key: key, country: ladder.country.rawValue, definition: definition)
                    .create(on: tx)
            }
            let country = try await CreditorRecord.find(creditorID, on: tx).flatMap { Country(rawValue: $0.country) }
            // As `ladder(claimKey:customerKey:country:)` chooses: the invoice's key, else the customer's, else the default.
            let byCustomer: SQLQueryString = "customer_id IN (SELECT id FROM customers WHERE creditor_id = \(bind: creditorID) AND ladder_key = \(bind: key))"
            let byDefault: SQLQueryString = country.map(Self.defaultKey) == key
                ? "customer_id IN (SELECT id FROM customers WHERE creditor_id = \(bind: creditorID) AND ladder_key IS NULL)" : "1 = 0"
            try await ClaimRevision.lookAgain(
                where: "ladder_key = \(bind: key) OR (ladder_key IS NULL AND (\(byCustomer) OR \(byDefault)))",
                creditorID: creditorID, from: date, on: tx
            )
        }
    }
}

extension LadderBook {
    /// Where a ladder applies: all of a customer's invoices, or one invoice.
    public enum Assignment: Sendable {
        case customer(number: String)
        case invoice(number: String)
    }

    /// Makes `key` the ladder of a customer or an invoice (nil: back to the creditor's default), and has the daily run
    /// look at the claims it now applies to again from `date`. The ladder must exist and be for the creditor's country.
    public static func assign(_ key: String?, to target: Assignment, creditorID: UUID, on date: CivilDate, database: any Database) async throws {
        try await database.transaction { tx in try await assign(key, to: target, creditorID: creditorID, date: date, in: tx) }
    }

    private static func assign(_ key: String?, to target: Assignment, creditorID: UUID, date: CivilDate, in database: any Database) async throws {
        guard let creditor = try await CreditorRecord.find(creditorID, on: database),
              let country = Country(rawValue: creditor.country) else {
            throw UnreadableLadder(key: key ?? "default", reason: "no creditor \(creditorID)")
        }
        if let key {
            let book = try await load(creditorID: creditorID, on: database)
            _ = try book.ladder(claimKey: key, customerKey: nil, country: country)
        }
        switch target {
        case .customer(let number):
            guard let customer = try await CustomerRecord.query(on: database)
                .filter(\.$creditorID == creditorID).filter(\.$customerNumber == number).first()
            else { throw UnreadableLadder(key: key ?? "default", reason: "no customer number '\(number)'") }
            customer.ladderKey = key
            try await customer.update(on: database)
            // Its invoices with a ladder of their own keep theirs.
            try await ClaimRevision.lookAgain(
                where: "customer_id = \(bind: try customer.requireID()) AND ladder_key IS NULL", creditorID: creditorID, from: date, on: database
            )
        case .invoice(let number):
            guard let claim = try await ClaimRecord.query(on: database)
                .filter(\.$creditorID == creditorID).filter(\.$invoiceNumber == number).first()
            else { throw UnreadableLadder(key: key ?? "default", reason: "no invoice number '\(number)'") }
            claim.ladderKey = key
            try await claim.update(on: database)
            try await ClaimRevision.lookAgain(where: "id = \(bind: try claim.requireID())", creditorID: creditorID, from: date, on: database)
        }
    }
}

/// A ladder key that names no usable ladder.
public struct UnreadableLadder: Error, CustomStringConvertible {
    public let key: String
    public let reason: String
    public var description: String { "ladder '\(key)': \(reason)" }
}

/// A ladder the law does not allow; nothing was saved.
public struct IllegalLadder: Error, CustomStringConvertible {
    public let key: String
    public let violations: [String]
    public var description: String { "ladder '\(key)' is not allowed: " + violations.joined(separator: "; ") }
}
