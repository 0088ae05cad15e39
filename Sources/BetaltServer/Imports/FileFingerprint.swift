import Crypto
import Foundation

/// The SHA-256 of a file's bytes, in hex: how an import recognises a file it has seen.
enum FileFingerprint {
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
