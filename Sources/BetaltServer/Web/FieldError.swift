import BetaltCore
import Vapor

/// Input a form cannot take, naming the field it concerns ("" for the form as a whole): a page that catches
/// it shows the form again with the message next to that field, in the page's language (DESIGN.md §10);
/// uncaught, Vapor answers the 422 with the English message.
struct FieldError: AbortError {
    /// A value the message quotes, written as the page's language writes it.
    enum Argument {
        case text(String)
        case money(Money)
        case date(CivilDate)

        func formatted(_ language: Language) -> String {
            switch self {
            case .text(let text): text
            case .money(let money): money.formatted(language)
            case .date(let date): date.formatted(language)
            }
        }
    }

    private(set) var field: String
    /// The message's key in `Translations.formErrors`.
    let key: String
    let arguments: [Argument]

    init(_ field: String, _ key: String, _ arguments: Argument...) {
        self.field = field
        self.key = "formError.\(key)"
        self.arguments = arguments
    }

    /// The same error about another field.
    func on(_ field: String) -> FieldError {
        var moved = self
        moved.field = field
        return moved
    }

    func message(in language: Language) -> String {
        var text = Translations.words(language)[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: argument.formatted(language))
        }
        return text
    }

    var reason: String { message(in: .en) }
    var status: HTTPResponseStatus { .unprocessableEntity }
}
