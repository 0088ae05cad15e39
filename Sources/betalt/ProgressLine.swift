import Foundation
import Synchronization

/// Progress of a long command: a bar redrawn in place on a terminal, one line per 10 % in a log.
final class ProgressLine: Sendable {
    private let isTerminal = isatty(STDOUT_FILENO) == 1
    private let lastTenth = Mutex(-1)

    func show(done: Int, total: Int) {
        guard total > 0 else { return }
        let percent = done * 100 / total
        if isTerminal {
            let filled = percent / 5
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 20 - filled)
            FileHandle.standardOutput.write(Data("\r[\(bar)] \(percent)% (\(done)/\(total) claims)".utf8))
        } else {
            let tenth = percent / 10
            let isNew = lastTenth.withLock { last in
                defer { last = max(last, tenth) }
                return tenth > last
            }
            if isNew { print("\(tenth * 10)% (\(done)/\(total) claims)") }
        }
    }

    func finish() {
        if isTerminal { FileHandle.standardOutput.write(Data("\n".utf8)) }
    }
}
