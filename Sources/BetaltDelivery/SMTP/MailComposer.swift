import Foundation

/// Renders a `MailMessage` to RFC 5322 / MIME bytes.
///
/// Why this is hand-written rather than built with libcurl's `curl_mime`: every message we send is
/// archived together with its SHA-256, and the archive must hold exactly the bytes that were handed to
/// the SMTP server. `curl_mime` assembles the MIME structure inside libcurl while it uploads (choosing
/// its own boundaries and encodings) and never exposes the resulting bytes, so we could not archive
/// or hash what was actually sent. Here the bytes are produced first, deterministically, and the
/// transport uploads that same buffer verbatim.
///
/// Layout (parts that are absent are left out, and a single part is not wrapped in a multipart):
///
///     multipart/mixed
///       multipart/alternative
///         text/plain; charset=utf-8   (quoted-printable)
///         text/html; charset=utf-8    (quoted-printable)
///       attachment 1 … n              (base64, 76-character lines)
///
/// Guarantees: CRLF line endings throughout and a final CRLF; header lines of at most 78 characters
/// (except an address or token that alone is longer, which cannot be folded); body lines of at most
/// 76 characters; everything is 7-bit ASCII, so no SMTP extension (8BITMIME, SMTPUTF8) is needed.
public enum MailComposer {
    /// The longest header line produced (RFC 5322 §2.1.1 "SHOULD"), excluding the CRLF.
    public static let maxHeaderLineLength = 78
    /// The longest body line produced (RFC 2045 limit for base64 and quoted-printable).
    public static let maxBodyLineLength = 76

    public static func render(_ message: MailMessage, boundary: String? = nil) -> [UInt8] {
        let base = boundary.map(sanitizedBoundary) ?? defaultBoundary(forMessageID: message.messageID)

        var headers: [String] = []
        headers.append(addressHeader("From", [message.from]))
        headers.append(addressHeader("To", message.to))
        if let replyTo = message.replyTo {
            headers.append(addressHeader("Reply-To", [replyTo]))
        }
        headers.append(unstructuredHeader("Subject", message.subject))
        headers.append("Date: " + dateHeaderValue(message.date, timeZone: message.timeZone))
        headers.append(tokenHeader("Message-ID", ["<" + cleanMessageID(message.messageID) + ">"]))
        headers.append("MIME-Version: 1.0")

        let root = bodyTree(for: message, boundary: base)
        var lines = headers + root.headerLines()
        lines.append("")
        lines.append(contentsOf: root.bodyLines(isRoot: true))
        let text = lines.joined(separator: "\r\n") + "\r\n"
        return Array(text.utf8)
    }

    /// A boundary derived from the Message-ID: "=_betalt_" and a 64-bit FNV-1a hash in hex.
    ///
    /// "=_" cannot occur in base64 or quoted-printable output (QP always writes "=" as "=3D"), so the
    /// boundary can never collide with encoded content.
    public static func defaultBoundary(forMessageID messageID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "=_betalt_" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: - MIME tree

    private struct Part {
        var contentType: [String]  // tokens: the type followed by parameters, each ending with ";" but the last
        var otherHeaders: [String] = []  // complete, already folded header lines
        var body: [String] = []  // encoded lines of a leaf
        var boundary: String? = nil
        var children: [Part] = []

        func headerLines() -> [String] {
            [tokenHeader("Content-Type", contentType)] + otherHeaders
        }

        func bodyLines(isRoot: Bool) -> [String] {
            guard let boundary else { return body }
            var lines: [String] = []
            if isRoot {
                lines.append("This is a multi-part message in MIME format.")
            }
            for child in children {
                lines.append("--" + boundary)
                lines.append(contentsOf: child.headerLines())
                lines.append("")
                lines.append(contentsOf: child.bodyLines(isRoot: false))
            }
            lines.append("--" + boundary + "--")
            return lines
        }
    }

    private static func bodyTree(for message: MailMessage, boundary: String) -> Part {
        let textPart = Part(
            contentType: ["text/plain;", "charset=utf-8"],
            otherHeaders: ["Content-Transfer-Encoding: quoted-printable"],
            body: quotedPrintableLines(message.textBody)
        )
        var content = textPart
        if let html = message.htmlBody {
            let htmlPart = Part(
                contentType: ["text/html;", "charset=utf-8"],
                otherHeaders: ["Content-Transfer-Encoding: quoted-printable"],
                body: quotedPrintableLines(html)
            )
            let alternativeBoundary = boundary + "-a"
            content = Part(
                contentType: ["multipart/alternative;", "boundary=\"\(alternativeBoundary)\""],
                boundary: alternativeBoundary,
                children: [textPart, htmlPart]
            )
        }
        guard !message.attachments.isEmpty else { return content }

        let mixedBoundary = boundary + "-m"
        var children = [content]
        for attachment in message.attachments {
            let mediaType = sanitizedMediaType(attachment.mediaType)
            children.append(
                Part(
                    contentType: [mediaType + ";"] + parameterTokens("name", attachment.fileName),
                    otherHeaders: [
                        tokenHeader("Content-Disposition", ["attachment;"] + parameterTokens("filename", attachment.fileName)),
                        "Content-Transfer-Encoding: base64",
                    ],
                    body: base64Lines(attachment.data)
                )
            )
        }
        return Part(
            contentType: ["multipart/mixed;", "boundary=\"\(mixedBoundary)\""],
            boundary: mixedBoundary,
            children: children
        )
    }

    // MARK: - Headers

    /// An unstructured header (Subject): folded at spaces when it is plain ASCII, otherwise encoded
    /// as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), split at character boundaries and folded.
    static func unstructuredHeader(_ name: String, _ value: String) -> String {
        let value = singleLine(value)
        var folder = HeaderFolder(name: name)
        let words = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let foldable = isPlainASCII(value) && !value.contains("=?")
            && words.allSatisfy { $0.utf8.count <= maxHeaderLineLength - 1 - (name.utf8.count + 1) }
        if foldable {
            for word in words { folder.append(word) }
        } else {
            folder.appendEncodedWords(value)
        }
        return folder.result()
    }

    /// An address header: `Name <address>` mailboxes separated by commas. ASCII display names are
    /// quoted strings; others are RFC 2047 encoded-words (never inside quotes).
    static func addressHeader(_ name: String, _ addresses: [MailAddress]) -> String {
        var folder = HeaderFolder(name: name)
        for (index, mailbox) in addresses.enumerated() {
            let separator = index == addresses.count - 1 ? "" : ","
            let address = singleLine(mailbox.address).filter { $0 != " " && $0 != "<" && $0 != ">" }
            let displayName = mailbox.name.map(singleLine) ?? ""
            if displayName.isEmpty {
                folder.append(address + separator)
                continue
            }
            let quoted = "\"" + displayName.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
            if isPlainASCII(displayName) && !displayName.contains("=?") && quoted.utf8.count <= maxHeaderLineLength - 1 {
                folder.append(quoted)
            } else {
                appendPhrase(displayName, to: &folder)
            }
            folder.append("<" + address + ">" + separator)
        }
        return folder.result()
    }

    /// A display name with non-ASCII text: plain words stay atoms and each run of other words becomes
    /// encoded-words ("Fjordtre AS =?UTF-8?B?4oCT?= Faktura").
    ///
    /// Keeping atoms between the encoded runs means the spaces between words are plain whitespace,
    /// which every decoder keeps. Inside a run the spaces are encoded: RFC 2047 decoders drop the
    /// whitespace *between* adjacent encoded-words, but some (Python's address parser) turn it into a
    /// space, so adjacent encoded-words would be read differently; a run only needs more than one
    /// encoded-word when it is longer than about 40 bytes.
    private static func appendPhrase(_ phrase: String, to folder: inout HeaderFolder) {
        var run: [Substring] = []
        func flush() {
            if !run.isEmpty { folder.appendEncodedWords(run.joined(separator: " ")) }
            run = []
        }
        for word in phrase.split(separator: " ") {
            if isAtom(word) {
                flush()
                folder.append(String(word))
            } else {
                run.append(word)
            }
        }
        flush()
    }

    /// RFC 5322 atext only (and not something that could be taken for an encoded-word).
    private static func isAtom(_ word: Substring) -> Bool {
        let atext = "!#$%&'*+-/=?^_`{|}~"
        return !word.isEmpty && !word.contains("=?") && word.utf8.count <= maxHeaderLineLength - 1
            && word.unicodeScalars.allSatisfy {
                ($0.value >= 48 && $0.value <= 57) || ($0.value >= 65 && $0.value <= 90) || ($0.value >= 97 && $0.value <= 122)
                    || atext.unicodeScalars.contains($0)
            }
    }

    /// A header whose value is a sequence of tokens that may be folded between, never inside.
    static func tokenHeader(_ name: String, _ tokens: [String]) -> String {
        var folder = HeaderFolder(name: name)
        for token in tokens { folder.append(token) }
        return folder.result()
    }

    /// Folds a header into lines of at most 78 characters (CRLF + space between them).
    struct HeaderFolder {
        private var lines: [String] = []
        private var current: String
        private var currentHasContent = false

        init(name: String) {
            current = name + ":"
        }

        /// Appends " token", starting a continuation line first if it would not fit.
        mutating func append(_ token: String) {
            if currentHasContent && current.utf8.count + 1 + token.utf8.count > MailComposer.maxHeaderLineLength {
                lines.append(current)
                current = ""
            }
            current += " " + token
            currentHasContent = true
        }

        /// Appends text as RFC 2047 "B" encoded-words of at most 75 characters, each holding whole
        /// Unicode scalars, filling the current line before folding.
        mutating func appendEncodedWords(_ text: String) {
            let prefix = "=?UTF-8?B?"
            let suffix = "?="
            let overhead = prefix.utf8.count + suffix.utf8.count
            let scalars = Array(text.unicodeScalars)
            var index = 0
            repeat {
                var available = min(75, MailComposer.maxHeaderLineLength - current.utf8.count - 1)
                let restBytes = scalars[index...].reduce(0) { $0 + String($1).utf8.count }
                let restLength = overhead + (restBytes + 2) / 3 * 4
                // Fold first when the rest would fit in one word on a new line but not on this one, or
                // when there is no room here for even one 4-byte scalar (8 base64 characters).
                let restFitsOnNewLine = restLength > available && restLength <= 75
                if (restFitsOnNewLine || available < overhead + 8) && currentHasContent {
                    lines.append(current)
                    current = ""
                    available = min(75, MailComposer.maxHeaderLineLength - 1)
                }
                var bytes: [UInt8] = []
                while index < scalars.count {
                    let next = Array(String(scalars[index]).utf8)
                    let encodedLength = (bytes.count + next.count + 2) / 3 * 4
                    if overhead + encodedLength > available && !bytes.isEmpty { break }
                    bytes += next
                    index += 1
                }
                current += " " + prefix + Data(bytes).base64EncodedString() + suffix
                currentHasContent = true
            } while index < scalars.count
        }

        func result() -> String {
            (lines + [current]).joined(separator: "\r\n")
        }
    }

    /// RFC 2045 / RFC 2231 parameter tokens: `name="value"` for short plain ASCII, otherwise
    /// `name*=utf-8''percent-encoded`, split into `name*0*=`, `name*1*=` … continuations when long.
    static func parameterTokens(_ attribute: String, _ value: String) -> [String] {
        let value = singleLine(value)
        let quoted = attribute + "=\"" + value + "\""
        if isPlainASCII(value) && !value.contains("\"") && !value.contains("\\")
            && quoted.utf8.count <= maxHeaderLineLength - 2 {
            return [quoted]
        }
        var encoded: [String] = []  // percent-encoded units, never split
        for byte in value.utf8 {
            if isAttributeChar(byte) {
                encoded.append(String(UnicodeScalar(byte)))
            } else {
                encoded.append("%" + hex2(byte))
            }
        }
        let single = attribute + "*=utf-8''" + encoded.joined()
        if single.utf8.count <= maxHeaderLineLength - 2 {
            return [single]
        }
        var tokens: [String] = []
        var chunk = ""
        var head = attribute + "*0*=utf-8''"
        for unit in encoded {
            // " " + head + chunk + unit + ";" must fit in a line.
            if 1 + head.utf8.count + chunk.utf8.count + unit.utf8.count + 1 > maxHeaderLineLength && !chunk.isEmpty {
                tokens.append(head + chunk)
                head = attribute + "*\(tokens.count)*="
                chunk = ""
            }
            chunk += unit
        }
        tokens.append(head + chunk)
        return tokens.enumerated().map { $0.offset == tokens.count - 1 ? $0.element : $0.element + ";" }
    }

    /// "Thu, 10 Apr 2025 09:30:00 +0200" (RFC 5322 §3.3), independent of the process locale.
    static func dateHeaderValue(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let offsetMinutes = timeZone.secondsFromGMT(for: date) / 60
        let sign = offsetMinutes < 0 ? "-" : "+"
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[(c.weekday ?? 1) - 1]), \(two(c.day ?? 1)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour ?? 0)):\(two(c.minute ?? 0)):\(two(c.second ?? 0)) "
            + "\(sign)\(two(abs(offsetMinutes) / 60))\(two(abs(offsetMinutes) % 60))"
    }

    // MARK: - Body encodings

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text whose line breaks (LF, CRLF or CR) become CRLF.
    /// Output lines are at most 76 characters, with "=" soft line breaks. Trailing spaces and tabs, and
    /// a "." at the start of an output line, are encoded too.
    static func quotedPrintableLines(_ text: String) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var output: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var current = ""
            for (i, byte) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                var piece: String
                if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || byte == 32 || byte == 9 {
                    piece = String(UnicodeScalar(byte))
                } else {
                    piece = "=" + hex2(byte)
                }
                if (byte == 32 || byte == 9) && isLast {
                    piece = "=" + hex2(byte)
                }
                // Keep room for the soft-break "=" unless this is the last piece of the line.
                let limit = isLast ? maxBodyLineLength : maxBodyLineLength - 1
                if current.utf8.count + piece.utf8.count > limit {
                    output.append(current + "=")
                    current = ""
                }
                if current.isEmpty && byte == UInt8(ascii: ".") {
                    piece = "=2E"
                }
                current += piece
            }
            output.append(current)
        }
        return output
    }

    /// Base64 in lines of 76 characters.
    static func base64Lines(_ bytes: [UInt8]) -> [String] {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        var lines: [String] = []
        var start = 0
        while start < encoded.count {
            let end = min(start + maxBodyLineLength, encoded.count)
            lines.append(String(decoding: encoded[start..<end], as: UTF8.self))
            start = end
        }
        return lines
    }

    // MARK: - Helpers

    private static func singleLine(_ s: String) -> String {
        // Header injection guard: no CR, LF or other control characters survive in a header value.
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? " " : $0 }))
    }

    private static func isPlainASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 32 && $0 < 127 }
    }

    private static func cleanMessageID(_ id: String) -> String {
        singleLine(id).filter { $0 != "<" && $0 != ">" && $0 != " " }
    }

    private static func sanitizedBoundary(_ boundary: String) -> String {
        // RFC 2046 bchars without space; leave room for the "-a"/"-m" suffixes within 70 characters.
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=?")
        let kept = String(boundary.filter { allowed.contains($0) }.prefix(60))
        return kept.isEmpty ? "=_betalt" : kept
    }

    private static func sanitizedMediaType(_ mediaType: String) -> String {
        let lower = mediaType.lowercased().trimmingCharacters(in: .whitespaces)
        let parts = lower.split(separator: "/", omittingEmptySubsequences: false)
        let tokenChars = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { tokenChars.contains($0) } }) else {
            return "application/octet-stream"
        }
        return lower
    }

    /// RFC 2231 attribute-char: ASCII printable except space, "*", "'", "%" and RFC 2045 tspecials.
    private static func isAttributeChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$&+-.^_`|~".utf8.contains(byte)
        }
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
