import Foundation
import Logging
import SQLKit
import SQLiteNIO
import Synchronization

/// Copies an SQLite file's write-ahead log into the database on a connection of its own, so that bulk work
/// (the daily run, a bank file of 100,000 payments) does not wait for it at commit: by default the connection
/// whose commit passes 1,000 pages of log does the copying itself, for a large import a second or more of
/// a commit that is otherwise done. This is SQLite's own advice for such writers (sqlite.org/wal.html,
/// "Application-Initiated Checkpoints"). The checkpoint is PASSIVE: it never blocks readers or the writer,
/// and what a concurrent writer adds is left for the next one.
public final class SQLiteCheckpointer: Sendable {
    /// One per process: a file has one log, and two checkpoints of it at once would only queue on its lock.
    public static let shared = SQLiteCheckpointer()

    /// The checkpoint running per file, if any.
    private let running = Mutex<[String: Task<Void, Never>]>([:])
    private let logger = Logger(label: "betalt.store.checkpoint")

    /// The log size below which nothing is started: SQLite's own threshold for its automatic checkpoint
    /// (1,000 pages, of `SQLiteTuning.pageSize` in the files Betalt makes). The file's size stands for what the log
    /// holds; a log SQLite has restarted keeps its size, and then a checkpoint starts that finds little to copy,
    /// which is harmless.
    static let minimumLogBytes = 1_000 * SQLiteTuning.pageSize

    /// Starts a checkpoint of the file `sql` is connected to unless one is running or the log is small.
    /// Does nothing on PostgreSQL.
    public func request(for sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        guard let path = try await sql.raw("SELECT file FROM pragma_database_list WHERE name = 'main'").first()?
            .decode(column: "file", as: String.self), !path.isEmpty
        else { return }
        guard let log = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int,
              log >= Self.minimumLogBytes
        else { return }
        start(path)
    }

    /// Waits for the checkpoints started so far: a command waits before it ends, and the benchmark times
    /// them apart from the work that started them.
    public func wait() async {
        for task in running.withLock({ Array($0.values) }) { await task.value }
    }

    private func start(_ path: String) {
        running.withLock { running in
            guard running[path] == nil else { return }
            running[path] = Task.detached { [logger] in
                do {
                    // A URI with mode=rw: a file removed meanwhile is not created again empty. The three characters
                    // a URI path gives meaning to are escaped.
                    let uriPath = path.replacingOccurrences(of: "%", with: "%25")
                        .replacingOccurrences(of: "?", with: "%3F").replacingOccurrences(of: "#", with: "%23")
                    let connection = try await SQLiteConnection.open(storage: .file(path: "file:\(uriPath)?mode=rw"), logger: logger)
                    do {
                        try await connection.query("PRAGMA wal_checkpoint(PASSIVE)", []) { _ in }
                    } catch {
                        logger.notice("checkpoint of \(path) did not run: \(error)")
                    }
                    try await connection.close()
                } catch {
                    logger.notice("checkpoint of \(path) could not open the file: \(error)")
                }
                self.finished(path)
            }
        }
    }

    private func finished(_ path: String) {
        running.withLock { _ = $0.removeValue(forKey: path) }
    }
}
