import Foundation

/// The text of a PDF as pdftotext (poppler-utils) reads it, runs of white space made one space, so a
/// phrase is found however the letter wrapped it.
public func pdfText(_ pdf: [UInt8]) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("notice-\(UUID().uuidString).pdf")
    try Data(pdf).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = [file.path, "-"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
