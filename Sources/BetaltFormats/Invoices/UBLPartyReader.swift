import BetaltCore

/// Reads `AccountingCustomerParty` / `AccountingSupplierParty` into an `InvoiceParty`.
struct UBLPartyReader {
    let fields: UBLFieldReader

    /// The buyer, whose address notices go to; the seller's is read but never used.
    static let buyer = "AccountingCustomerParty"

    /// Peppol ICD codes for the two registries Betalt validates.
    private static let norwegianScheme = "0192"
    private static let swedishScheme = "0007"

    /// The party below `role` (e.g. `AccountingCustomerParty`); its name is required.
    func party(_ role: String, in root: XMLTreeElement) throws(FormatError) -> InvoiceParty {
        let rolePath = "\(root.path)/cac:\(role)"
        guard let party = root.child(role, namespace: UBLNamespace.aggregate)?
            .child("Party", namespace: UBLNamespace.aggregate)
        else {
            throw FormatError(
                file: fields.fileName, location: .path("\(rolePath)/cac:Party"), field: role,
                message: "the required party is missing")
        }
        let legalName = fields.text("PartyLegalEntity", "RegistrationName", in: party)
        guard let name = fields.text("PartyName", "Name", in: party) ?? legalName else {
            throw FormatError(
                file: fields.fileName, location: .path("\(party.path)/cac:PartyName/cbc:Name"), field: "Name",
                message: "the party has neither a name (PartyName/Name) nor a registered name (PartyLegalEntity/RegistrationName)")
        }
        return InvoiceParty(
            name: name, legalName: legalName, organisationNumber: try organisationNumber(of: party),
            vatNumber: vatNumber(of: party), address: try address(of: party, checkingCountry: role == Self.buyer),
            email: fields.text("Contact", "ElectronicMail", in: party),
            phone: fields.text("Contact", "Telephone", in: party))
    }

    /// A Norwegian or Swedish registry number wherever it is given; else the legal entity's identifier as written.
    private func organisationNumber(of party: XMLTreeElement) throws(FormatError) -> OrganisationNumber? {
        let legalID = party.descendant(["PartyLegalEntity", "CompanyID"])
        for candidate in [party.child("EndpointID", namespace: UBLNamespace.basic), legalID].compactMap({ $0 }) {
            if let validated = try validated(candidate) { return validated }
        }
        guard let legalID, !legalID.text.isEmpty else { return nil }
        return .other(scheme: legalID.attribute("schemeID"), value: legalID.text)
    }

    /// A number under scheme 0192 or 0007 must pass its registry's check digit: a wrong one would point a
    /// collection notice at another company.
    private func validated(_ element: XMLTreeElement) throws(FormatError) -> OrganisationNumber? {
        do {
            switch element.attribute("schemeID") {
            case Self.norwegianScheme: return .norwegian(try NorwegianOrganisationNumber(validating: element.text))
            case Self.swedishScheme: return try .swedish(validating: element.text)
            default: return nil
            }
        } catch {
            throw fields.failure(element, "not a valid organisation number: \(error.description)")
        }
    }

    /// The `CompanyID` of the `PartyTaxScheme` whose scheme is VAT.
    private func vatNumber(of party: XMLTreeElement) -> String? {
        let schemes = party.children("PartyTaxScheme", namespace: UBLNamespace.aggregate)
        let vat = schemes.first { fields.text("TaxScheme", "ID", in: $0) == "VAT" }
        return fields.text("CompanyID", in: vat)
    }

    /// The party's postal address; a country code that is not one refuses the file when `checkingCountry` (the buyer,
    /// whose country picks its notices' language and registry), and is left out otherwise.
    private func address(of party: XMLTreeElement, checkingCountry: Bool) throws(FormatError) -> PostalAddress? {
        guard let postal = party.child("PostalAddress", namespace: UBLNamespace.aggregate) else { return nil }
        var countryCode: String?
        if let element = postal.descendant(["Country", "IdentificationCode"]), !element.text.isEmpty {
            countryCode = CountryCode.reading(element.text)
            if countryCode == nil, checkingCountry {
                throw fields.failure(element, "'\(element.text)' \(CountryCode.expected)")
            }
        }
        let lines = [fields.text("StreetName", in: postal), fields.text("AdditionalStreetName", in: postal),
                     fields.text("AddressLine", "Line", in: postal)].compactMap { $0 }
        return PostalAddress(
            lines: lines, postalCode: fields.text("PostalZone", in: postal),
            city: fields.text("CityName", in: postal),
            countryCode: countryCode)
    }
}
