import BetaltCore

/// A camt batch's total, computed (camt states none per batch): payments less reversals, in one currency.
enum CamtBatchTotal {
    /// `currency` is nil only for a batch without entries or a stated account currency; its zero total is
    /// then given in NOK, as there is no amount whose currency could be wrong.
    static func of(
        _ payments: [IncomingPayment], currency: Currency?, fields: CamtFieldReader
    ) throws(FormatError) -> Money {
        var total = Money.zero(currency ?? .nok)
        for payment in payments {
            do {
                total = payment.isReversal ? try total.subtracting(payment.amount) : try total.adding(payment.amount)
            } catch .currencyMismatch {
                throw FormatError(
                    file: fields.fileName, location: payment.source, field: "Amt",
                    message: "the payment is in \(payment.amount.currency.code), but its batch is in "
                        + "\(total.currency.code); Betalt totals a batch in one currency")
            } catch {
                throw FormatError(
                    file: fields.fileName, location: payment.source, field: "Amt",
                    message: "the batch total is too large")
            }
        }
        return total
    }
}
