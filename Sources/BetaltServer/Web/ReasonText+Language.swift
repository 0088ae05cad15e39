import BetaltCore

extension ReasonText {
    /// The reason as a page in `language` shows it: in that language where `Translations.reasons` has the
    /// template (English otherwise), with dates and amounts written as the language writes them.
    func shown(in language: Language) -> String {
        text(in: language) { template in language == .en ? nil : Translations.reasons[template]?[language] }
    }
}

extension Reason {
    /// The reason in `language`, without its citation (pages show the citation on its own).
    func shown(in language: Language) -> String { message.shown(in: language) }

    /// The reason in `language` with the rule it cites after it, where there is no room to show it apart.
    func shownCited(in language: Language) -> String {
        citation.map { "\(shown(in: language)) (\($0))" } ?? shown(in: language)
    }
}
