import BetaltCore

/// A form a page sends back after refusing it: which form, what was typed, and what was wrong.
struct ReturnedForm {
    /// The form's id in the page.
    let id: String
    let error: FieldError
    let values: [String: String]
}

/// What one form on a page shows: open with the values typed and the error next to its field after a
/// refusal, empty otherwise.
struct FormState: Encodable {
    let isOpen: Bool
    /// An error about the form as a whole, shown above its fields.
    let formError: String?
    /// Field name → the error shown next to that field.
    let errors: [String: String]
    /// Field name → the value typed.
    let values: [String: String]

    static let blank = FormState(isOpen: false, formError: nil, errors: [:], values: [:])

    /// The state of the form `id`, its error in `language`: blank unless `returned` is that form.
    init(_ id: String, _ returned: ReturnedForm?, language: Language) {
        guard let returned, returned.id == id else {
            self = .blank
            return
        }
        let field = returned.error.field, message = returned.error.message(in: language)
        self.init(isOpen: true, formError: field.isEmpty ? message : nil, errors: field.isEmpty ? [:] : [field: message], values: returned.values)
    }

    private init(isOpen: Bool, formError: String?, errors: [String: String], values: [String: String]) {
        self.isOpen = isOpen
        self.formError = formError
        self.errors = errors
        self.values = values
    }
}
