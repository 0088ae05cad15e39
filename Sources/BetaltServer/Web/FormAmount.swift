import BetaltCore
import Vapor

/// An amount typed into a form field: empty means "not given"; a decimal comma is accepted as people in
/// Norway and Sweden write it; anything else is a 422 that quotes what was typed.
enum FormAmount {
    static func parse(_ field: String?, currency code: String) throws -> Money? {
        guard let text = field?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let currency = try? Currency.named(code),
              let amount = try? Money.parse(text.replacingOccurrences(of: ",", with: "."), currency: currency)
        else { throw Abort(.unprocessableEntity, reason: "The amount '\(text)' is not an amount.") }
        return amount
    }
}
