import BetaltCore
import BetaltStore
import Vapor

/// What every signed-in page shows around its content: the top bar and the navigation (DESIGN.md §10).
struct PageFrame: Encodable {
    struct CreditorChoice: Encodable {
        let id: String
        let name: String
        let selected: Bool
    }

    let lang: String
    let t: [String: String]
    let title: String
    let userName: String
    let creditorID: String
    let creditorName: String
    let creditors: [CreditorChoice]
    let languages: [LanguageChoice]
    let activeSection: String
    let today: String
    /// A rate the rulebook lacks for today (`RulebookWarning`), shown at the top of every creditor page.
    let ruleWarning: String?
}

/// The signed-in user and the creditor a page is about, checked against the user's memberships.
struct CreditorContext {
    let user: UserRecord
    let creditor: CreditorRecord
    let creditors: [CreditorRecord]
    let language: Language
    let today: CivilDate

    var creditorID: UUID { creditor.id! }

    /// Answers 404 for a creditor the user is not a member of, so its existence is not revealed.
    static func load(_ req: Request) async throws -> CreditorContext {
        let user = try req.auth.require(UserRecord.self)
        guard let creditorID = req.parameters.get("creditorID", as: UUID.self) else { throw Abort(.notFound) }
        let creditors = try await CreditorAccess.creditors(for: try user.requireID(), on: req.db)
        guard let creditor = creditors.first(where: { $0.id == creditorID }) else { throw Abort(.notFound) }
        let today = req.application.betaltSettings.today(inTimeZone: creditor.timeZone)
        return CreditorContext(user: user, creditor: creditor, creditors: creditors, language: req.language, today: today)
    }

    /// Where choosing a language leads back to: this page, or, for a page a refused form answered (a POST), the
    /// page the form was on, as the browser named it; its own address would be the form's, which has no page to get.
    private static func languageBack(_ req: Request) -> String {
        if req.method == .GET { return req.url.string }
        guard let referer = req.headers.first(name: .referer).map(URI.init(string:)), referer.path.hasPrefix("/") else { return "/" }
        return referer.path + (referer.query.map { "?\($0)" } ?? "")
    }

    func frame(_ req: Request, title: String, section: String) -> PageFrame {
        PageFrame(
            lang: language.rawValue, t: Translations.words(language), title: title, userName: user.name,
            creditorID: creditorID.uuidString, creditorName: creditor.name,
            creditors: creditors.map { .init(id: $0.id!.uuidString, name: $0.name, selected: $0.id == creditorID) },
            languages: LanguageChoice.all(current: language, back: Self.languageBack(req)),
            activeSection: section, today: today.formatted(language),
            ruleWarning: Country(rawValue: creditor.country).flatMap { RulebookWarning.lateInterest($0, on: today, language: language) }
        )
    }
}
