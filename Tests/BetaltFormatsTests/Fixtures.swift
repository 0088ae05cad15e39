import Foundation

/// The shared public sample files, found beside the repository (`../shared/fixtures`), never copied or edited.
enum Fixtures {
    /// The URL of `relative` under `shared/fixtures`, e.g. `peppol/base-example.xml`.
    static func url(_ relative: String) -> URL {
        var directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.deletingLastPathComponent().appendingPathComponent("shared/fixtures/\(relative)")
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "/work/shared/fixtures/\(relative)")
    }

    /// The bytes of `relative`, failing the test with the path when the file is missing.
    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: url(relative))
    }
}
