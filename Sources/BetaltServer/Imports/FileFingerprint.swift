import BetaltStore
import Foundation

/// The SHA-256 of a file's bytes, in hex: how an import recognises a file it has seen.
enum FileFingerprint {
    static func sha256(_ data: Data) -> String {
        sha256Hex(data)
    }
}
