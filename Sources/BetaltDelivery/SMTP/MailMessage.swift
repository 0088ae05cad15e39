import Foundation

/// A mailbox: an address with an optional display name ("Fjordtre AS <faktura@fjordtre.no>").
///
/// Addresses are plain ASCII `local@domain` (no SMTPUTF8); display names may be any UTF-8 text and
/// are encoded per RFC 2047 when they are not plain ASCII.
public struct MailAddress: Sendable, Hashable, Codable {
    public var name: String?
    public var address: String

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }
}

/// A file attached to a message, encoded as base64 in its own MIME part.
public struct MailAttachment: Sendable, Hashable {
    /// The name the recipient sees, e.g. "inkassovarsel-10042.pdf" or "faktura æøå.pdf".
    public var fileName: String
    /// The media type, e.g. "application/pdf".
    public var mediaType: String
    public var data: [UInt8]

    public init(fileName: String, mediaType: String, data: [UInt8]) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.data = data
    }
}

/// An e-mail as a value: headers, a plain-text body, an optional HTML alternative and attachments.
///
/// `rendered()` turns it into the exact RFC 5322 / MIME bytes that are archived (with their SHA-256)
/// and handed to the SMTP server. The output is a pure function of the value (and the boundary), so
/// rendering the same message twice gives the same bytes.
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var date: Date
    /// The time zone the Date header is written in (the instant is the same either way).
    public var timeZone: TimeZone
    /// The Message-ID without angle brackets, e.g. "reminder-10042.7f3a@betalt.example".
    public var messageID: String
    public var textBody: String
    public var htmlBody: String?
    public var attachments: [MailAttachment]

    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        date: Date,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        messageID: String,
        textBody: String,
        htmlBody: String? = nil,
        attachments: [MailAttachment] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
    }

    /// The envelope recipients (RCPT TO) for this message: the addresses of `to`.
    public var recipientAddresses: [String] { to.map(\.address) }

    /// The exact bytes of the message (CRLF line endings, ending with CRLF).
    ///
    /// - Parameter boundary: the base MIME boundary; derived from the Message-ID when nil. Nested
    ///   multiparts append a suffix to it. Must be at most 60 characters of RFC 2046 `bchars`.
    public func rendered(boundary: String? = nil) -> [UInt8] {
        MailComposer.render(self, boundary: boundary)
    }
}
