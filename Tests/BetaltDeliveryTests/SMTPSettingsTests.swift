import Foundation
import Testing

@testable import BetaltDelivery

@Suite("SMTP settings from the environment")
struct SMTPSettingsTests {
    private let minimal = ["BETALT_SMTP_URL": "smtp://mail.example.no:587", "BETALT_SMTP_FROM": "bounces@betalt.example"]

    @Test func unsetURLMeansNoDelivery() throws {
        #expect(try SMTPSettings.fromEnvironment([:]) == nil)
        #expect(try SMTPSettings.fromEnvironment(["BETALT_SMTP_URL": "", "BETALT_SMTP_FROM": "x"]) == nil)
    }

    @Test func defaults() throws {
        let settings = try #require(try SMTPSettings.fromEnvironment(minimal))
        #expect(settings == SMTPSettings(
            url: "smtp://mail.example.no:587", startTLS: .whenAvailable, envelopeSender: "bounces@betalt.example", timeoutSeconds: 60))
    }

    @Test func readsEveryVariable() throws {
        let directory = try makeSMTPTestDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let ca = directory.appendingPathComponent("ca.pem")
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: ca)
        let env = [
            "BETALT_SMTP_URL": "smtps://mail.example.no:465",
            "BETALT_SMTP_STARTTLS": "required",
            "BETALT_SMTP_USERNAME": "betalt",
            "BETALT_SMTP_PASSWORD": " pass word ",
            "BETALT_SMTP_FROM": "bounces@betalt.example",
            "BETALT_SMTP_CA_FILE": ca.path,
            "BETALT_SMTP_TIMEOUT": "15",
        ]
        let settings = try #require(try SMTPSettings.fromEnvironment(env))
        #expect(settings == SMTPSettings(
            url: "smtps://mail.example.no:465", startTLS: .required, username: "betalt", password: " pass word ",
            envelopeSender: "bounces@betalt.example", caFile: ca.path, timeoutSeconds: 15))
        #expect(!"\(settings)".contains("pass word") && "\(settings)".contains("<redacted>"))
        #expect(try SMTPSettings.fromEnvironment(minimal.merging(["BETALT_SMTP_STARTTLS": "none"]) { $1 })?.startTLS == SMTPSettings.StartTLS.none)
        #expect(try SMTPSettings.fromEnvironment(minimal.merging(["BETALT_SMTP_STARTTLS": "Optional"]) { $1 })?.startTLS == .whenAvailable)
    }

    @Test(arguments: [
        (["BETALT_SMTP_URL": "http://mail.example.no"], "BETALT_SMTP_URL"),
        (["BETALT_SMTP_URL": "mail.example.no:25"], "BETALT_SMTP_URL"),
        (["BETALT_SMTP_URL": "smtp://user:pw@mail.example.no"], "BETALT_SMTP_URL"),
        (["BETALT_SMTP_STARTTLS": "yes"], "BETALT_SMTP_STARTTLS"),
        (["BETALT_SMTP_USERNAME": "betalt"], "BETALT_SMTP_PASSWORD"),
        (["BETALT_SMTP_PASSWORD": "secret"], "BETALT_SMTP_USERNAME"),
        (["BETALT_SMTP_FROM": ""], "BETALT_SMTP_FROM"),
        (["BETALT_SMTP_FROM": "Betalt <bounces@betalt.example>"], "BETALT_SMTP_FROM"),
        (["BETALT_SMTP_CA_FILE": "/nonexistent/ca.pem"], "BETALT_SMTP_CA_FILE"),
        (["BETALT_SMTP_TIMEOUT": "abc"], "BETALT_SMTP_TIMEOUT"),
        (["BETALT_SMTP_TIMEOUT": "0"], "BETALT_SMTP_TIMEOUT"),
    ])
    func invalidValueNamesTheVariable(overrides: [String: String], variable: String) {
        let env = minimal.merging(overrides) { $1 }
        let error = #expect(throws: SMTPSettingsError.self) { try SMTPSettings.fromEnvironment(env) }
        #expect(error?.variable == variable)
        #expect(error?.description.hasPrefix(variable + ": ") == true)
        #expect(error?.description.contains("secret") == false)
    }
}
