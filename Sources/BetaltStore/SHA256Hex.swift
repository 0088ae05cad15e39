import Crypto
import Foundation

/// The SHA-256 of bytes as lowercase hex: the archive's fingerprint of every document, a file's, a token's.
public func sha256Hex(_ bytes: some DataProtocol) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
}
