import BetaltCore

/// What a payer wrote with a camt transaction (`RmtInf`): creditor references, referred documents, free text.
struct CamtRemittance: Equatable {
    var references: [String] = []
    var documents: [ReferredDocument] = []
    var text: [String] = []

    /// Every `Strd` block counts: a payment for several invoices carries one block (and reference) per invoice.
    static func read(_ remittance: XMLStreamedElement?, fields: CamtFieldReader) throws(FormatError) -> CamtRemittance {
        guard let remittance else { return CamtRemittance() }
        var result = CamtRemittance()
        result.text = remittance.children("Ustrd").map(\.text).filter { !$0.isEmpty }
        for block in remittance.children("Strd") {
            result.references += block.children("CdtrRefInf").compactMap { fields.text("Ref", in: $0) }
            result.documents += try documents(in: block, fields: fields)
        }
        return result
    }

    /// `RfrdDocAmt` belongs to the whole block, so it is given to a document only when the block names just one.
    private static func documents(
        in block: XMLStreamedElement, fields: CamtFieldReader
    ) throws(FormatError) -> [ReferredDocument] {
        let numbers = block.children("RfrdDocInf").compactMap { fields.text("Nb", in: $0) }
        let amounts = block.child("RfrdDocAmt")
        var amount: Money?
        if let stated = amounts?.child("RmtdAmt") ?? amounts?.child("DuePyblAmt") {
            amount = try fields.amount(stated)
        }
        return numbers.map { ReferredDocument(number: $0, amount: numbers.count == 1 ? amount : nil) }
    }
}
