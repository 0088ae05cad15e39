import BetaltServer
import Foundation
import Testing
import ZIPFoundation

@Suite("ZIP archives of import files")
struct ImportArchiveTests {
    /// A ZIP holding `files` (path, content), as an accounting system would export it.
    static func archive(_ files: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, content) in files {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate) { position, size in
                content.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    @Test("an archive's files come out whole, in name order, hidden files and folders skipped")
    func unpacks() throws {
        let zip = try Self.archive([
            ("b/second.csv", Data("two".utf8)), ("a-first.xml", Data("<one/>".utf8)), ("__MACOSX/._x", Data("junk".utf8)),
            ("b/.DS_Store", Data("junk".utf8)),
        ])
        #expect(ImportArchive.isZIP(zip))
        let files = try ImportArchive.files(in: zip, fileName: "batch.zip")
        #expect(files.map(\.name) == ["batch.zip/a-first.xml", "batch.zip/b/second.csv"])
        #expect(files.map { String(decoding: $0.data, as: UTF8.self) } == ["<one/>", "two"])
    }

    @Test("something that is not a ZIP is refused with the file's name")
    func notZIP() {
        #expect(!ImportArchive.isZIP(Data("NY000010".utf8)))
        let error = #expect(throws: ImportRefused.self) { try ImportArchive.files(in: Data("PK\u{3}\u{4}broken".utf8), fileName: "x.zip") }
        #expect(error?.description.hasPrefix("x.zip") == true)
    }

    @Test("an archive that unpacks to more than the cap is refused before it fills memory")
    func bomb() throws {
        let big = Data(count: 600_000)
        let zip = try Self.archive([("one.csv", big), ("two.csv", big)])
        #expect(zip.count < 20_000)
        #expect(try ImportArchive.files(in: zip, fileName: "fits.zip", limit: 1_200_000).count == 2)
        let error = #expect(throws: ImportRefused.self) { try ImportArchive.files(in: zip, fileName: "bomb.zip", limit: 1_000_000) }
        #expect(error?.reason.contains("unpacks to more than") == true)
    }
}
