import Vapor

/// A count typed into a form field (a plan's instalments): empty means "not given"; anything but a whole
/// number is a `FieldError` on `field` that quotes what was typed, where decoding the form as a number
/// would have answered the whole request with a bare 400.
enum FormCount {
    static func parse(_ text: String?, field: String) throws -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let count = Int(text) else { throw FieldError(field, "count", .text(text)) }
        return count
    }
}
