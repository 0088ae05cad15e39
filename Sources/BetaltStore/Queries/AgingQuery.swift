import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// The open amount and count of claims in one aging bucket and currency.
public struct AgingLine: Sendable, Equatable {
    public let bucket: AgingBucket
    public let count: Int
    public let open: Money
}

/// The aging summary of a creditor's open claims, per currency, every bucket present (zero when empty).
public struct AgingSummary: Sendable, Equatable {
    public let today: CivilDate
    public let linesByCurrency: [Currency: [AgingLine]]

    public var currencies: [Currency] { linesByCurrency.keys.sorted { $0.code < $1.code } }

    public func total(_ currency: Currency) -> Money {
        Money(minorUnits: (linesByCurrency[currency] ?? []).reduce(0) { $0 + $1.open.minorUnits }, currency: currency)
    }

    /// Groups in the database; bucket bounds come from `AgingBucket` so the SQL and the domain agree.
    public static func load(creditorID: UUID, today: CivilDate, on database: any Database) async throws -> AgingSummary {
        let sql = database as! any SQLDatabase
        let d30 = AgingBucket.earliestDueDate(of: .days1to30, today: today)!.iso
        let d60 = AgingBucket.earliestDueDate(of: .days31to60, today: today)!.iso
        let d90 = AgingBucket.earliestDueDate(of: .days61to90, today: today)!.iso
        let rows = try await sql.raw("""
            SELECT currency,
                   CASE WHEN due_date >= \(bind: today.iso) THEN 'notDue'
                        WHEN due_date >= \(bind: d30) THEN 'days1to30'
                        WHEN due_date >= \(bind: d60) THEN 'days31to60'
                        WHEN due_date >= \(bind: d90) THEN 'days61to90'
                        ELSE 'over90' END AS bucket,
                   COUNT(*) AS n,
                   CAST(SUM(open_minor) AS BIGINT) AS open_minor
            FROM claims
            WHERE creditor_id = \(bind: creditorID) AND stage <> 'closed'
            GROUP BY currency, bucket
            """).all()
        var found: [Currency: [AgingBucket: AgingLine]] = [:]
        for row in rows {
            let currency = try Currency.named(try row.decode(column: "currency", as: String.self))
            guard let bucket = AgingBucket(rawValue: try row.decode(column: "bucket", as: String.self)) else { continue }
            found[currency, default: [:]][bucket] = AgingLine(
                bucket: bucket,
                count: try row.decode(column: "n", as: Int.self),
                open: Money(minorUnits: try row.decode(column: "open_minor", as: Int64.self), currency: currency)
            )
        }
        var lines: [Currency: [AgingLine]] = [:]
        for (currency, byBucket) in found {
            lines[currency] = AgingBucket.allCases.map {
                byBucket[$0] ?? AgingLine(bucket: $0, count: 0, open: .zero(currency))
            }
        }
        return AgingSummary(today: today, linesByCurrency: lines)
    }
}
