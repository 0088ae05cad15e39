import Foundation

/// How to reach the SMTP server.
public struct SMTPSettings: Sendable, Hashable {
    /// Whether to upgrade a plain `smtp://` connection with STARTTLS (CURLOPT_USE_SSL).
    public enum StartTLS: String, Sendable, Hashable, CaseIterable {
        /// Never upgrade (CURLUSESSL_NONE). Only for a relay on the same host or a test server.
        case none
        /// Upgrade when the server offers STARTTLS, else send in clear (CURLUSESSL_TRY). An active
        /// attacker can strip the offer; use `required` for a relay across a network.
        case whenAvailable = "optional"
        /// Fail unless the connection is upgraded (CURLUSESSL_ALL). With `smtps://` the connection is
        /// TLS from the start whatever this says.
        case required
    }

    /// `smtp://host:port` (STARTTLS per `startTLS`) or `smtps://host:465` (implicit TLS).
    public var url: String
    public var startTLS: StartTLS
    public var username: String?
    public var password: String?
    /// The envelope sender (MAIL FROM), where bounces go.
    public var envelopeSender: String
    /// A PEM file of CA certificates to trust instead of the system store (a private CA).
    public var caFile: String?
    /// The limit for the whole exchange, connection included.
    public var timeoutSeconds: Int

    public init(
        url: String,
        startTLS: StartTLS = .whenAvailable,
        username: String? = nil,
        password: String? = nil,
        envelopeSender: String,
        caFile: String? = nil,
        timeoutSeconds: Int = 60
    ) {
        self.url = url
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.envelopeSender = envelopeSender
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
    }

    /// Reads the settings from the environment; nil when `BETALT_SMTP_URL` is unset or empty (no
    /// e-mail delivery configured).
    ///
    /// - `BETALT_SMTP_URL`: `smtp://host[:port]` or `smtps://host[:port]` (required)
    /// - `BETALT_SMTP_STARTTLS`: `none`, `optional` or `required` (default `optional`)
    /// - `BETALT_SMTP_USERNAME`, `BETALT_SMTP_PASSWORD`: both or neither
    /// - `BETALT_SMTP_FROM`: the envelope sender address (required)
    /// - `BETALT_SMTP_CA_FILE`: a readable PEM file (optional)
    /// - `BETALT_SMTP_TIMEOUT`: seconds, 1…3600 (default 60)
    ///
    /// - Throws: `SMTPSettingsError` naming the variable whose value is missing or invalid.
    public static func fromEnvironment(_ env: [String: String]) throws -> SMTPSettings? {
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        guard let url = value("BETALT_SMTP_URL") else { return nil }
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "smtp" || scheme == "smtps",
              let host = components.host, !host.isEmpty
        else {
            throw SMTPSettingsError(
                variable: "BETALT_SMTP_URL", message: "expected smtp://host[:port] or smtps://host[:port], got \"\(url)\"")
        }
        if components.user != nil || components.password != nil {
            throw SMTPSettingsError(
                variable: "BETALT_SMTP_URL",
                message: "must not contain credentials; use BETALT_SMTP_USERNAME and BETALT_SMTP_PASSWORD")
        }

        var startTLS = StartTLS.whenAvailable
        if let raw = value("BETALT_SMTP_STARTTLS") {
            guard let parsed = StartTLS(rawValue: raw.lowercased()) else {
                throw SMTPSettingsError(
                    variable: "BETALT_SMTP_STARTTLS", message: "expected none, optional or required, got \"\(raw)\"")
            }
            startTLS = parsed
        }

        let username = value("BETALT_SMTP_USERNAME")
        let password = env["BETALT_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if username != nil && password == nil {
            throw SMTPSettingsError(variable: "BETALT_SMTP_PASSWORD", message: "must be set when BETALT_SMTP_USERNAME is set")
        }
        if username == nil && password != nil {
            throw SMTPSettingsError(variable: "BETALT_SMTP_USERNAME", message: "must be set when BETALT_SMTP_PASSWORD is set")
        }

        guard let from = value("BETALT_SMTP_FROM") else {
            throw SMTPSettingsError(variable: "BETALT_SMTP_FROM", message: "must be set to the envelope sender address")
        }
        guard isPlausibleAddress(from) else {
            throw SMTPSettingsError(variable: "BETALT_SMTP_FROM", message: "expected an address like bounces@example.no, got \"\(from)\"")
        }

        let caFile = value("BETALT_SMTP_CA_FILE")
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw SMTPSettingsError(variable: "BETALT_SMTP_CA_FILE", message: "no readable file at \(caFile)")
        }

        var timeout = 60
        if let raw = value("BETALT_SMTP_TIMEOUT") {
            guard let seconds = Int(raw), (1...3600).contains(seconds) else {
                throw SMTPSettingsError(variable: "BETALT_SMTP_TIMEOUT", message: "expected whole seconds from 1 to 3600, got \"\(raw)\"")
            }
            timeout = seconds
        }

        return SMTPSettings(
            url: url, startTLS: startTLS, username: username, password: password,
            envelopeSender: from, caFile: caFile, timeoutSeconds: timeout)
    }

    /// One "@" with text either side, and no whitespace, control characters or angle brackets.
    static func isPlausibleAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && s.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" }
    }
}

/// A configuration value that is missing or invalid; `variable` names the environment variable.
public struct SMTPSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var variable: String
    public var message: String

    public init(variable: String, message: String) {
        self.variable = variable
        self.message = message
    }

    public var description: String { "\(variable): \(message)" }
}

extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible {
    /// Everything but the password, so the settings can be logged.
    public var description: String {
        "SMTPSettings(url: \(url), startTLS: \(startTLS.rawValue), username: \(username ?? "-"), "
            + "password: \(password == nil ? "-" : "<redacted>"), envelopeSender: \(envelopeSender), "
            + "caFile: \(caFile ?? "-"), timeoutSeconds: \(timeoutSeconds))"
    }

    public var debugDescription: String { description }
}
