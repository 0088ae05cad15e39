import BetaltCore
import FluentKit
import Foundation

/// What the agreements' review found before a daily run.
public struct AgreementReviewReport: Sendable, Equatable {
    public var promisesKept = 0
    public var promisesBroken = 0
    public var plans = PlanReviewReport()

    /// Whether the review kept, broke, completed, reminded, ended or lapsed anything.
    public var changedAnything: Bool {
        promisesKept + promisesBroken + plans.completed + plans.reminded + plans.breached + plans.lapsed > 0
    }

    public var text: String {
        "promises kept: \(promisesKept), broken: \(promisesBroken); plans completed: \(plans.completed), reminded: \(plans.reminded),"
            + " ended: \(plans.breached), offers lapsed: \(plans.lapsed)"
    }
}

/// Runs before the ladder looks at a day's claims, so a broken promise or plan resumes it the same day:
/// promises whose date has passed are kept or broken, and payment plans are reviewed.
public enum AgreementReview {
    public static func run(creditorID: UUID? = nil, today: CivilDate, on database: any Database) async throws -> AgreementReviewReport {
        let promises = try await Promises.review(creditorID: creditorID, today: today, on: database)
        let plans = try await PaymentPlans.review(creditorID: creditorID, today: today, on: database)
        return AgreementReviewReport(promisesKept: promises.kept, promisesBroken: promises.broken, plans: plans)
    }
}
