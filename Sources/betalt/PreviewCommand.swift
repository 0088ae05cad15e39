import ArgumentParser
import BetaltCore
import BetaltServer
import BetaltStore
import FluentKit
import Foundation

/// `betalt preview CLAIM`: what the planner would do with a claim over the coming days, and why.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Show a claim's planned follow-up for the next days, with reasons."
    )

    @Argument(help: "The claim: its id or its invoice number.") var claim: String
    @Option(help: "The creditor id, when an invoice number exists for several creditors.") var creditor: String?
    @Option(help: "The first day of the preview, YYYY-MM-DD (default: BETALT_TODAY or today in Oslo).") var date: String?
    @Option(help: "How many days to look ahead.") var days = 90

    func run() async throws {
        let settings = try ServerSettings.fromEnvironment()
        let today = try date.map { try CivilDate(iso: $0) } ?? settings.today(inTimeZone: Country.norway.timeZoneIdentifier)
        let text = try await VaporApplication.with(settings) { app in
            var query = ClaimRecord.query(on: app.db)
            if let id = UUID(uuidString: claim) { query = query.filter(\.$id == id) } else { query = query.filter(\.$invoiceNumber == claim) }
            if let creditor {
                guard let creditorID = UUID(uuidString: creditor) else { throw ValidationError("--creditor '\(creditor)' is not a creditor id") }
                query = query.filter(\.$creditorID == creditorID)
            }
            let found = try await query.all()
            guard let record = found.first else { throw ValidationError("No claim '\(claim)' found.") }
            guard found.count == 1 else {
                throw ValidationError("'\(claim)' names claims of \(found.count) creditors: add --creditor with one of \(found.map(\.creditorID.uuidString).joined(separator: ", ")).")
            }
            let followUp = try await ClaimFollowUp.load(
                claimID: try record.requireID(), creditorID: record.creditorID, today: today, days: days, on: app.db
            )
            return Self.describe(record, followUp, from: today)
        }
        print(text)
    }

    static func describe(_ claim: ClaimRecord, _ followUp: ClaimFollowUp, from today: CivilDate) -> String {
        var lines = ["Claim \(claim.invoiceNumber), due \(claim.dueDate), stage \(claim.stage)" + (followUp.ladder.map { ", ladder \($0.name)" } ?? "")]
        if followUp.preview.isEmpty { lines.append("Nothing planned: the claim is closed or with an agency.") }
        for plan in followUp.preview {
            for decision in plan.decisions { lines.append("\(plan.date.iso)  \(PlanText.line(decision))") }
        }
        return lines.joined(separator: "\n")
    }
}
