import Foundation

/// JSON with sorted keys: the same value is always stored as the same text, so reruns compare byte-equal.
public enum StableJSON {
    public static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
