import BetaltStore
import FluentKit
import Foundation

/// The record of imported files: a file is recognised by its SHA-256 and refused the second time.
enum ImportLog {
    static func refuseIfSeen(sha256: String, fileName: String, creditorID: UUID, on database: any Database) async throws {
        if let earlier = try await ImportedFileRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$sha256 == sha256).first() {
            let when = earlier.importedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "earlier"
            throw ImportRefused(fileName: fileName, reason: "this file was already imported (as \(earlier.fileName), \(when))")
        }
    }

    /// The file's record, for its rows to point to. `finish` sets the format the summary names: a camt file
    /// read as it is booked tells whether it is a camt.054 or a camt.053 only at its end.
    static func start(kind: String, format: String, fileName: String, sha256: String, creditorID: UUID, on database: any Database) async throws -> UUID {
        let record = ImportedFileRecord(
            id: TimeOrderedID.next(), creditorID: creditorID, kind: kind, format: format, fileName: fileName, sha256: sha256, summary: "{}"
        )
        try await record.create(on: database)
        return try record.requireID()
    }

    static func finish(_ id: UUID, summary: ImportSummary, on database: any Database) async throws {
        try await ImportedFileRecord.query(on: database).filter(\.$id == id)
            .set(\.$format, to: summary.format).set(\.$summary, to: try StableJSON.string(summary)).update()
    }
}
