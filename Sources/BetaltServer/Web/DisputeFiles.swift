import BetaltStore
import Foundation
import Vapor

/// Files sent with a dispute: at most five, each up to 10 MB, and only what they claim to be by their first
/// bytes — PDF, JPEG or PNG — so nothing executable is kept or served back. A refusal is about the form's
/// field `files`.
enum DisputeFiles {
    static let maximumCount = 5
    static let maximumBytes = 10 * 1024 * 1024
    /// What a request carrying files may hold in all.
    static let requestLimit: ByteCount = "52mb"

    static func read(_ files: [File]?) throws -> [Disputes.Attachment] {
        let chosen = (files ?? []).filter { $0.data.readableBytes > 0 }
        guard chosen.count <= maximumCount else {
            throw FieldError("files", "tooManyFiles", .text("\(maximumCount)"))
        }
        return try chosen.map { file in
            let bytes = Data(file.data.readableBytesView)
            guard bytes.count <= maximumBytes else {
                throw FieldError("files", "fileTooLarge", .text(file.filename))
            }
            guard let mediaType = mediaType(of: bytes) else {
                throw FieldError("files", "fileType", .text(file.filename))
            }
            let name = String(file.filename.replacingOccurrences(of: "[^A-Za-z0-9._ æøåÆØÅäöÄÖ-]", with: "_", options: .regularExpression).prefix(120))
            return Disputes.Attachment(
                fileName: name.isEmpty ? "attachment" : name, mediaType: mediaType, content: bytes,
                sha256: sha256Hex(bytes)
            )
        }
    }

    private static func mediaType(of bytes: Data) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }
}
