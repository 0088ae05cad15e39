import Foundation
import ZIPFoundation

/// The files inside a ZIP archive of invoices or payments, each to be imported on its own. Caps on the
/// number of entries and on the bytes actually extracted keep a ZIP bomb from filling memory.
public enum ImportArchive {
    public static let maximumEntries = 10_000
    public static let maximumTotalBytes = 200 * 1024 * 1024

    public static func isZIP(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The archive's files in name order, named "archive.zip/inner/name.xml"; folders and hidden files skipped.
    public static func files(
        in data: Data, fileName: String, limit: Int = maximumTotalBytes
    ) throws -> [(name: String, data: Data)] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw ImportRefused(fileName: fileName, reason: "not a readable ZIP archive (\(error))")
        }
        var files: [(name: String, data: Data)] = []
        var total = 0
        for entry in archive where entry.type == .file {
            let base = (entry.path as NSString).lastPathComponent
            guard !base.hasPrefix("."), !entry.path.hasPrefix("__MACOSX/") else { continue }
            guard files.count < maximumEntries else {
                throw ImportRefused(fileName: fileName, reason: "more than \(maximumEntries) files in the archive")
            }
            var content = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    total += chunk.count
                    guard total <= limit else { throw ArchiveTooLarge() }
                    content.append(chunk)
                }
            } catch is ArchiveTooLarge {
                throw ImportRefused(fileName: fileName, reason: "the archive unpacks to more than \(limit) bytes")
            } catch {
                throw ImportRefused(fileName: fileName, reason: "\(entry.path) cannot be unpacked (\(error))")
            }
            files.append((name: "\(fileName)/\(entry.path)", data: content))
        }
        return files.sorted { $0.name < $1.name }
    }

    private struct ArchiveTooLarge: Error {}
}
