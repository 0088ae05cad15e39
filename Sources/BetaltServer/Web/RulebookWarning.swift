import BetaltCore

/// What a creditor must know about the rulebook on a day: a statutory rate the rulebook does not have yet.
/// Betalt never extrapolates the law, so until the rate is added with its source no late interest is charged
/// for that half-year; every creditor page says so, rather than leave it to each act's reasons.
enum RulebookWarning {
    static func lateInterest(_ country: Country, on today: CivilDate, language: Language) -> String? {
        guard (try? Rulebook.for(country).lateInterest.rate.value(on: today)) == nil else { return nil }
        let half = HalfYear(containing: today)
        let words = Translations.words(language)
        let period = words["halfYear.\(half.half == .first ? "first" : "second")"]!.replacingOccurrences(of: "{1}", with: String(half.year))
        return words["rulebook.rateMissing"]!.replacingOccurrences(of: "{1}", with: period)
    }
}
