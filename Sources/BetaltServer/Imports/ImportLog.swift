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

    static func start(kind: String, format: String, fileName: String, sha256: String, creditorID: UUID, on database: any Database) async throws -> UUID {
        let record = ImportedFileRecord(
            id: TimeOrderedID.next(), creditorID: creditorID, kind: kind, format: format, fileName: fileName, sha256: sha256, summary: "{}"
        )
        try await record.create(on: database)
        return try record.requireID()
    }

    static func finish(_ id: UUID, summary: ImportSummary, on database: any Database) async throws {
        try await ImportedFileRecord.query(on: database).filter(\.$id == id)
            .set(\.$summary, to: try StableJSON.string(summary)).update()
    }
}
