import Foundation
import Testing

@testable import BetaltDelivery

/// Each test starts its own aiosmtpd server (smtp_server.py) on a free port with its own maildir.
@Suite("SMTP transport against aiosmtpd")
struct SMTPTransportTests {
    private func transport(
        _ url: String, startTLS: SMTPSettings.StartTLS = .none, username: String? = nil, password: String? = nil,
        caFile: String? = nil, timeout: Int = 20
    ) -> SMTPTransport {
        SMTPTransport(settings: SMTPSettings(
            url: url, startTLS: startTLS, username: username, password: password,
            envelopeSender: "bounces@betalt.example", caFile: caFile, timeoutSeconds: timeout))
    }

    @Test func deliversTheExactComposedBytes() throws {
        try withSMTPServer { (server: SMTPTestServer) throws in
            let message = SMTPFixtures.reminder()
            let bytes = message.rendered()
            let result = transport(server.url).send(bytes, to: message.recipientAddresses)
            guard case .delivered(let reply) = result else {
                Issue.record("not delivered: \(result)")
                return
            }
            #expect(reply.hasPrefix("250 2.0.0 Ok: queued as 1"))

            let stored = try server.delivered()
            try #require(stored.count == 1)
            let delivered = stored[0]
            #expect(delivered.raw == bytes)  // aiosmtpd's original_content: nothing added, nothing lost
            #expect(delivered.sidecar.mailFrom == "bounces@betalt.example")
            #expect(delivered.sidecar.rcptTos == ["ase.odegard@example.no"])
            #expect(delivered.sidecar.tls == false)

            let parsed = delivered.sidecar.parsed
            #expect(parsed.defects == [])
            #expect(parsed.subject == "Påminnelse om faktura 10042 – Fjordtre AS")
            #expect(parsed.from == [.init(name: "Fjordtre AS – Faktura", address: "faktura@fjordtre.no")])
            #expect(parsed.to == [.init(name: "Åse Ødegård", address: "ase.odegard@example.no")])
            #expect(parsed.messageId == "<reminder-10042.1@betalt.example>")
            #expect(parsed.contentType == "multipart/mixed")

            let leaves = parsed.parts.filter { !$0.contentType.hasPrefix("multipart/") }
            try #require(leaves.count == 4)
            #expect(leaves[0].contentType == "text/plain" && leaves[0].charset == "utf-8")
            #expect(leaves[0].text?.contains("Beløp å betale: 12 669,25 kr") == true)
            #expect(leaves[0].text?.contains("\n.Denne linjen begynner med punktum.") == true)
            #expect(leaves[1].contentType == "text/html" && leaves[1].charset == "utf-8")
            #expect(leaves[1].text?.contains("<strong>12 669,25 kr</strong>") == true)
            #expect(leaves[2].disposition == "attachment")
            #expect(leaves[2].filename == "inkassovarsel-10042.pdf")
            #expect(leaves[2].base64.flatMap { Data(base64Encoded: $0) }.map(Array.init) == SMTPFixtures.pdfBytes)
            #expect(leaves[3].filename == "faktura æøå.pdf")
            #expect(leaves[3].base64.flatMap { Data(base64Encoded: $0) }.map(Array.init) == Array(SMTPFixtures.pdfBytes.reversed()))
        }
    }

    @Test func sendsToEveryEnvelopeRecipient() throws {
        try withSMTPServer { (server: SMTPTestServer) throws in
            let bytes = SMTPFixtures.reminder().rendered()
            let result = transport(server.url).send(bytes, from: "other@betalt.example", to: ["a@example.no", "b@example.no"])
            #expect(result.isDelivered)
            let stored = try server.delivered()
            #expect(stored.map(\.sidecar.rcptTos) == [["a@example.no", "b@example.no"]])
            #expect(stored.map(\.sidecar.mailFrom) == ["other@betalt.example"])
        }
    }

    @Test func refusedRecipientIsAPermanentFailure() throws {
        try withSMTPServer { (server: SMTPTestServer) throws in
            let result = transport(server.url).send(SMTPFixtures.reminder().rendered(), to: ["permanent-ase@example.no"])
            guard case .permanentFailure(let text) = result else {
                Issue.record("expected a permanent failure: \(result)")
                return
            }
            #expect(text.contains("550 5.1.1 Mailbox unavailable"))
            #expect(text.contains("RCPT"))
            #expect(try server.delivered().isEmpty)
        }
    }

    @Test func deferredRecipientIsATemporaryFailure() throws {
        try withSMTPServer { (server: SMTPTestServer) throws in
            let result = transport(server.url).send(SMTPFixtures.reminder().rendered(), to: ["temporary-ase@example.no"])
            guard case .temporaryFailure(let text) = result else {
                Issue.record("expected a temporary failure: \(result)")
                return
            }
            #expect(text.contains("451 4.3.0 Try again later"))
        }
    }

    @Test func refusedSenderAndRefusedDataArePermanent() throws {
        try withSMTPServer { (server: SMTPTestServer) throws in
            let bytes = SMTPFixtures.reminder().rendered()
            let sender = transport(server.url).send(bytes, from: "blocked-bounces@betalt.example", to: ["ase@example.no"])
            #expect(sender == .permanentFailure(sender.text))
            #expect(sender.text.contains("553"))
            let data = transport(server.url).send(bytes, to: ["reject-data-ase@example.no"])
            #expect(data == .permanentFailure(data.text))
            #expect(data.text.contains("554 5.6.0"))
        }
    }

    @Test func connectionRefusedIsTemporary() throws {
        let port = try freeSMTPTestPort()
        let result = transport("smtp://127.0.0.1:\(port)").send(SMTPFixtures.reminder().rendered(), to: ["ase@example.no"])
        guard case .temporaryFailure(let text) = result else {
            Issue.record("expected a temporary failure: \(result)")
            return
        }
        #expect(text.contains("curl error 7"))
    }

    @Test func silentServerTimesOutAsTemporary() throws {
        let listener = try SMTPSilentListener()
        let started = Date()
        let result = transport("smtp://127.0.0.1:\(listener.port)", timeout: 1)
            .send(SMTPFixtures.reminder().rendered(), to: ["ase@example.no"])
        #expect(result == .temporaryFailure(result.text))
        #expect(result.text.contains("curl error 28"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func invalidAddressesAreRejectedBeforeConnecting() {
        let t = transport("smtp://127.0.0.1:1")
        #expect(t.send([], to: ["ase@example.no\r\nRCPT TO:<x@y>"]) == .permanentFailure("invalid recipient address \"ase@example.no\r\nRCPT TO:<x@y>\""))
        #expect(t.send([], to: []) == .permanentFailure("no recipients"))
        #expect(t.send([], from: "no-at-sign", to: ["ase@example.no"]) == .temporaryFailure("invalid envelope sender \"no-at-sign\""))
    }

    @Test func requiredSTARTTLSWithPrivateCADelivers() throws {
        let directory = try makeSMTPTestDirectory()
        let certificate = try SMTPTestCertificate.make(in: directory)
        try withSMTPServer(.init(tlsCertificate: certificate, requireStartTLS: true), directory: directory) { (server: SMTPTestServer) throws in
            let bytes = SMTPFixtures.reminder().rendered()
            let result = transport(server.url, startTLS: .required, caFile: certificate.certificatePath)
                .send(bytes, to: ["ase@example.no"])
            #expect(result.isDelivered, "\(result)")
            let stored = try server.delivered()
            #expect(stored.map(\.sidecar.tls) == [true])
            #expect(stored.first?.raw == bytes)

            // Without the private CA the certificate cannot be verified: our configuration.
            let untrusted = transport(server.url, startTLS: .required).send(bytes, to: ["ase@example.no"])
            #expect(untrusted == .configurationFailure(untrusted.text))

            // The server insists on STARTTLS; a client that never upgrades gets 530 to MAIL FROM, which
            // is about our configuration, not the message.
            let plain = transport(server.url, startTLS: .none).send(bytes, to: ["ase@example.no"])
            #expect(plain == .configurationFailure(plain.text))
            #expect(plain.text.contains("530"))
        }
    }

    @Test func requiredSTARTTLSIsAConfigurationFailureWhenNotOffered() throws {
        try withSMTPServer { (server: SMTPTestServer) throws in
            let result = transport(server.url, startTLS: .required).send(SMTPFixtures.reminder().rendered(), to: ["ase@example.no"])
            #expect(result == .configurationFailure(result.text))
            #expect(try server.delivered().isEmpty)
            // "optional" falls back to plain text when the server offers no STARTTLS.
            let optional = transport(server.url, startTLS: .whenAvailable).send(SMTPFixtures.reminder().rendered(), to: ["ase@example.no"])
            #expect(optional.isDelivered)
        }
    }

    @Test func implicitTLSDelivers() throws {
        let directory = try makeSMTPTestDirectory()
        let certificate = try SMTPTestCertificate.make(in: directory)
        try withSMTPServer(.init(tlsCertificate: certificate, implicitTLS: true), directory: directory) { (server: SMTPTestServer) throws in
            #expect(server.url.hasPrefix("smtps://"))
            let result = transport(server.url, startTLS: .required, caFile: certificate.certificatePath)
                .send(SMTPFixtures.reminder().rendered(), to: ["ase@example.no"])
            #expect(result.isDelivered, "\(result)")
            #expect(try server.delivered().map(\.sidecar.tls) == [true])
        }
    }

    @Test(arguments: ["LOGIN", "PLAIN"])
    func authenticatesOverSTARTTLS(mechanism: String) throws {
        let directory = try makeSMTPTestDirectory()
        let certificate = try SMTPTestCertificate.make(in: directory)
        let options = SMTPTestServer.Options(
            tlsCertificate: certificate, requireStartTLS: true, authUser: "betalt", authPassword: "s3cret æ", authMechanism: mechanism)
        try withSMTPServer(options, directory: directory) { (server: SMTPTestServer) throws in
            let bytes = SMTPFixtures.reminder().rendered()
            let good = transport(server.url, startTLS: .required, username: "betalt", password: "s3cret æ", caFile: certificate.certificatePath)
                .send(bytes, to: ["ase@example.no"])
            #expect(good.isDelivered, "\(good)")
            #expect(try server.delivered().map(\.sidecar.authenticated) == [true])

            // A wrong password is our configuration, and the 535 is in the text.
            let bad = transport(server.url, startTLS: .required, username: "betalt", password: "wrong", caFile: certificate.certificatePath)
                .send(bytes, to: ["ase@example.no"])
            #expect(bad == .configurationFailure(bad.text))
            #expect(bad.text.contains("535"))
            #expect(!bad.text.contains("wrong"))

            // No credentials at all: the server answers MAIL FROM with 530 — our configuration as well.
            let none = transport(server.url, startTLS: .required, caFile: certificate.certificatePath)
                .send(bytes, to: ["ase@example.no"])
            #expect(none == .configurationFailure(none.text))
            #expect(none.text.contains("530"))
            #expect(try server.delivered().count == 1)
        }
    }
}
