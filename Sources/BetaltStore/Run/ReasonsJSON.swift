import BetaltCore

/// An act's reasons as JSON, byte for byte what `StableJSON.string(reasons)` gives (sorted keys, a nil
/// citation left out, JSONEncoder's escapes), written by hand: JSONEncoder took a few microseconds an act,
/// seconds of a daily run that writes hundreds of thousands of acts.
enum ReasonsJSON {
    static func utf8(_ reasons: [Reason]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, reason) in reasons.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "{"))
            if let citation = reason.citation {
                bytes.append(contentsOf: #""citation":"#.utf8)
                JSONString.append(citation, to: &bytes)
                bytes.append(UInt8(ascii: ","))
            }
            bytes.append(contentsOf: #""text":"#.utf8)
            JSONString.append(reason.text, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
