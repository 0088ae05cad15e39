@testable import BetaltServer
import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite("Agency updates through the API and the Inkasso page, corrections after a KID payment, recalls")
struct AgencyUpdatesTests {
    /// A claim of the Norwegian creditor as it stands once its package was sent to a download agency: the state
    /// `Handovers.send` leaves (the whole path is tested in AgencyAfterHandoverTests).
    static func handedOver(_ test: TestApp) async throws -> (creditor: CreditorRecord, claim: ClaimRecord, agency: AgencyRecord) {
        let creditor = try #require(try await CreditorRecord.query(on: test.app.db).filter(\.$country == "NO").first())
        let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$creditorID == creditor.id!)
            .filter(\.$openMinor > 100_000).filter(\.$paymentReference != nil).sort(\.$invoiceNumber).first())
        let agency = AgencyRecord()
        agency.creditorID = creditor.id!
        agency.name = "Nordisk Inkasso AS"
        agency.agreementReference = "AVT-9"
        agency.delivery = "download"
        agency.target = ""
        agency.autoSend = false
        try await agency.create(on: test.app.db)
        let act = CollectionActRecord()
        act.creditorID = creditor.id!
        act.claimID = claim.id!
        act.customerID = claim.customerID
        act.stepID = "handover"
        act.kind = "handover"
        act.actDate = "2026-11-01"
        act.currency = claim.currency
        act.feeMinor = 0
        act.compensationMinor = 0
        act.interestMinor = 0
        act.amountDueMinor = claim.openMinor
        act.groupKey = "\(claim.customerID.uuidString)/handover/2026-11-01"
        act.reasons = "[]"
        act.deliveryStatus = "handedOver"
        try await act.create(on: test.app.db)
        let batch = HandoverBatchRecord()
        batch.creditorID = creditor.id!
        batch.agencyID = agency.id!
        batch.status = "sent"
        batch.createdOn = "2026-11-02"
        batch.sentOn = "2026-11-02"
        batch.caseCount = 1
        batch.fileName = "handover-2026-11-02.zip"
        batch.content = Data()
        batch.sha256 = ""
        try await batch.create(on: test.app.db)
        let entry = HandoverCaseRecord()
        entry.creditorID = creditor.id!
        entry.batchID = batch.id!
        entry.claimID = claim.id!
        entry.actID = act.id!
        entry.status = "active"
        entry.reportedSequence = claim.lastSequence
        try await entry.create(on: test.app.db)
        claim.stage = ClaimStage.withAgency.rawValue
        claim.nextActionDate = nil
        try await claim.update(on: test.app.db)
        return (creditor, claim, agency)
    }

    @Test("POST /api/v1/agency-updates takes JSON and CSV once; a bad update is a 422 naming it; the scope is needed", arguments: TestEngine.allCases)
    func api(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (creditor, claim, _) = try await Self.handedOver(test)
            let id = claim.id!.uuidString.lowercased()
            let token = try await test.issueToken(for: creditor.id!, scopes: [.agencyUpdatesWrite])
            let json = #"{"format": "betalt-agency-update", "version": 1, "agreementReference": "AVT-9", "updates": [{"updateID": "U-1", "claimID": "\#(id)", "date": "2026-11-10", "type": "status", "status": "registered"}, {"updateID": "U-2", "claimID": "\#(id)", "date": "2026-11-12", "type": "fee", "amount": {"minorUnits": 35000, "currency": "NOK"}}]}"#
            var answer = try await test.api(.POST, "/api/v1/agency-updates", token: token, body: json)
            #expect(answer.status == .ok)
            let taken = try answer.decode(AgencyUpdatesEndpoint.Answer.self)
            #expect(taken.agency == "Nordisk Inkasso AS" && taken.applied == 2 && taken.byType == ["status": 1, "fee": 1])
            #expect(try await ClaimRecord.find(claim.id!, on: test.app.db)?.openMinor == claim.openMinor + 35_000)
            answer = try await test.api(.POST, "/api/v1/agency-updates", token: token, body: json)
            #expect(try answer.decode(AgencyUpdatesEndpoint.Answer.self).alreadyReceived == 2)

            let csv = "update_id,claim_id,date,type,amount,currency\nU-3,\(id),2026-11-20,payment,\"100,00\",NOK\n"
            answer = try await test.api(.POST, "/api/v1/agency-updates", token: token, body: csv, contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(answer.status == .unprocessableEntity && answer.problem?.errors?.first?.message.contains("choose the agency") == true,
                    "a CSV body must say which agency sent it")
            answer = try await test.api(.POST, "/api/v1/agency-updates?agreementReference=AVT-9", token: token, body: csv,
                                        contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(answer.status == .ok)
            #expect(try answer.decode(AgencyUpdatesEndpoint.Answer.self).byType == ["payment": 1])

            let bad = json.replacingOccurrences(of: "\"registered\"", with: "\"sued\"").replacingOccurrences(of: "U-1", with: "U-9")
            answer = try await test.api(.POST, "/api/v1/agency-updates", token: token, body: bad)
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.problem?.errors?.first?.field == "/updates/0/status")
            let unknown = json.replacingOccurrences(of: "AVT-9", with: "AVT-404")
            answer = try await test.api(.POST, "/api/v1/agency-updates", token: token, body: unknown)
            #expect(answer.status == .unprocessableEntity && answer.problem?.errors?.first?.message.contains("'AVT-404'") == true)
            let paymentsOnly = try await test.issueToken(for: creditor.id!, scopes: [.paymentsWrite])
            #expect(try await test.api(.POST, "/api/v1/agency-updates", token: paymentsOnly, body: json).status == .forbidden)
        }
    }

    @Test("a KID payment on a claim with an agency makes a correction to fetch; the Inkasso page takes an update file and recalls the case",
          arguments: TestEngine.allCases)
    func pageAndCorrection(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (creditor, claim, agency) = try await Self.handedOver(test)
            let token = try await test.issueToken(for: creditor.id!, scopes: [.paymentsWrite])
            let payment = #"{"amount": "400.00", "currency": "NOK", "date": "2026-11-21", "references": ["\#(claim.paymentReference!)"]}"#
            let paid = try await test.api(.POST, "/api/v1/payments", token: token, body: payment)
            #expect(paid.status == .created)
            let correction = try #require(try await AgencyMessageRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).first())
            #expect(correction.kind == "correction" && correction.status == "ready", "a download agency's correction waits to be fetched")

            let cookie = try await test.logIn()
            let page = "/creditors/\(creditor.id!)/handover"
            var (status, body) = try await test.get(page, headers: cookie)
            #expect(status == .ok && body.contains("id=\"case-list\"") && body.contains(claim.invoiceNumber))
            #expect(body.contains("id=\"message-list\"") && body.contains(correction.fileName))
            (status, body) = try await test.get("\(page)/messages/\(correction.id!)/\(correction.fileName)", headers: cookie)
            #expect(status == .ok && body.contains("\"kind\" : \"correction\""))
            #expect(try await AgencyMessageRecord.find(correction.id!, on: test.app.db)?.status == "delivered")

            let csrf = try await test.csrfToken(from: page, headers: cookie)
            let id = claim.id!.uuidString.lowercased()
            let csv = Data("update_id;claim_id;date;type;status\nW-1;\(id);2026-11-21;status;paymentDemandSent\n".utf8)
            (status, body) = try await test.postMultipart(page + "/updates", fields: [("csrf", csrf), ("agency", agency.id!.uuidString)],
                                                          files: [("file", "fra-byraa.csv", csv)], headers: cookie)
            #expect(status == .ok && body.contains("id=\"update-result\"") && body.contains("Nordisk Inkasso AS — Oppdateringer tatt inn: 1 (status 1)"))
            #expect(body.contains("Betalingsoppfordring sendt"))
            let broken = Data("update_id;claim_id;date;type\nW-2;\(id);2026-13-01;status\n".utf8)
            (status, body) = try await test.postMultipart(page + "/updates", fields: [("csrf", csrf), ("agency", agency.id!.uuidString)],
                                                          files: [("file", "feil.csv", broken)], headers: cookie)
            #expect(status == .unprocessableEntity && body.contains("id=\"update-error\"") && body.contains("feil.csv, line 2, column 3"))

            (status, _) = try await test.postForm("\(page)/claims/\(claim.id!)/recall", ["csrf": csrf, "reason": "Kunden har tatt kontakt"], headers: cookie)
            #expect(status == .seeOther)
            let recall = try #require(try await AgencyMessageRecord.query(on: test.app.db).filter(\.$kind == "recall").first())
            #expect(String(decoding: recall.content, as: UTF8.self).contains("Kunden har tatt kontakt"))
            (status, _) = try await test.postForm("\(page)/claims/\(claim.id!)/recall", ["csrf": csrf], headers: cookie)
            #expect(status == .conflict, "a recall waiting for the agency is not asked twice")
            (_, body) = try await test.get("/creditors/\(creditor.id!)/claims/\(claim.id!)", headers: cookie)
            #expect(body.contains("Hos inkasso") && body.contains("Til inkassobyrå"), "the claim's status and timeline show the agency")

            // The debtor is sent to the agency: no KID to pay the creditor, no promise or plan with the creditor.
            let customer = try #require(try await CustomerRecord.find(claim.customerID, on: test.app.db))
            (_, body) = try await test.get("/d/\(try await test.link(for: customer))", headers: [:])
            #expect(body.contains("overlatt til et inkassobyrå") && !body.contains(claim.paymentReference!))
            await #expect(throws: PromiseRefused.withAgency) {
                try await Promises.make(claimIDs: [claim.id!], creditorID: creditor.id!, payBy: TestApp.today.adding(days: 10), amount: nil,
                                        reason: "", madeBy: "debtor", userID: nil, on: TestApp.today, database: test.app.db)
            }
            #expect(try await PaymentPlans.eligibleClaims(customerID: customer.id!, creditorID: creditor.id!, on: test.app.db)
                .allSatisfy { $0.id != claim.id })
        }
    }
}
