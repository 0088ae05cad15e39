import BetaltCore

/// A payment reference (KID / OCR-nummer) as the document gives it, with the result of its check digit.
///
/// A failing reference is kept, not refused: published invoices carry references such as `Snippet1`, and
/// the payment may still arrive with it. Matching decides later how much to trust it.
public struct PaymentReference: Sendable, Equatable {
    /// Which check digit a reference satisfies, if any.
    public enum Check: Sendable, Equatable {
        /// Luhn: a valid KID MOD10 and a valid Swedish OCR reference.
        case mod10
        /// A valid KID MOD11 (not Luhn).
        case mod11
        /// Neither; the reason says why, e.g. that it contains letters.
        case fails(reason: String)
    }

    /// Exactly as written in the document.
    public let value: String
    public let check: Check

    /// Checks `value` against KID MOD10/MOD11 (MOD10 doubles as the OCR Luhn check).
    public init(checking value: String) {
        self.value = value
        do {
            let kid = try KID(validating: value)
            check = kid.algorithm == .mod10 ? .mod10 : .mod11
        } catch {
            check = .fails(reason: error.description)
        }
    }

    /// Whether the reference satisfies a KID or OCR check digit.
    public var passesCheckDigits: Bool {
        if case .fails = check { return false }
        return true
    }
}
