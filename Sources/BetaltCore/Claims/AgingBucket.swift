/// The aging buckets of an open-claims summary: by whole calendar days past the due date.
public enum AgingBucket: String, Sendable, Codable, CaseIterable, Comparable {
    case notDue
    case days1to30
    case days31to60
    case days61to90
    case over90

    /// Paying on the due date is on time, so a claim is one day overdue the day after its due date.
    public static func of(dueDate: CivilDate, today: CivilDate) -> AgingBucket {
        let overdue = dueDate.days(until: today)
        switch overdue {
        case ..<1: return .notDue
        case 1...30: return .days1to30
        case 31...60: return .days31to60
        case 61...90: return .days61to90
        default: return .over90
        }
    }

    /// The earliest due date that still falls in this bucket on `today` (nil: no lower bound).
    /// Lets a database group by comparing ISO dates instead of doing date arithmetic in SQL dialects.
    public static func earliestDueDate(of bucket: AgingBucket, today: CivilDate) -> CivilDate? {
        switch bucket {
        case .notDue: today
        case .days1to30: today.adding(days: -30)
        case .days31to60: today.adding(days: -60)
        case .days61to90: today.adding(days: -90)
        case .over90: nil
        }
    }

    public static func < (lhs: AgingBucket, rhs: AgingBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
