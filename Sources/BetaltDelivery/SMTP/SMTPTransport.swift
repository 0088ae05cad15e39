import CCurl
import Foundation

/// The outcome of handing a message to the SMTP server.
public enum SMTPResult: Sendable, Hashable {
    /// The server accepted the message; its reply to the end of DATA, e.g. "250 2.0.0 Ok: queued as 1A2B".
    case delivered(serverReply: String)
    /// Worth retrying later: a 4xx reply, a connection that could not be made or was lost, a timeout, a
    /// TLS failure, or an authentication or other configuration problem on our side.
    case temporaryFailure(String)
    /// Must not be retried: a 5xx reply to MAIL FROM, RCPT TO or DATA (e.g. "550 5.1.1 Mailbox
    /// unavailable"), other than the authentication/TLS-required codes 530, 534, 535 and 538, or a
    /// recipient address that cannot be sent to at all.
    case permanentFailure(String)
    /// Our side was refused, not the message: authentication (530, 534, 535, 538), a greeting or
    /// STARTTLS refused, a certificate that cannot be verified. The message waits until the settings are
    /// fixed; it must not be given up on or replaced by a letter because of it.
    case configurationFailure(String)
    /// The whole message was handed over but the server's final answer never came (the connection was
    /// lost or timed out after the data): it may have been accepted, so it must not be sent again blindly.
    case uncertain(String)

    public var isDelivered: Bool {
        if case .delivered = self { return true }
        return false
    }

    /// The server reply or error text, whatever the outcome.
    public var text: String {
        switch self {
        case .delivered(let reply): return reply
        case .temporaryFailure(let text), .permanentFailure(let text), .uncertain(let text), .configurationFailure(let text): return text
        }
    }
}

/// Sends prepared message bytes over SMTP with libcurl (one connection per message).
///
/// `send` blocks for the duration of the SMTP exchange (up to `settings.timeoutSeconds`); call it from
/// a thread that may block, not from an event loop.
public struct SMTPTransport: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Sends `bytes` (a complete RFC 5322 message, CRLF line endings) with the envelope sender from the
    /// settings to the given recipients.
    public func send(_ bytes: [UInt8], to recipients: [String]) -> SMTPResult {
        send(bytes, from: settings.envelopeSender, to: recipients)
    }

    /// Sends `bytes` exactly as given (libcurl only adds SMTP dot-stuffing on the wire, which the server
    /// removes), with `envelopeSender` as MAIL FROM and one RCPT TO per recipient.
    ///
    /// libcurl stops at the first recipient the server refuses, so with several recipients the whole
    /// message fails; send one message per recipient when that matters.
    public func send(_ bytes: [UInt8], from envelopeSender: String, to recipients: [String]) -> SMTPResult {
        guard SMTPSettings.isPlausibleAddress(envelopeSender) else {
            // The sender is our configuration, not the message: fix it and retry.
            return .temporaryFailure("invalid envelope sender \"\(envelopeSender)\"")
        }
        guard !recipients.isEmpty else {
            return .permanentFailure("no recipients")
        }
        if let bad = recipients.first(where: { !SMTPSettings.isPlausibleAddress($0) }) {
            return .permanentFailure("invalid recipient address \"\(bad)\"")
        }
        guard curlGlobalInitResult == CURLE_OK else {
            return .temporaryFailure("curl_global_init failed with code \(curlGlobalInitResult.rawValue)")
        }
        guard let handle = curl_easy_init() else {
            return .temporaryFailure("curl_easy_init failed")
        }
        defer { curl_easy_cleanup(handle) }

        let context = TransferContext(bytes: bytes)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        var recipientList: UnsafeMutablePointer<curl_slist>? = nil
        for recipient in recipients {
            recipientList = curl_slist_append(recipientList, "<\(recipient)>")
        }
        defer { curl_slist_free_all(recipientList) }

        let settings = self.settings
        let contextPointer = Unmanaged.passUnretained(context).toOpaque()
        var code: CURLcode = withExtendedLifetime(context) {
            // libcurl copies string options, so temporary C strings are fine for those.
            var setup = CURLE_OK
            func set(_ result: CURLcode) { if setup == CURLE_OK { setup = result } }
            set(betalt_curl_setopt_string(handle, CURLOPT_URL, settings.url))
            set(betalt_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
            set(betalt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
            set(betalt_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
            set(betalt_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(envelopeSender)>"))
            set(betalt_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipientList))
            set(betalt_curl_setopt_long(handle, CURLOPT_UPLOAD, 1))
            set(betalt_curl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count)))
            set(betalt_curl_setopt_read_function(handle, smtpReadCallback))
            set(betalt_curl_setopt_pointer(handle, CURLOPT_READDATA, contextPointer))
            // The debug callback sees the SMTP dialogue; it keeps the server's replies (for error
            // messages) and the verbs of our commands, never the AUTH payloads.
            set(betalt_curl_setopt_long(handle, CURLOPT_VERBOSE, 1))
            set(betalt_curl_setopt_debug_function(handle, smtpDebugCallback))
            set(betalt_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, contextPointer))
            let useSSL: curl_usessl
            switch settings.startTLS {
            case .none: useSSL = CURLUSESSL_NONE
            case .whenAvailable: useSSL = CURLUSESSL_TRY
            case .required: useSSL = CURLUSESSL_ALL
            }
            set(betalt_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(useSSL.rawValue)))
            if let caFile = settings.caFile {
                set(betalt_curl_setopt_string(handle, CURLOPT_CAINFO, caFile))
            }
            if let username = settings.username {
                set(betalt_curl_setopt_string(handle, CURLOPT_USERNAME, username))
                set(betalt_curl_setopt_string(handle, CURLOPT_PASSWORD, settings.password ?? ""))
            }
            let timeout = max(1, settings.timeoutSeconds)
            set(betalt_curl_setopt_long(handle, CURLOPT_TIMEOUT, timeout))
            set(betalt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, min(timeout, 30)))
            guard setup == CURLE_OK else { return setup }
            return curl_easy_perform(handle)
        }
        if code == CURLE_OK && context.offset != bytes.count {
            code = CURLE_PARTIAL_FILE  // should not happen: the server answered before all bytes were read
        }

        let reply = context.lastReply
        if code == CURLE_OK {
            return .delivered(serverReply: reply?.line ?? "250")
        }

        var responseCode = 0
        _ = betalt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        let replyCode = reply.map(\.code) ?? responseCode
        let curlText = errorBuffer.pointee != 0
            ? String(cString: errorBuffer)
            : String(cString: curl_easy_strerror(code))
        var description = ""
        if let reply {
            description = "\(reply.line) (reply to \(reply.command)); "
        } else if responseCode != 0 {
            description = "reply code \(responseCode); "
        }
        description += "curl error \(code.rawValue): \(curlText)"

        // A 5xx reply to the mail transaction itself (MAIL FROM, RCPT TO, DATA or the end of the data)
        // is the server's final word on this message: retrying would only repeat it.
        //
        // Everything else is temporary. In particular an authentication failure (535, also 5xx) is about
        // our credentials or settings, not the recipient or the message: once the configuration is
        // fixed the same message will go through, so it must stay queued rather than be marked
        // undeliverable. The same holds for the other "you must authenticate / use TLS first" replies
        // (530, 534, 538), which a server may give to MAIL FROM, for a 5xx to EHLO or STARTTLS, and for
        // connection, timeout and TLS errors, which carry no verdict on the message.
        // Every byte went out after the server's "354" and then no final reply: the server may well have
        // queued the message, and sending it again could deliver it twice.
        if context.offset == bytes.count, let reply, reply.code == 354 {
            return .uncertain(description)
        }
        let configurationCodes: Set<Int> = [530, 534, 535, 538]
        if let reply, (500..<600).contains(replyCode), !configurationCodes.contains(replyCode),
           ["MAIL", "RCPT", "DATA"].contains(reply.command) {
            return .permanentFailure(description)
        }
        let configurationErrors: Set<UInt32> = [
            CURLE_LOGIN_DENIED.rawValue, CURLE_USE_SSL_FAILED.rawValue, CURLE_PEER_FAILED_VERIFICATION.rawValue,
            CURLE_SSL_CACERT_BADFILE.rawValue, CURLE_SSL_CONNECT_ERROR.rawValue,
        ]
        let refusedGreeting = reply.map { (500..<600).contains(replyCode) && ["EHLO", "HELO", "STARTTLS", "AUTH"].contains($0.command) } ?? false
        if configurationCodes.contains(replyCode) || refusedGreeting || configurationErrors.contains(code.rawValue) {
            return .configurationFailure(description)
        }
        return .temporaryFailure(description)
    }
}

// MARK: - libcurl plumbing

/// curl_global_init is not guaranteed thread-safe; a global `let` is initialised exactly once
/// (swift_once), lazily, on first use.
let curlGlobalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

/// The state of one transfer, shared with the C callbacks through an unretained pointer. Used by one
/// thread only (the one in curl_easy_perform).
private final class TransferContext {
    struct Reply {
        var line: String  // the last line of the reply, e.g. "550 5.1.1 Mailbox unavailable"
        var code: Int
        var command: String  // the verb it answered: "CONNECT", "EHLO", "AUTH", "MAIL", "RCPT", "DATA" …
    }

    let bytes: [UInt8]
    var offset = 0
    var lastCommand = "CONNECT"
    var lastReply: Reply?
    private var pendingInput = ""

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let verbs: Set<String> = [
        "EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "QUIT", "VRFY", "EXPN",
    ]

    func commandSent(_ text: String) {
        // AUTH continuation lines (base64 credentials) are not verbs and are ignored.
        let verb = text.split(whereSeparator: \.isWhitespace).first.map { $0.uppercased() } ?? ""
        if Self.verbs.contains(verb) {
            lastCommand = verb
        }
    }

    func replyReceived(_ text: String) {
        pendingInput += text
        while let newline = pendingInput.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
            let line = String(pendingInput[..<newline]).trimmingCharacters(in: .whitespacesAndNewlines)
            pendingInput = String(pendingInput[pendingInput.index(after: newline)...])
            // Only the final line of a (multi-line) reply: "250 ..." rather than "250-...".
            let chars = Array(line)
            guard chars.count >= 3, let code = Int(String(chars[0..<3])),
                  chars.count == 3 || chars[3] == " "
            else { continue }
            // The reply to QUIT (when curl closes the connection) says nothing about the message.
            if lastCommand == "QUIT" { continue }
            lastReply = Reply(line: line, code: code, command: lastCommand)
        }
    }
}

private let smtpReadCallback: betalt_curl_read_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    let capacity = size * count
    let remaining = context.bytes.count - context.offset
    let n = min(capacity, remaining)
    if n > 0 {
        context.bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + context.offset, byteCount: n)
        }
        context.offset += n
    }
    return n
}

private let smtpDebugCallback: betalt_curl_debug_callback = { _, type, data, size, userdata in
    guard let data, let userdata else { return 0 }
    let context = Unmanaged<TransferContext>.fromOpaque(userdata).takeUnretainedValue()
    switch type {
    case CURLINFO_HEADER_IN, CURLINFO_HEADER_OUT:
        let text = UnsafeRawBufferPointer(start: data, count: size).withMemoryRebound(to: UInt8.self) {
            String(decoding: $0, as: UTF8.self)
        }
        if type == CURLINFO_HEADER_IN {
            context.replyReceived(text)
        } else {
            context.commandSent(text)
        }
    default:
        break
    }
    return 0
}
