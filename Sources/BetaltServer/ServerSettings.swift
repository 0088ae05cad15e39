import BetaltCore
import BetaltDelivery
import BetaltStore
import Foundation

/// How the server is set up, read from `BETALT_*` environment variables with defaults that need no setup.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// Where `Resources/Views` and `Public` live; the working directory unless `BETALT_HOME` says otherwise.
    public var homeDirectory: String
    /// A fixed business date for demos and tests (`BETALT_TODAY`); nil means the real date in each
    /// creditor's time zone.
    public var fixedToday: CivilDate?
    /// Whether session cookies are marked Secure (set behind HTTPS).
    public var secureCookies: Bool
    /// When the daily run starts in each creditor's time zone; nil turns the scheduler off.
    public var runAt: LocalTime?
    /// Notices and their delivery: the debtor links' address, template overrides, SMTP.
    public var delivery: DeliverySettings

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .defaultLocation,
        homeDirectory: String = FileManager.default.currentDirectoryPath, fixedToday: CivilDate? = nil,
        secureCookies: Bool = false, runAt: LocalTime? = nil,
        delivery: DeliverySettings = DeliverySettings(publicBaseURL: "http://127.0.0.1:8080", mailFrom: "betalt@localhost")
    ) {
        self.delivery = delivery
        self.host = host
        self.port = port
        self.database = database
        self.homeDirectory = homeDirectory
        self.fixedToday = fixedToday
        self.secureCookies = secureCookies
        self.runAt = runAt
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerSettings {
        var settings = ServerSettings()
        if let host = env["BETALT_HOST"], !host.isEmpty { settings.host = host }
        if let port = env["BETALT_PORT"], !port.isEmpty {
            guard let number = Int(port), (1...65535).contains(number) else {
                throw SettingsError(variable: "BETALT_PORT", value: port, expected: "a port number 1–65535")
            }
            settings.port = number
        }
        settings.database = try DatabaseLocation.fromEnvironment(env)
        if let home = env["BETALT_HOME"], !home.isEmpty { settings.homeDirectory = home }
        if let today = env["BETALT_TODAY"], !today.isEmpty {
            do { settings.fixedToday = try CivilDate(iso: today) } catch {
                throw SettingsError(variable: "BETALT_TODAY", value: today, expected: "a date YYYY-MM-DD")
            }
        }
        if let secure = env["BETALT_SECURE_COOKIES"], !secure.isEmpty {
            settings.secureCookies = ["1", "true", "yes"].contains(secure.lowercased())
        }
        let runAt = env["BETALT_RUN_AT"] ?? "06:00"
        settings.runAt = ["", "off"].contains(runAt.lowercased()) ? nil : try LocalTime(runAt)
        var deliveryEnvironment = env
        if (env["BETALT_PUBLIC_URL"] ?? "").isEmpty { deliveryEnvironment["BETALT_PUBLIC_URL"] = "http://\(settings.host):\(settings.port)" }
        settings.delivery = try DeliverySettings.fromEnvironment(deliveryEnvironment)
        return settings
    }

    /// Today's business date in a creditor's time zone (DESIGN.md §2), or the fixed date if set.
    public func today(inTimeZone identifier: String, now: Date = Date()) -> CivilDate {
        if let fixedToday { return fixedToday }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "Europe/Oslo")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return (try? CivilDate(parts.year!, parts.month!, parts.day!)) ?? CivilDate(daysSinceEpoch: 0)
    }
}

/// An environment variable whose value Betalt cannot use.
public struct SettingsError: Error, CustomStringConvertible {
    public let variable: String
    public let value: String
    public let expected: String

    public var description: String { "\(variable)='\(value)' is not usable: expected \(expected)" }
}
