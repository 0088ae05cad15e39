import BetaltStore
import Fluent
import Leaf
import SQLKit
import Vapor

/// Wires a Vapor application: the database and its migrations, sessions, views, static files and routes.
public func configure(_ app: Application, settings: ServerSettings) async throws {
    app.directory = DirectoryConfiguration(workingDirectory: settings.homeDirectory)
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    app.storage[ServerSettingsKey.self] = settings

    try app.databases.useBetalt(settings.database)
    app.migrations.add(BetaltMigrations.all, to: .betalt)
    app.migrations.add(SessionRecord.migration, to: .betalt)

    app.sessions.use(.fluent(.betalt))
    app.sessions.configuration.cookieName = "betalt-session"
    app.sessions.configuration.cookieFactory = { sessionID in
        HTTPCookies.Value(
            string: sessionID.string, maxAge: 8 * 3600, path: "/", isSecure: settings.secureCookies,
            isHTTPOnly: true, sameSite: .lax
        )
    }

    app.views.use(.leaf)
    // Vapor's own route logger would write debtors' private links into the log.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogging())
    app.middleware.use(ErrorMiddleware.default(environment: app.environment))
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(UserRecord.sessionAuthenticator(.betalt))

    try await SQLiteTuning.makeFile(app.db as! any SQLDatabase)
    try await app.autoMigrate()
    try routes(app)
    if let runAt = settings.runAt { app.lifecycle.use(DailyRunScheduler(runAt: runAt)) }
}

struct ServerSettingsKey: StorageKey {
    typealias Value = ServerSettings
}

extension Application {
    /// The settings the application was configured with.
    public var betaltSettings: ServerSettings { storage[ServerSettingsKey.self] ?? ServerSettings() }
}

func routes(_ app: Application) throws {
    app.get("health") { _ in "ok" }
    try app.register(collection: LoginController())
    try app.register(collection: DebtorPageController())
    try app.register(collection: ApiController())
    let signedIn = app.grouped(UserRecord.redirectMiddleware(path: "/login"))
    try signedIn.register(collection: CreditorPagesController())
    try signedIn.register(collection: MoneyInPages())
    try signedIn.register(collection: DocumentsController())
    try signedIn.register(collection: LettersController())
    try signedIn.register(collection: CustomerCreditController())
    try signedIn.register(collection: DisputesController())
    try signedIn.register(collection: PromisesController())
    try signedIn.register(collection: WriteOffController())
    try signedIn.register(collection: PlansController())
    try signedIn.register(collection: SettingsController())
    try signedIn.register(collection: RunsController())
    try signedIn.register(collection: CustomersController())
    try signedIn.register(collection: CallsController())
    try signedIn.register(collection: NoticeConsentController())
    try signedIn.register(collection: CustomerDetailsController())
    try signedIn.register(collection: CustomerPageController())
    try signedIn.register(collection: HandoverController())
    try signedIn.register(collection: AgencyCasesController())
    try signedIn.register(collection: OriginalInvoiceController())
}
