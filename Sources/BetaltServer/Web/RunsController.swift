import BetaltCore
import BetaltStore
import Foundation
import Vapor

/// The Runs page: each day of the daily run for the creditor, what it did, and one day's report in full.
struct RunsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let runs = routes.grouped("creditors", ":creditorID", "runs")
        runs.get(use: list)
        runs.get(":date", use: day)
    }

    func list(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        let words = Translations.words(context.language)
        let listed = try await CreditorRunDays.page(
            creditorID: context.creditorID, page: max(1, req.query[Int.self, at: "page"] ?? 1), on: req.db
        )
        let base = "/creditors/\(context.creditorID.uuidString)/runs"
        let (page, pageCount) = (listed.page, listed.pageCount)
        return try await req.view.render("runs", RunsPage(
            frame: context.frame(req, title: words["runs"]!, section: "runs"),
            days: listed.rows.map { RunDayLine($0, base: base, context: context, words: words) }, hasDays: !listed.rows.isEmpty, day: nil,
            totalCount: listed.totalCount, page: page, pageCount: pageCount,
            previousHref: page > 1 ? "\(base)?page=\(page - 1)" : nil, nextHref: page < pageCount ? "\(base)?page=\(page + 1)" : nil
        ))
    }

    func day(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        let words = Translations.words(context.language)
        guard let date = req.parameters.get("date").flatMap({ try? CivilDate(iso: $0) }),
              let day = try await CreditorRunDays.day(creditorID: context.creditorID, date: date.iso, on: req.db)
        else { throw Abort(.notFound) }
        let base = "/creditors/\(context.creditorID.uuidString)/runs"
        return try await req.view.render("runs", RunsPage(
            frame: context.frame(req, title: "\(words["runs"]!) \(date.formatted(context.language))", section: "runs"),
            days: [], hasDays: false, day: RunDayReport(day, line: RunDayLine(day, base: base, context: context, words: words), language: context.language),
            totalCount: 0, page: 1, pageCount: 1, previousHref: nil, nextHref: nil
        ))
    }
}

/// The Runs page: the list of days, or one day's report.
struct RunsPage: Encodable {
    let frame: PageFrame
    let days: [RunDayLine]
    let hasDays: Bool
    let day: RunDayReport?
    let totalCount: Int
    let page: Int
    let pageCount: Int
    let previousHref: String?
    let nextHref: String?
}

/// One day of the run as a line of the list.
struct RunDayLine: Encodable {
    let href: String
    let date: String
    let status: StatusBadge
    let claims: Int?
    let steps: String
    let fees: String
    let interest: String
    let refused: Int?
    let attention: Int?
    let started: String?
    let finished: String?
    let worker: String

    init(_ day: CreditorRunDays.Day, base: String, context: CreditorContext, words: [String: String]) {
        let language = context.language
        href = "\(base)/\(day.date)"
        date = (try? CivilDate(iso: day.date))?.formatted(language) ?? day.date
        // A day still held after its worker's lease ran out was interrupted: the next run takes it over.
        let state = day.status == "done" ? "done" : day.leaseUntil < Date() ? "interrupted" : "running"
        status = StatusBadge(label: words["run.\(state)"]!, tone: state == "done" ? "good" : state == "interrupted" ? "danger" : "neutral")
        let report = day.report
        claims = report?.claimsConsidered
        steps = (report?.acts ?? [:]).sorted { $0.key < $1.key }
            .map { "\(words["step.\($0.key)"] ?? $0.key) \($0.value)" }.joined(separator: " · ")
        func amounts(_ totals: [String: Int64]?) -> String {
            (totals ?? [:]).sorted { $0.key < $1.key }.map { code, minor in
                (try? Currency.named(code)).map { Money(minorUnits: minor, currency: $0).formatted(language) } ?? "\(minor) \(code)"
            }.joined(separator: ", ")
        }
        fees = amounts(report?.feesCharged)
        interest = amounts(report?.interestCharged)
        refused = report.map { $0.refusals.values.reduce(0, +) }
        attention = report.map { $0.attention.values.reduce(0, +) }
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm:ss"
        clock.timeZone = TimeZone(identifier: context.creditor.timeZone) ?? .current
        started = day.startedAt.map(clock.string(from:))
        finished = day.finishedAt.map(clock.string(from:))
        worker = day.worker
    }
}

/// One day's report in full: the line's figures, and each refusal and call for attention with how often it came.
struct RunDayReport: Encodable {
    struct Count: Encodable {
        let text: String
        let count: Int
    }

    let line: RunDayLine
    let waits: Int?
    let stops: Int?
    let refusals: [Count]
    let attention: [Count]

    init(_ day: CreditorRunDays.Day, line: RunDayLine, language: Language) {
        self.line = line
        waits = day.report?.waits
        stops = day.report?.stops
        func counts(_ keys: [String: Int]?) -> [Count] {
            (keys ?? [:]).map { key, count in Count(text: CreditorRunReport.reason(ofKey: key).shownCited(in: language), count: count) }
                .sorted { ($1.count, $0.text) < ($0.count, $1.text) }
        }
        refusals = counts(day.report?.refusals)
        attention = counts(day.report?.attention)
    }
}
