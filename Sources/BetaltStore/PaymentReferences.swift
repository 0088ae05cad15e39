import BetaltCore
import FluentKit
import Foundation

/// Fresh KIDs (NO, MOD10) and OCR numbers (SE, Luhn with length digit) for a notice covering several claims
/// or a plan's payments. They start with 9 and are checked against every reference the creditor already
/// uses — on claims, notices and plan payments — so a payment can only mean one thing.
public enum PaymentReferences {
    public static func fresh(country: Country, creditorID: UUID, on database: any Database) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let base = "9" + (0..<9).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let reference = country == .sweden
                ? try OCRReference.generate(base: base, withLengthDigit: true).normalized
                : try KID.generate(base: base, algorithm: .mod10).normalized
            if try await !isTaken(reference, creditorID: creditorID, on: database) { return reference }
        }
    }

    private static func isTaken(_ reference: String, creditorID: UUID, on database: any Database) async throws -> Bool {
        let onClaims = try await ClaimRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$paymentReference == reference).count()
        let onNotices = try await NoticeRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$paymentReference == reference).count()
        let onPlans = try await PaymentPlanPaymentRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$paymentReference == reference).count()
        return onClaims + onNotices + onPlans > 0
    }
}
