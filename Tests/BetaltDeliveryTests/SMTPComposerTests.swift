import Foundation
import Testing

@testable import BetaltDelivery

/// Fixtures shared by the composer and transport tests.
enum SMTPFixtures {
    static let subject = "Påminnelse om faktura 10042 – Fjordtre AS"

    /// A small fake PDF containing every byte value.
    static let pdfBytes: [UInt8] = Array("%PDF-1.4\n".utf8) + (0...255).map { UInt8($0) } + (0...255).reversed().map { UInt8($0) }
        + Array("\n%%EOF\n".utf8)

    static let textBody = """
        Hei Åse,

        Vi har ikke registrert betaling av faktura 10042 med forfall 10. mars 2025.
        Beløp å betale: 12 669,25 kr
        Betal innen 24. april 2025 til konto 1234.56.78903 med KID 100420000017, så slipper du inkassovarsel og ytterligere omkostninger knyttet til saken.
        .Denne linjen begynner med punktum.
        Linje med mellomrom på slutten\u{0020}\u{0020}
        Tabulator\tinne i linjen=likhetstegn

        Med vennlig hilsen
        Fjordtre AS
        """

    static let htmlBody = """
        <!DOCTYPE html>
        <html lang="nb"><head><meta charset="utf-8"><title>Påminnelse</title></head>
        <body><p>Hei Åse,</p><p>Vi har ikke registrert betaling av faktura 10042. Beløp å betale: <strong>12 669,25 kr</strong>, med forfall 24. april 2025.</p></body></html>
        """

    static func reminder(
        to recipient: String = "ase.odegard@example.no",
        messageID: String = "reminder-10042.1@betalt.example",
        attachments: [MailAttachment]? = nil
    ) -> MailMessage {
        MailMessage(
            from: MailAddress("faktura@fjordtre.no", name: "Fjordtre AS – Faktura"),
            to: [MailAddress(recipient, name: "Åse Ødegård")],
            replyTo: MailAddress("post@fjordtre.no", name: "Fjordtre AS"),
            subject: subject,
            date: Date(timeIntervalSince1970: 1_744_277_400),  // 2025-04-10 09:30 UTC
            timeZone: TimeZone(identifier: "Europe/Oslo")!,
            messageID: messageID,
            textBody: textBody,
            htmlBody: htmlBody,
            attachments: attachments ?? [
                MailAttachment(fileName: "inkassovarsel-10042.pdf", mediaType: "application/pdf", data: pdfBytes),
                MailAttachment(fileName: "faktura æøå.pdf", mediaType: "application/pdf", data: Array(pdfBytes.reversed())),
            ]
        )
    }
}

/// Splits message bytes into lines at CRLF (the bytes must use CRLF only).
private func lines(_ bytes: [UInt8]) -> [String] {
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasSuffix("\r\n") { text.removeLast() }  // "\r\n" is one Character
    return text.components(separatedBy: "\r\n")
}

/// The header section, unfolded into one string per field.
private func unfoldedHeaders(_ bytes: [UInt8]) -> [String] {
    var fields: [String] = []
    for line in lines(bytes) {
        if line.isEmpty { break }
        if line.first == " " || line.first == "\t" {
            fields[fields.count - 1] += line
        } else {
            fields.append(line)
        }
    }
    return fields
}

private func header(_ name: String, in bytes: [UInt8]) -> String? {
    unfoldedHeaders(bytes).first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
        .map { String($0.dropFirst(name.count + 1)) }
}

/// Decodes a header value made only of RFC 2047 B encoded-words (whitespace between them ignored).
private func decodeEncodedWords(_ value: String) -> String? {
    var bytes: [UInt8] = []
    for word in value.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
              let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
        else { return nil }
        bytes += data
    }
    return String(bytes: bytes, encoding: .utf8)
}

@Suite("SMTP mail composer")
struct SMTPComposerTests {
    @Test func usesCRLFOnlyAndSevenBitASCII() {
        let bytes = SMTPFixtures.reminder().rendered()
        #expect(bytes.suffix(2) == [13, 10])
        for (i, byte) in bytes.enumerated() {
            if byte == 10 { #expect(i > 0 && bytes[i - 1] == 13, "bare LF at \(i)") }
            if byte == 13 { #expect(i + 1 < bytes.count && bytes[i + 1] == 10, "bare CR at \(i)") }
        }
        #expect(bytes.allSatisfy { $0 < 128 })
    }

    @Test func headerLinesAtMost78AndBodyLinesAtMost76() {
        let message = SMTPFixtures.reminder()
        let all = lines(message.rendered())
        let boundaryStart = "--" + MailComposer.defaultBoundary(forMessageID: message.messageID)
        var inHeaders = true
        var bodyLineCount = 0
        for line in all {
            #expect(line.utf8.count <= 78, "line too long: \(line)")
            if line.hasPrefix(boundaryStart) {
                inHeaders = !line.hasSuffix("--")
            } else if line.isEmpty {
                inHeaders = false
            } else if !inHeaders {
                bodyLineCount += 1
                #expect(line.utf8.count <= 76, "body line too long: \(line)")
            }
        }
        #expect(bodyLineCount > 20)
    }

    @Test func encodesNonASCIISubjectAndNamesPerRFC2047() throws {
        let bytes = SMTPFixtures.reminder().rendered()
        let subject = try #require(header("Subject", in: bytes))
        #expect(subject.hasPrefix(" =?UTF-8?B?"))
        #expect(decodeEncodedWords(subject) == SMTPFixtures.subject)

        let to = try #require(header("To", in: bytes))
        #expect(to.hasSuffix(" <ase.odegard@example.no>"))
        #expect(decodeEncodedWords(String(to.dropLast(" <ase.odegard@example.no>".count))) == "Åse Ødegård")
        // Plain words stay atoms between encoded-words, so no decoder can lose or add a space.
        #expect(header("From", in: bytes) == " Fjordtre AS =?UTF-8?B?4oCT?= Faktura <faktura@fjordtre.no>")
        #expect(header("Reply-To", in: bytes) == " \"Fjordtre AS\" <post@fjordtre.no>")
        #expect(header("Date", in: bytes) == " Thu, 10 Apr 2025 11:30:00 +0200")
        #expect(header("Message-ID", in: bytes) == " <reminder-10042.1@betalt.example>")
        #expect(header("MIME-Version", in: bytes) == " 1.0")
    }

    @Test func foldsLongSubjectsIntoShortEncodedWords() throws {
        var message = SMTPFixtures.reminder()
        message.subject = String(repeating: "Purring på faktura – æøå ÆØÅ 😀 ", count: 8) + "slutt"
        let bytes = message.rendered()
        let rawLines = lines(bytes)
        let start = try #require(rawLines.firstIndex { $0.hasPrefix("Subject:") })
        let continuation = rawLines[(start + 1)...].prefix { $0.hasPrefix(" ") }
        #expect(continuation.count >= 3)
        for line in [rawLines[start]] + continuation {
            #expect(line.utf8.count <= 78)
            for word in line.split(separator: " ") where word.hasPrefix("=?") {
                #expect(word.utf8.count <= 75)
            }
        }
        #expect(decodeEncodedWords(try #require(header("Subject", in: bytes))) == message.subject)
    }

    @Test func foldsLongASCIISubjectsAtSpaces() throws {
        var message = SMTPFixtures.reminder()
        message.subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let bytes = message.rendered()
        let subject = try #require(header("Subject", in: bytes))
        #expect(subject == " " + message.subject)  // unfolding restores it exactly
        #expect(lines(bytes).allSatisfy { $0.utf8.count <= 78 })
        #expect(lines(bytes).contains { $0.hasPrefix(" word") })
    }

    @Test func stripsLineBreaksFromHeaderValues() {
        var message = SMTPFixtures.reminder()
        message.subject = "Hei\r\nBcc: attacker@example.com"
        message.to = [MailAddress("ase@example.no\r\nBcc: x@example.com", name: "Åse\nX-Evil: 1")]
        let all = lines(message.rendered())
        #expect(!all.contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("X-Evil:") })
    }

    @Test func attachmentFileNamesUseRFC2231WhenNotASCII() {
        let text = String(decoding: SMTPFixtures.reminder().rendered(), as: UTF8.self)
        #expect(text.contains("Content-Type: application/pdf; name=\"inkassovarsel-10042.pdf\"\r\n"))
        #expect(text.contains("Content-Disposition: attachment; filename=\"inkassovarsel-10042.pdf\"\r\n"))
        #expect(text.contains("filename*=utf-8''faktura%20%C3%A6%C3%B8%C3%A5.pdf\r\n"))
        #expect(text.contains("name*=utf-8''faktura%20%C3%A6%C3%B8%C3%A5.pdf\r\n"))
    }

    @Test func isDeterministicWithBoundaryFromMessageID() {
        let a = SMTPFixtures.reminder().rendered()
        let b = SMTPFixtures.reminder().rendered()
        #expect(a == b)
        let other = SMTPFixtures.reminder(messageID: "reminder-10042.2@betalt.example").rendered()
        #expect(other != a)
        let boundary = MailComposer.defaultBoundary(forMessageID: "reminder-10042.1@betalt.example")
        #expect(boundary.hasPrefix("=_betalt_") && boundary.count == 25)
        #expect(String(decoding: a, as: UTF8.self).contains("boundary=\"\(boundary)-m\""))

        let explicit = String(decoding: SMTPFixtures.reminder().rendered(boundary: "=_fixed"), as: UTF8.self)
        #expect(explicit.contains("boundary=\"=_fixed-m\""))
        #expect(explicit.contains("boundary=\"=_fixed-a\""))
        #expect(explicit.contains("\r\n--=_fixed-m--\r\n"))
    }

    @Test func rendersASimpleMessageExactly() {
        let message = MailMessage(
            from: MailAddress("faktura@fjordtre.no", name: "Fjordtre AS"),
            to: [MailAddress("ola@example.no"), MailAddress("kari@example.no", name: "Kari Nordmann")],
            subject: "Faktura 10042",
            date: Date(timeIntervalSince1970: 1_744_277_400),
            messageID: "<invoice-10042@betalt.example>",
            textBody: "Beløp: 12 669,25 kr\nHilsen\n"
        )
        let expected = [
            "From: \"Fjordtre AS\" <faktura@fjordtre.no>",
            "To: ola@example.no, \"Kari Nordmann\" <kari@example.no>",
            "Subject: Faktura 10042",
            "Date: Thu, 10 Apr 2025 09:30:00 +0000",
            "Message-ID: <invoice-10042@betalt.example>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Bel=C3=B8p: 12 669,25 kr",
            "Hilsen",
            "",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(String(decoding: message.rendered(), as: UTF8.self) == expected)
    }

    @Test func quotedPrintableSoftBreaksAndEscapes() {
        let long = String(repeating: "æ", count: 40) + " end "
        let encoded = MailComposer.quotedPrintableLines(long + "\n.dot")
        #expect(encoded.allSatisfy { $0.utf8.count <= 76 })
        #expect(encoded.dropLast(2).allSatisfy { $0.hasSuffix("=") })  // soft breaks within the long line
        #expect(encoded[encoded.count - 2].hasSuffix("end=20"))  // trailing space encoded
        #expect(encoded.last == "=2Edot")
    }

    @Test func base64LinesAre76Characters() {
        let encoded = MailComposer.base64Lines(Array(repeating: 0xA5, count: 1000))
        #expect(encoded.dropLast().allSatisfy { $0.utf8.count == 76 })
        #expect(Data(base64Encoded: encoded.joined()) == Data(repeating: 0xA5, count: 1000))
    }

    /// An independent parser (Python's email package) reads back every header and part.
    @Test func pythonEmailParserReadsItBack() throws {
        let longName = "Betalingspåminnelse og inkassovarsel for faktura 10042 – Åse Ødegård, Ørsta.pdf"
        var message = SMTPFixtures.reminder(attachments: [
            MailAttachment(fileName: longName, mediaType: "application/pdf", data: SMTPFixtures.pdfBytes)
        ])
        let longDisplayName = "Kari Nordmann-Ødegård (regnskap), Fjordtre AS – avdeling Ørsta og Volda, \"sentralbord\""
        message.to.append(MailAddress("kari@example.no", name: longDisplayName))
        message.subject = String(repeating: "Purring på faktura – æøå ÆØÅ 😀 ", count: 4) + "slutt"
        let bytes = message.rendered()
        #expect(lines(bytes).allSatisfy { $0.utf8.count <= 78 })
        let parsed = try parseMailWithPython(bytes)
        #expect(parsed.defects == [])
        #expect(parsed.subject == message.subject)
        #expect(parsed.from == [.init(name: "Fjordtre AS – Faktura", address: "faktura@fjordtre.no")])
        #expect(parsed.to == [
            .init(name: "Åse Ødegård", address: "ase.odegard@example.no"),
            .init(name: longDisplayName, address: "kari@example.no"),
        ])
        #expect(parsed.replyTo == [.init(name: "Fjordtre AS", address: "post@fjordtre.no")])
        let leaves = parsed.parts.filter { !$0.contentType.hasPrefix("multipart/") }
        #expect(parsed.parts.map(\.contentType) == ["multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/pdf"])
        let plain = leaves[0].text?.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(plain == SMTPFixtures.textBody + "\n" || plain == SMTPFixtures.textBody)
        #expect(leaves[2].filename == longName)
        #expect(leaves[2].base64.flatMap { Data(base64Encoded: $0) }.map(Array.init) == SMTPFixtures.pdfBytes)
    }
}
