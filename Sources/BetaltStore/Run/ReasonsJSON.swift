import BetaltCore

/// An act's reasons as JSON, byte for byte what `StableJSON.string(reasons)` gives (sorted keys, a nil
/// citation and empty arguments left out, JSONEncoder's escapes), written by hand: JSONEncoder took a few
/// microseconds an act, seconds of a daily run that writes hundreds of thousands of acts.
enum ReasonsJSON {
    static func utf8(_ reasons: [Reason]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, reason) in reasons.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(reason.message, citation: reason.citation, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    /// The reasons as the daily run keeps them: each template with its citation named by its key
    /// (`ReasonTexts`), the words added to `texts` for the batch to keep.
    static func utf8(_ reasons: [Reason], naming texts: inout ReasonTexts.Named) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, reason) in reasons.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendNamed(reason.message, citation: reason.citation, to: &bytes, texts: &texts)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    /// One reason as `StableJSON.string(reason)` gives it.
    static func utf8(_ reason: Reason) -> [UInt8] {
        var bytes: [UInt8] = []
        append(reason.message, citation: reason.citation, to: &bytes)
        return bytes
    }

    /// A reason's arguments alone, as `StableJSON.string(message.arguments)` gives them.
    static func utf8(_ arguments: [ReasonArgument]) -> [UInt8] {
        var bytes: [UInt8] = []
        append(arguments, to: &bytes)
        return bytes
    }

    private static func append(_ message: ReasonText, citation: String?, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        if !message.arguments.isEmpty {
            bytes.append(contentsOf: #""arguments":"#.utf8)
            append(message.arguments, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        if let citation {
            bytes.append(contentsOf: #""citation":"#.utf8)
            JSONString.append(citation, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(contentsOf: #""text":"#.utf8)
        JSONString.append(message.template, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    private static func appendNamed(
        _ message: ReasonText, citation: String?, to bytes: inout [UInt8], texts: inout ReasonTexts.Named
    ) {
        let key = texts.key(ReasonTexts.Words(template: message.template, citation: citation))
        bytes.append(UInt8(ascii: "{"))
        if !message.arguments.isEmpty {
            bytes.append(contentsOf: #""arguments":"#.utf8)
            append(message.arguments, to: &bytes) { nested, bytes in appendNamed(nested, citation: nil, to: &bytes, texts: &texts) }
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(contentsOf: #""k":"#.utf8)
        JSONString.append(key, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    private static func append(_ arguments: [ReasonArgument], to bytes: inout [UInt8]) {
        append(arguments, to: &bytes) { nested, bytes in append(nested, citation: nil, to: &bytes) }
    }

    private static func append(
        _ arguments: [ReasonArgument], to bytes: inout [UInt8], nested appendNested: (ReasonText, inout [UInt8]) -> Void
    ) {
        bytes.append(UInt8(ascii: "["))
        for (index, argument) in arguments.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            // The tagged forms of `ReasonArgument`'s Codable conformance, written without making their Strings.
            switch argument {
            case .reason(let nested): appendNested(nested, &bytes)
            case .text(let text): JSONString.append(prefix: "t:", text, to: &bytes)
            case .date(let date): JSONString.append(prefix: "d:", date.iso, to: &bytes)
            case .money(let money): JSONString.append(prefix: "m:", "\(money.minorUnits) \(money.currency.code)", to: &bytes)
            }
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
