import Foundation

/// Whether a file is XML: its first character, after a byte-order mark and white space, is '<'.
func looksLikeXML(_ data: Data) -> Bool {
    data.drop(while: { [0xEF, 0xBB, 0xBF, 0x20, 0x0A, 0x0D, 0x09].contains($0) }).first == UInt8(ascii: "<")
}
