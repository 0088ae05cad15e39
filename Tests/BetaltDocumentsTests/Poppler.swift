import Foundation
import Testing

/// poppler-utils (installed by `make test`), for reading PDFs back as a reader, a mail house and a text
/// search would.
///
/// Poppler's text output turns every Unicode space (U+00A0, U+202F, …) into an ASCII space, so texts are
/// compared with spaces normalised.
enum Poppler {
    /// Runs a poppler tool on the PDF (written to a temporary file, given last; pdftotext also gets "-" so
    /// it writes to standard output).
    static func run(_ tool: String, _ arguments: [String], pdf: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("letter-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments + [file.path] + (tool == "pdftotext" ? ["-"] : [])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of the whole document or one page (`pdftotext -layout`), spaces normalised.
    static func text(_ pdf: [UInt8], page: Int? = nil) throws -> String {
        normalised(try run("pdftotext", ["-layout"] + (page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []), pdf: pdf))
    }

    /// Every run of spaces (any Unicode space) becomes one ASCII space; lines are kept.
    static func normalised(_ string: String) -> String {
        string.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .joined(separator: "\n")
    }
}
