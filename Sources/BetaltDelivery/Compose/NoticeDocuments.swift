import BetaltCore
import BetaltDocuments
import BetaltStore
import Foundation

/// Renders a notice into the documents that are archived and sent: always the PDF letter; on the e-mail
/// channel also the whole message (text, HTML, the letter and, for reminders, the original invoice).
struct NoticeDocuments: Sendable {
    let settings: DeliverySettings

    /// The templates a creditor's notices use: Betalt's, under the shared overrides, under its own.
    func templates(for creditorID: UUID) throws -> NoticeTemplates {
        try NoticeTemplates(overrideDirectory: settings.templatesDirectory, creditorFolder: creditorID.uuidString.lowercased())
    }

    func render(
        _ content: NoticeContent, templates: NoticeTemplates, channel requested: Channel, customer: CustomerRecord,
        invoices: [InvoiceDocumentRecord]
    ) throws -> RenderedNotice {
        let prose = try templates.prose(for: content)
        let letter = try content.letter(prose: prose)
        let pdf = RenderedDocument(
            role: .letter, mediaType: "application/pdf", fileName: fileName(content, extension: "pdf"),
            bytes: try LetterPDF.render(letter)
        )
        var channel = requested
        var note: String?
        if channel == .digitalMailbox {
            // No digital-mailbox provider is connected yet: a letter is always lawful.
            (channel, note) = (.letter, "no digital mailbox provider is configured: sent as a letter")
        }
        if channel == .email, (customer.email ?? "").isEmpty {
            (channel, note) = (.letter, "the customer has no e-mail address: sent as a letter")
        }
        // The act chose e-mail when the customer accepted it; a consent withdrawn since makes it a letter (inkl. § 3 a).
        if channel == .email, !customer.acceptsEmailNotices {
            (channel, note) = (.letter, "the customer has not accepted e-mail for notices: sent as a letter")
        }
        guard channel == .email, let address = customer.email else {
            return RenderedNotice(
                channel: .letter, recipient: ([letter.recipient.name] + letter.recipient.lines).joined(separator: ", "),
                title: prose.title, channelNote: note, documents: [pdf]
            )
        }
        var attachments = [MailAttachment(fileName: pdf.fileName, mediaType: pdf.mediaType, data: pdf.bytes)]
        for invoice in invoices {
            attachments.append(MailAttachment(
                fileName: "\(invoiceWord(content.language))-\(safe(invoiceNumber(invoice, content))).\(invoice.fileExtension)",
                mediaType: invoice.mediaType, data: Array(invoice.bytes)
            ))
        }
        let message = MailMessage(
            from: MailAddress(settings.mailFrom, name: content.creditor.name),
            to: [MailAddress(address, name: content.debtor.name)],
            replyTo: content.creditor.email.map { MailAddress($0, name: content.creditor.name) },
            subject: "\(prose.title) – \(content.creditor.name)",
            date: Date(),
            messageID: "\(UUID().uuidString.lowercased())@\(settings.mailFrom.split(separator: "@").last ?? "betalt")",
            textBody: letter.plainText,
            htmlBody: templates.html(letter, language: content.language),
            attachments: attachments
        )
        let email = RenderedDocument(
            role: .email, mediaType: "message/rfc822", fileName: fileName(content, extension: "eml"), bytes: message.rendered()
        )
        return RenderedNotice(channel: .email, recipient: address, title: prose.title, channelNote: note, documents: [pdf, email])
    }

    private func invoiceNumber(_ invoice: InvoiceDocumentRecord, _ content: NoticeContent) -> String {
        content.claims.count == 1 ? content.claims[0].invoiceNumber : invoice.claimID.uuidString.prefix(8).lowercased()
    }

    /// "inkassovarsel-10042.pdf": the document's name in the debtor's language and the invoice numbers.
    private func fileName(_ content: NoticeContent, extension ext: String) -> String {
        let stem: String = switch (content.kind, content.language, content.country) {
        case (.collectionNotice, .nb, _), (.collectionNotice, .en, .norway): "inkassovarsel"
        case (.collectionNotice, _, _): "inkassokrav"
        case (.reminder, .nb, _): "purring"
        case (.friendlyReminder, .nb, _), (.friendlyReminder, .sv, _), (.reminder, .sv, _): "paminnelse"
        case (.friendlyReminder, .en, _), (.reminder, .en, _): "reminder"
        default: content.kind.rawValue
        }
        return "\(stem)-\(safe(content.claims.map(\.invoiceNumber).joined(separator: "-"))).\(ext)"
    }

    private func invoiceWord(_ language: Language) -> String { language == .en ? "invoice" : "faktura" }

    /// Keeps a file name to letters, digits and dashes, so every mail client and file system accepts it.
    private func safe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.prefix(80))
    }
}

/// A rendered notice, ready to archive: the channel it really goes on and its documents.
struct RenderedNotice {
    let channel: Channel
    let recipient: String
    let title: String
    /// Why the channel differs from the one the step asked for, if it does.
    let channelNote: String?
    let documents: [RenderedDocument]
}

/// One archived document's bytes and what they are.
struct RenderedDocument {
    enum Role: String { case letter, email }
    let role: Role
    let mediaType: String
    let fileName: String
    let bytes: [UInt8]
}
