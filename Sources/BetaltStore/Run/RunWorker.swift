import Foundation

/// Who runs a creditor's day: "host:pid:nonce". A run that finds the day held by a process of its own host
/// that no longer exists takes over at once instead of waiting for the lease to lapse, so a run killed
/// on this machine can simply be started again.
public enum RunWorker {
    public static func current() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    }

    /// True only when `worker` names a process on this host that has ended; any doubt answers false.
    static func isEndedLocalProcess(_ worker: String) -> Bool {
        let parts = worker.split(separator: ":")
        guard parts.count == 3, parts[0] == ProcessInfo.processInfo.hostName, let pid = Int32(parts[1]),
              pid != ProcessInfo.processInfo.processIdentifier else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
