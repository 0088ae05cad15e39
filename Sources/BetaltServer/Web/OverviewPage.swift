import BetaltCore
import BetaltStore

/// The overview: the aging of open claims and the largest overdue claims.
struct OverviewPage: Encodable {
    let frame: PageFrame
    let aging: [AgingView]
    let largestOverdue: [ClaimRowView]
}

/// One currency's aging table and its bar chart, ready to print.
struct AgingView: Encodable {
    struct Line: Encodable {
        let bucket: String
        let label: String
        let count: Int
        let amount: String
        /// Bar geometry for the inline SVG chart, in chart units.
        let barY: Int
        let barWidth: Int
        let labelY: Int
    }

    let currency: String
    let lines: [Line]
    let totalCount: Int
    let totalAmount: String
    let chartHeight: Int

    static let chartWidth = 400

    static func make(_ summary: AgingSummary, language: Language, words: [String: String]) -> [AgingView] {
        summary.currencies.map { currency in
            let lines = summary.linesByCurrency[currency] ?? []
            let largest = max(1, lines.map(\.open.minorUnits).max() ?? 1)
            return AgingView(
                currency: currency.code,
                lines: lines.enumerated().map { index, line in
                    Line(
                        bucket: line.bucket.rawValue, label: words[line.bucket.rawValue] ?? line.bucket.rawValue,
                        count: line.count, amount: line.open.formatted(language), barY: index * 28 + 4,
                        barWidth: Int(max(0, line.open.minorUnits) * Int64(chartWidth) / largest),
                        labelY: index * 28 + 20
                    )
                },
                totalCount: lines.reduce(0) { $0 + $1.count },
                totalAmount: summary.total(currency).formatted(language),
                chartHeight: lines.count * 28 + 4
            )
        }
    }
}
