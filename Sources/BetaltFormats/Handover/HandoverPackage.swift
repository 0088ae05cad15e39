import Foundation
import ZIPFoundation

/// One ZIP per handover batch: `manifest.json` and every document the manifest names, byte for byte.
public enum HandoverPackage {
    /// A file to put in the package under `path`.
    public struct File: Sendable {
        public let path: String
        public let content: Data

        public init(path: String, content: Data) {
            self.path = path
            self.content = content
        }
    }

    /// The manifest as stored: sorted keys, so the same batch always gives the same bytes.
    public static func manifestJSON(_ manifest: HandoverManifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(manifest)
    }

    /// The ZIP of the manifest and `files`. Throws when the manifest names a document that is not among
    /// the files, so no package goes out incomplete.
    public static func zip(_ manifest: HandoverManifest, files: [File]) throws -> Data {
        let named = Set(manifest.cases.flatMap { entry in
            entry.notices.flatMap(\.documents) + entry.disputes.flatMap(\.documents) + (entry.originalInvoice.map { [$0] } ?? [])
        }.map(\.path))
        let given = Set(files.map(\.path))
        if let missing = named.subtracting(given).sorted().first { throw HandoverPackageError.missingDocument(missing) }
        let archive = try Archive(accessMode: .create)
        try add(archive, path: "manifest.json", data: try manifestJSON(manifest))
        for file in files.sorted(by: { $0.path < $1.path }) { try add(archive, path: file.path, data: file.content) }
        guard let data = archive.data else { throw HandoverPackageError.notWritten }
        return data
    }

    private static func add(_ archive: Archive, path: String, data: Data) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

/// Why a handover package could not be written.
public enum HandoverPackageError: Error, Equatable, CustomStringConvertible {
    case missingDocument(String)
    case notWritten

    public var description: String {
        switch self {
        case .missingDocument(let path): "the manifest names \(path), which is not in the package"
        case .notWritten: "the ZIP could not be written"
        }
    }
}
