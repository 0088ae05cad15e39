import BetaltCore
import BetaltDocuments
import Foundation

/// Renders `count` notices the way composing does (template, letter layout, PDF), first on one thread and
/// then on every core. Target (issue #5): 10,000 letters in under 30 s on this 2-core machine.
func benchmarkLetters(count: Int) async throws {
    let templates = try NoticeTemplates()
    let kinds: [DocumentKind] = [.friendlyReminder, .reminder, .collectionNotice]
    let contents = (0..<count).map { index -> NoticeContent in
        var content = NoticeContent.sample(
            kinds[index % kinds.count], language: index % 2 == 0 ? .nb : .sv, country: index % 2 == 0 ? .norway : .sweden,
            claimCount: 1 + index % 3
        )
        content.debtor.name += " \(index)"
        return content
    }
    func render(_ content: NoticeContent) throws -> Int {
        try LetterPDF.render(try content.letter(prose: try templates.prose(for: content))).count
    }

    var bytes = 0
    let start = Date()
    for content in contents { bytes += try render(content) }
    let serial = Date().timeIntervalSince(start)
    print(String(
        format: "letters: %d rendered (template + layout + PDF) on one thread in %.1f s (%.2f ms each, %.0f KB average)",
        count, serial, serial * 1000 / Double(count), Double(bytes) / Double(count) / 1024
    ))

    let cores = ProcessInfo.processInfo.activeProcessorCount
    let parallelStart = Date()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for slice in 0..<cores {
            group.addTask {
                for index in stride(from: slice, to: contents.count, by: cores) { _ = try render(contents[index]) }
            }
        }
        try await group.waitForAll()
    }
    let parallel = Date().timeIntervalSince(parallelStart)
    print(String(format: "letters: %d rendered on %d cores in %.1f s (target: under 30 s)", count, cores, parallel))
}
