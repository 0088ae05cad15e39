/// How much a debtor's private page takes in a day. The page is reached by a link without a password, so a
/// link that leaks (or a script) must not fill the work queue and the archive: a person answers within days,
/// and a real debtor rarely needs more than a few messages or disputes a day.
public enum DebtorSubmissions {
    /// Messages per customer and day.
    public static let perDay = 5
    /// Files added to disputes (up to 10 MB each) per customer in the last 24 hours. A dispute per claim is
    /// already one at a time: sending it again returns the open one, with any new files added.
    public static let disputeFilesPerDay = 10

    /// The customer has sent as many as the page takes today.
    public struct TooMany: Error, Equatable, Sendable {
        public let limit: Int
    }
}
