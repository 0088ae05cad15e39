import BetaltCore
import BetaltFormats
import BetaltStore

/// Turns one JSON invoice of `POST /api/v1/invoices` into a NewInvoice, or records why it cannot.
enum InvoicePayload {
    static let fields: Set<String> = [
        "number", "issue_date", "due_date", "currency", "amount", "customer", "payment_reference", "reminder_fee_agreed",
    ]
    static let customerFields: Set<String> = [
        "number", "kind", "name", "organisation_number", "national_identity_number", "email", "address_line",
        "postal_code", "city", "country",
    ]

    static func read(_ object: [String: JSONValue], at pointer: String, creditorCountry: String, validation: inout FieldValidation) -> NewInvoice? {
        validation.refuseUnknown(in: object, known: fields, at: pointer)
        let number = validation.string("number", in: object, at: pointer, required: true)
        let issued = validation.date("issue_date", in: object, at: pointer)
        let due = validation.date("due_date", in: object, at: pointer)
        let currency = validation.currency("currency", in: object, at: pointer)
        let amount = validation.amount("amount", in: object, at: pointer, currency: currency)
        let reference = validation.string("payment_reference", in: object, at: pointer)
        let reminderFeeAgreed = validation.bool("reminder_fee_agreed", in: object, at: pointer) ?? false
        if let issued, let due, due < issued { validation.fail("\(pointer)/due_date", "must not be before issue_date") }
        let customer = self.customer(object["customer"], at: "\(pointer)/customer", creditorCountry: creditorCountry, validation: &validation)
        guard let number, let issued, let due, let amount, let customer else { return nil }
        return NewInvoice(
            number: number, issueDate: issued, dueDate: due, amount: amount, paymentReference: reference,
            paymentReferenceChecked: reference.map { PaymentReference(checking: $0).passesCheckDigits } ?? true,
            reminderFeeAgreed: reminderFeeAgreed, customer: customer
        )
    }

    private static func customer(_ value: JSONValue?, at pointer: String, creditorCountry: String, validation: inout FieldValidation) -> NewCustomer? {
        guard case .object(let object)? = value else {
            validation.fail(pointer, value.map { "must be an object, not \($0.typeName)" } ?? "is required")
            return nil
        }
        validation.refuseUnknown(in: object, known: customerFields, at: pointer)
        let name = validation.string("name", in: object, at: pointer, required: true)
        let givenNumber = validation.string("organisation_number", in: object, at: pointer)
        var kind: CustomerKind? = givenNumber == nil ? .consumer : .business
        if let text = validation.string("kind", in: object, at: pointer) {
            kind = CustomerKind(rawValue: text)
            if kind == nil { validation.fail("\(pointer)/kind", "must be consumer or business, not \"\(text)\"") }
        }
        var country = creditorCountry
        let givenCountry = validation.string("country", in: object, at: pointer)
        if let given = givenCountry {
            if let code = CountryCode.reading(given) { country = code } else {
                validation.fail("\(pointer)/country", "must be a two-letter country code such as NO or SE")
            }
        }
        let number = validation.string("number", in: object, at: pointer)
        let identity = validation.string("national_identity_number", in: object, at: pointer)
        let email = validation.string("email", in: object, at: pointer)
        let address = validation.string("address_line", in: object, at: pointer) ?? ""
        let postalCode = validation.string("postal_code", in: object, at: pointer) ?? ""
        let city = validation.string("city", in: object, at: pointer) ?? ""
        let numbers = CustomerNumbers(text: givenNumber, country: country)
        if let identity, numbers.contradicts(nationalIdentityNumber: identity) {
            validation.fail("\(pointer)/national_identity_number", CustomerNumbers.contradiction)
        }
        guard let name, let kind else { return nil }
        return NewCustomer(
            number: number ?? numbers.organisationNumber ?? String(name.prefix(60)), kind: kind, name: name,
            organisationNumber: numbers.organisationNumber, nationalIdentityNumber: numbers.soleTrader ?? identity, email: email,
            addressLine: address, postalCode: postalCode, city: city, country: country, countryGiven: givenCountry != nil
        )
    }
}
