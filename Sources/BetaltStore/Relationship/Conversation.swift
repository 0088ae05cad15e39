import BetaltCore
import FluentKit
import Foundation

/// Notes a person writes about a customer and messages a debtor sends from their page. Messages wait in
/// the work queue until someone has dealt with them.
public enum Conversation {
    public static func note(
        customerID: UUID, claimID: UUID?, creditorID: UUID, text: String, by author: String, on date: CivilDate, database: any Database
    ) async throws -> ConversationNoteRecord? {
        try await add(kind: "note", customerID: customerID, claimID: claimID, creditorID: creditorID, text: text, author: author,
                      on: date, database: database)
    }

    /// A debtor's message from their page; nil when it was empty. Throws `DebtorSubmissions.TooMany` once the
    /// customer has sent `DebtorSubmissions.perDay` messages today.
    public static func message(
        customerID: UUID, creditorID: UUID, text: String, on date: CivilDate, database: any Database
    ) async throws -> ConversationNoteRecord? {
        let today = try await ConversationNoteRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$customerID == customerID)
            .filter(\.$kind == "message").filter(\.$notedOn == date.iso).count()
        guard today < DebtorSubmissions.perDay else { throw DebtorSubmissions.TooMany(limit: DebtorSubmissions.perDay) }
        return try await add(kind: "message", customerID: customerID, claimID: nil, creditorID: creditorID, text: text, author: "debtor",
                             on: date, database: database)
    }

    static func add(
        kind: String, outcome: String? = nil, customerID: UUID, claimID: UUID?, creditorID: UUID, text: String, author: String,
        on date: CivilDate, database: any Database
    ) async throws -> ConversationNoteRecord? {
        let trimmed = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(4000))
        // A call and a withdrawn consent are worth their line without words.
        guard !trimmed.isEmpty || kind == "call" || kind == "emailWithdrawn",
              try await CustomerRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id == customerID).count() == 1
        else { return nil }
        let note = ConversationNoteRecord()
        note.creditorID = creditorID
        note.customerID = customerID
        note.claimID = claimID
        note.kind = kind
        note.outcome = outcome
        note.author = author
        note.text = trimmed
        note.notedOn = date.iso
        try await note.create(on: database)
        return note
    }

    /// Messages from debtors nobody has dealt with yet, oldest first.
    public static func waitingMessages(creditorID: UUID, on database: any Database) async throws -> [ConversationNoteRecord] {
        try await ConversationNoteRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$kind == "message")
            .filter(\.$handledAt == nil).sort(\.$createdAt).limit(200).all()
    }

    /// Marks a message dealt with; false when it is not this creditor's.
    public static func handle(_ id: UUID, creditorID: UUID, by user: String, userID: UUID?, on database: any Database) async throws -> Bool {
        guard let note = try await ConversationNoteRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id == id)
            .filter(\.$kind == "message").first() else { return false }
        note.handledAt = Date()
        try await note.update(on: database)
        try await AuditRecord(
            creditorID: creditorID, userID: userID, actor: user, action: "message.handled", subject: "customer \(note.customerID.uuidString)",
            detail: ""
        ).create(on: database)
        return true
    }
}
