import BetaltCore
import BetaltStore
import FluentKit
import Foundation

/// A fresh KID (NO, MOD10) or OCR number (SE, Luhn with length digit) for a notice that covers several
/// claims or a claim without a reference of its own. It starts with 9 and is checked against every
/// reference the creditor already uses, on claims and on notices, so a payment can only mean one thing.
enum NoticeReference {
    static func fresh(country: Country, creditorID: UUID, on database: any Database) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let base = "9" + (0..<9).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let reference = country == .sweden
                ? try OCRReference.generate(base: base, withLengthDigit: true).normalized
                : try KID.generate(base: base, algorithm: .mod10).normalized
            let onClaims = try await ClaimRecord.query(on: database).filter(\.$creditorID == creditorID)
                .filter(\.$paymentReference == reference).count()
            let onNotices = try await NoticeRecord.query(on: database).filter(\.$creditorID == creditorID)
                .filter(\.$paymentReference == reference).count()
            if onClaims == 0, onNotices == 0 { return reference }
        }
    }
}
