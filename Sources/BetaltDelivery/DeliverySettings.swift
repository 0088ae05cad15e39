import Foundation

/// How notices are written and delivered, from the environment (see the README's configuration table).
public struct DeliverySettings: Sendable {
    /// The base of the debtor's private links, e.g. https://betalt.example.no (BETALT_PUBLIC_URL).
    public var publicBaseURL: String
    /// A folder of template overrides (BETALT_TEMPLATES_DIR): files at its top level for every creditor,
    /// in a folder named by a creditor's id for that creditor only.
    public var templatesDirectory: URL?
    /// How long a debtor's private link works (BETALT_LINK_DAYS, default 180).
    public var linkValidityDays: Int
    /// The From address of every e-mail (BETALT_MAIL_FROM); the creditor's own address is the Reply-To.
    public var mailFrom: String
    /// The SMTP server; nil leaves e-mails queued in the outbox until one is configured.
    public var smtp: SMTPSettings?
    /// Where handover packages for agencies with folder delivery are written, one subfolder per agency
    /// (BETALT_HANDOVER_DIR); nil: agencies get their packages by download only.
    public var handoverDirectory: URL?

    public init(
        publicBaseURL: String, templatesDirectory: URL? = nil, linkValidityDays: Int = 180, mailFrom: String,
        smtp: SMTPSettings? = nil
    ) {
        self.publicBaseURL = publicBaseURL
        self.templatesDirectory = templatesDirectory
        self.linkValidityDays = linkValidityDays
        self.mailFrom = mailFrom
        self.smtp = smtp
    }

    /// Reads the BETALT_* variables; a value that cannot be used is an error naming the variable.
    public static func fromEnvironment(_ environment: [String: String]) throws -> DeliverySettings {
        var settings = DeliverySettings(
            publicBaseURL: environment["BETALT_PUBLIC_URL"] ?? "http://127.0.0.1:8080",
            templatesDirectory: environment["BETALT_TEMPLATES_DIR"].map { URL(fileURLWithPath: $0, isDirectory: true) },
            mailFrom: environment["BETALT_MAIL_FROM"] ?? "betalt@localhost",
            smtp: try SMTPSettings.fromEnvironment(environment)
        )
        if let days = environment["BETALT_LINK_DAYS"] {
            guard let value = Int(days), (1...3650).contains(value) else {
                throw DeliverySettingsError(variable: "BETALT_LINK_DAYS", message: "must be a number of days from 1 to 3650, not \"\(days)\"")
            }
            settings.linkValidityDays = value
        }
        guard let url = URL(string: settings.publicBaseURL), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw DeliverySettingsError(variable: "BETALT_PUBLIC_URL", message: "must be an http(s) address, not \"\(settings.publicBaseURL)\"")
        }
        if settings.publicBaseURL.hasSuffix("/") { settings.publicBaseURL.removeLast() }
        guard settings.mailFrom.contains("@") else {
            throw DeliverySettingsError(variable: "BETALT_MAIL_FROM", message: "must be an e-mail address, not \"\(settings.mailFrom)\"")
        }
        settings.handoverDirectory = environment["BETALT_HANDOVER_DIR"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        if let directory = settings.handoverDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DeliverySettingsError(variable: "BETALT_HANDOVER_DIR", message: "\(directory.path) is not a folder")
            }
        }
        if let directory = settings.templatesDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DeliverySettingsError(variable: "BETALT_TEMPLATES_DIR", message: "\(directory.path) is not a folder")
            }
        }
        return settings
    }
}

/// A delivery setting that cannot be used, naming its environment variable.
public struct DeliverySettingsError: Error, CustomStringConvertible, Sendable {
    public let variable: String
    public let message: String

    public var description: String { "\(variable) \(message)" }
}
