import BetaltCore
import Vapor

/// An amount typed into a form field: empty means "not given"; a decimal comma is accepted as people in
/// Norway and Sweden write it; anything else is a `FieldError` on `field` that quotes what was typed.
enum FormAmount {
    static func parse(_ text: String?, currency code: String, field: String) throws -> Money? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let currency = try? Currency.named(code),
              let amount = try? Money.parse(text.replacingOccurrences(of: ",", with: "."), currency: currency)
        else { throw FieldError(field, "amount", .text(text)) }
        return amount
    }
}
