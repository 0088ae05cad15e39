/// The payer of a camt transaction, from `RltdPties/Dbtr` (its `Pty` from version 08 on) and `DbtrAcct`.
enum CamtParty {
    static func payer(_ parties: XMLStreamedElement?, fields: CamtFieldReader) -> Payer {
        let debtor = parties?.child("Dbtr")
        let party = debtor?.child("Pty") ?? debtor
        let account = parties?.child("DbtrAcct")
        return Payer(
            name: fields.text("Nm", in: party),
            organisationNumber: fields.text("Id", "OrgId", "Othr", "Id", in: party),
            address: address(party?.child("PstlAdr"), fields: fields),
            account: fields.text("Id", "IBAN", in: account) ?? fields.text("Id", "Othr", "Id", in: account)
        )
    }

    /// Free address lines as given, else street, postcode and town built from the structured parts; the country last.
    private static func address(_ postal: XMLStreamedElement?, fields: CamtFieldReader) -> [String] {
        guard let postal else { return [] }
        var lines = postal.children("AdrLine").map(\.text).filter { !$0.isEmpty }
        if lines.isEmpty {
            let street = [fields.text("StrtNm", in: postal), fields.text("BldgNb", in: postal)].compactMap { $0 }
            let town = [fields.text("PstCd", in: postal), fields.text("TwnNm", in: postal)].compactMap { $0 }
            lines = [street, town].filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
        }
        return lines + [fields.text("Ctry", in: postal)].compactMap { $0 }
    }
}
