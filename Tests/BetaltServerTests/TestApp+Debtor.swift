import BetaltCore
import BetaltDelivery
import BetaltStore
import Fluent
import Foundation
import Testing

/// A debtor's private link, as the tests of the debtor's page need one.
extension TestApp {
    /// A Monday: the planner acts on business days only.
    static let runDate = try! CivilDate(2026, 11, 23)
    static let delivery = DeliverySettings(publicBaseURL: "https://betalt.example", mailFrom: "varsel@betalt.example")

    /// Runs the Monday and writes its notices, so customers have letters; returns a link for a customer
    /// who has open claims and a letter, and that customer.
    func debtorWithLetters() async throws -> (token: String, customer: CustomerRecord) {
        _ = try await DailyRun(date: Self.runDate).run(on: app.db)
        _ = try await NoticeComposer(settings: Self.delivery).composePending(date: Self.runDate, on: app.db)
        let notice = try #require(try await NoticeRecord.query(on: app.db).filter(\.$channel == "letter").sort(\.$groupKey).first())
        let customer = try #require(try await CustomerRecord.find(notice.customerID, on: app.db))
        return (try await link(for: customer), customer)
    }

    /// A fresh private link for `customer`.
    func link(for customer: CustomerRecord) async throws -> String {
        let link = DebtorLink.issue(customerID: customer.id!, creditorID: customer.creditorID, date: Self.runDate, settings: Self.delivery)
        try await link.record.create(on: app.db)
        return String(link.url.split(separator: "/").last!)
    }
}
