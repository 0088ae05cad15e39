/// Where a notice is on its way to the debtor.
public enum NoticeStatus: String, Sendable, CaseIterable {
    /// An e-mail waiting in the outbox (or being retried).
    case queued
    case sent
    /// A letter (PDF) waiting to be printed and posted.
    case toPrint
    case printed
    /// Could not be composed or delivered; the detail says why.
    case failed
    /// Delivery was interrupted while the server had the message: it may have arrived. Never resent
    /// automatically (each message at most once); a person decides.
    case uncertain
    /// Every claim the notice asks for was settled, handed over or stopped (`NoticeStanding`) before it went: not sent.
    case withdrawn
}

/// Where an outbox message is.
enum OutboxStatus: String {
    case pending, sending, sent, failed, uncertain, withdrawn
}
