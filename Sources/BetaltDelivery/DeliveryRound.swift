import BetaltCore
import FluentKit
import Foundation

/// What follows a daily run: compose the notices it decided, then drain the outbox when an SMTP server is
/// configured (otherwise e-mails wait in the outbox, which survives restarts).
public struct DeliveryRound: Sendable {
    public let settings: DeliverySettings

    public init(settings: DeliverySettings) { self.settings = settings }

    /// `now` (default: the moment composing ends) decides which outbox messages are due.
    public func run(date: CivilDate, creditorID: UUID? = nil, now: Date? = nil, on database: any Database) async throws -> DeliveryRoundReport {
        let composer = NoticeComposer(settings: settings)
        var composed = try await composer.composePending(creditorID: creditorID, date: date, on: database)
        composed.composed += try await composer.composePlanReminders(creditorID: creditorID, date: date, on: database)
        // Payments that reached claims an agency holds are reported to it before anything else goes out.
        let corrections = try await AgencyMessages.correct(creditorID: creditorID, today: date, on: database)
        let agencyFiles = try await AgencyMessages.deliver(creditorID: creditorID, today: date, settings: settings, on: database)
        let letters = try await HeldLetters.revise(creditorID: creditorID, date: date, composer: composer, on: database)
        var delivered: DeliveryReport?
        if let smtp = settings.smtp {
            delivered = try await OutboxWorker(transport: SMTPTransport(settings: smtp), composer: composer)
                .drain(now: now ?? Date(), today: date, on: database)
        }
        return DeliveryRoundReport(
            composed: composed, delivered: delivered, lettersWithdrawn: letters.withdrawn, lettersRewritten: letters.rewritten,
            letterFailures: letters.failures, agencyCorrections: corrections, agencyFiles: agencyFiles.written,
            agencyFileFailures: agencyFiles.failures
        )
    }
}

/// The notices composed and the outbox's results, as printed by `betalt run` and `betalt deliver`.
public struct DeliveryRoundReport: Sendable {
    public let composed: ComposeReport
    /// Nil when no SMTP server is configured.
    public let delivered: DeliveryReport?
    /// Letters waiting to print withdrawn because none of their claims was still to be asked for.
    public var lettersWithdrawn = 0
    /// Letters waiting to print written again because their claims changed meanwhile.
    public var lettersRewritten = 0
    /// Held letters that could not be written again: they stay unprinted and are tried again next round.
    public var letterFailures: [String] = []
    /// Corrections written for agencies, and agency messages written to their folders.
    public var agencyCorrections = 0
    public var agencyFiles = 0
    public var agencyFileFailures: [String] = []

    public var text: String {
        var lines = ["notices composed: \(composed.composed)"]
        lines += composed.failures.map { "  not composed: \($0)" }
        if let delivered {
            lines.append(
                "e-mails sent: \(delivered.sent), retrying: \(delivered.retrying), failed: \(delivered.failed)"
                    + " (letters instead: \(delivered.lettersInstead)), interrupted: \(delivered.interrupted)"
                    + ", withdrawn (nothing left to ask for): \(delivered.withdrawn)"
                    + ", written again (claims changed meanwhile): \(delivered.rewritten)"
            )
        } else {
            lines.append("e-mails: no SMTP server configured (BETALT_SMTP_URL); they wait in the outbox")
        }
        if lettersWithdrawn > 0 { lines.append("letters withdrawn (nothing left to ask for): \(lettersWithdrawn)") }
        if lettersRewritten > 0 { lines.append("letters written again (claims changed meanwhile): \(lettersRewritten)") }
        lines += letterFailures.map { "  letter not written again: \($0)" }
        if agencyCorrections > 0 || agencyFiles > 0 {
            lines.append("agency corrections: \(agencyCorrections), agency files written: \(agencyFiles)")
        }
        lines += agencyFileFailures.map { "  agency file not written: \($0)" }
        return lines.joined(separator: "\n")
    }
}
