import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// Logging in and out, and choosing the interface language.
struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: showForm)
        routes.post("login", use: logIn)
        routes.post("logout", use: logOut)
        routes.get("language", ":code", use: chooseLanguage)
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
    }

    struct LoginPage: Encodable {
        let lang: String
        let t: [String: String]
        let email: String
        let emailError: String?
        let passwordError: String?
        let formError: String?
        let languages: [LanguageChoice]
    }

    func showForm(req: Request) async throws -> View {
        if req.auth.has(UserRecord.self) { throw Abort.redirect(to: "/") }
        return try await render(req, email: "", emailError: nil, passwordError: nil, formError: nil)
    }

    func logIn(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let words = Translations.words(req.language)
        if email.isEmpty || password.isEmpty {
            return try await render(
                req, email: email, emailError: email.isEmpty ? words["emailMissing"] : nil,
                passwordError: password.isEmpty ? words["passwordMissing"] : nil, formError: nil
            ).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let now = Date()
        if let until = try await LoginThrottle.blockedUntil(email: email, now: now, on: req.db) {
            try await AuditRecord(
                creditorID: nil, userID: nil, actor: email, action: "login.throttled", subject: "user",
                detail: "refused: \(LoginThrottle.allowedFailures) failed logins within \(Int(LoginThrottle.window / 60)) minutes"
            ).create(on: req.db)
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            let message = words["loginThrottled"]!.replacingOccurrences(of: "{1}", with: String(minutes))
            let response = try await render(req, email: email, emailError: nil, passwordError: nil, formError: message)
                .encodeResponse(status: .tooManyRequests, for: req)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(until.timeIntervalSince(now).rounded(.up))))
            return response
        }
        let user = try await UserRecord.query(on: req.db).filter(\.$email == email).first()
        guard let user, try user.verify(password: password) else {
            try await AuditRecord(
                creditorID: nil, userID: user?.id, actor: email, action: "login.failed", subject: "user",
                detail: "wrong e-mail or password"
            ).create(on: req.db)
            return try await render(req, email: email, emailError: nil, passwordError: nil, formError: words["loginFailed"])
                .encodeResponse(status: .unauthorized, for: req)
        }
        req.auth.login(user)
        if req.session.data["lang"] == nil { req.session.data["lang"] = user.language }
        try await AuditRecord(
            creditorID: nil, userID: user.id, actor: user.email, action: "login", subject: "user", detail: ""
        ).create(on: req.db)
        return req.redirect(to: "/")
    }

    func logOut(req: Request) async throws -> Response {
        req.auth.logout(UserRecord.self)
        req.session.destroy()
        return req.redirect(to: "/login")
    }

    func chooseLanguage(req: Request) async throws -> Response {
        guard let language = Language(rawValue: req.parameters.get("code") ?? "") else { throw Abort(.notFound) }
        req.session.data["lang"] = language.rawValue
        let back = req.query[String.self, at: "back"] ?? "/"
        // Only local paths: an open redirect would let a link send a user anywhere.
        return req.redirect(to: back.hasPrefix("/") && !back.hasPrefix("//") ? back : "/")
    }

    private func render(
        _ req: Request, email: String, emailError: String?, passwordError: String?, formError: String?
    ) async throws -> View {
        let language = req.language
        return try await req.view.render("login", LoginPage(
            lang: language.rawValue, t: Translations.words(language), email: email, emailError: emailError,
            passwordError: passwordError, formError: formError,
            languages: LanguageChoice.all(current: language, back: "/login")
        ))
    }
}

/// A link in the language menu.
struct LanguageChoice: Encodable {
    let code: String
    let name: String
    let current: Bool
    let href: String

    static func all(current: Language, back: String) -> [LanguageChoice] {
        let names: [Language: String] = [.nb: "Norsk", .sv: "Svenska", .en: "English"]
        let escapedBack = back.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "?"])) ?? "/"
        return Language.allCases.map {
            LanguageChoice(code: $0.rawValue, name: names[$0]!, current: $0 == current, href: "/language/\($0.rawValue)?back=\(escapedBack)")
        }
    }
}

extension Request {
    /// The language chosen in this session, else Norwegian bokmål. Reading it never starts a session, so
    /// an anonymous visit leaves no session row behind.
    var language: Language {
        guard hasSession else { return .nb }
        return session.data["lang"].flatMap(Language.init(rawValue:)) ?? .nb
    }
}
