import Foundation
import Testing

/// poppler-utils (installed by `make test`), for reading PDFs back as a reader would.
enum Poppler {
    /// The text of a PDF (`pdftotext -layout`), every run of spaces made one ASCII space.
    static func text(_ pdf: [UInt8], page: Int? = nil) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("notice-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout"] + (page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []) + [file.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pdftotext failed")
        return normalised(String(decoding: data, as: UTF8.self))
    }

    /// Poppler prints every Unicode space as an ASCII one: compare texts with runs of spaces made one space.
    static func normalised(_ string: String) -> String {
        string.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .joined(separator: "\n")
    }
}
