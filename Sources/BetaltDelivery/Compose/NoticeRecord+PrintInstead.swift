import BetaltCore
import BetaltStore
import FluentKit

extension NoticeRecord {
    /// Puts a notice that is not one of the run's (a plan's offer, a dispute's answer) on the print list in place of its
    /// e-mail: its letter is the same PDF whatever the channel, archived with it, and it asks for nothing the run counts.
    /// In the caller's transaction.
    func printInstead(to customer: CustomerRecord, detail: String, on database: any Database) async throws {
        channel = Channel.letter.rawValue
        status = NoticeStatus.toPrint.rawValue
        statusDetail = detail
        recipient = [customer.name, customer.addressLine, "\(customer.postalCode) \(customer.city)"]
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: ", ")
        try await update(on: database)
    }
}
