import BetaltStore
import FluentKit
import Foundation

extension DeliveryEventRecord {
    /// Appends one piece of delivery evidence for a notice (events are never changed afterwards).
    static func append(
        to notice: (id: UUID, creditorID: UUID), outboxID: UUID? = nil, outcome: String, detail: String, now: Date,
        on database: any Database
    ) async throws {
        let event = DeliveryEventRecord()
        event.creditorID = notice.creditorID
        event.noticeID = notice.id
        event.outboxID = outboxID
        event.happenedAt = Instant.iso(now)
        event.outcome = outcome
        event.detail = detail
        try await event.create(on: database)
    }
}
