import BetaltCore
import FluentKit
import Foundation

/// An agency update that was not taken, naming where it stood in what the agency sent; nothing of the
/// file or request was kept.
public struct AgencyUpdateRejected: Error, Sendable, Equatable, CustomStringConvertible {
    /// The update's place ("line 4", "/updates/2"), or nil when the problem is the whole file.
    public let place: String?
    public let message: String

    public init(place: String?, message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { place.map { "\($0): \(message)" } ?? message }
}

/// Takes agency updates into the ledger and the cases (issue 7), all of a file or request in one
/// transaction. An update the agency sent before (same key, same content) changes nothing, so an agency may
/// send its whole history again; the same key with other content is refused.
public enum AgencyUpdateIntake {
    /// An update and its place in the file or request.
    public struct Received: Sendable {
        public let update: AgencyUpdate
        public let place: String

        public init(update: AgencyUpdate, place: String) {
            self.update = update
            self.place = place
        }
    }

    /// What the intake did.
    public struct Summary: Sendable, Equatable {
        public var agencyName = ""
        public var applied = 0
        public var alreadyReceived = 0
        /// Applied updates per type (status, payment, remittance, fee, recallConfirmed).
        public var byType: [String: Int] = [:]
        /// Cases the agency closed or gave back with money still owed: the creditor's to follow up.
        public var returnedToCreditor = 0
    }

    /// The agency is the creditor's agency with `agencyID`, or the one whose agreement is
    /// `agreementReference`; when both are given they must agree.
    public static func receive(
        _ updates: [Received], agencyID: UUID?, agreementReference: String?, creditorID: UUID, source: String, today: CivilDate,
        by user: String, userID: UUID?, on database: any Database
    ) async throws -> Summary {
        try await database.writing { tx in
            let agency = try await agencyOf(agencyID: agencyID, agreementReference: agreementReference, creditorID: creditorID, on: tx)
            guard let creditor = try await CreditorRecord.find(creditorID, on: tx), let country = Country(rawValue: creditor.country) else {
                throw AgencyUpdateRejected(place: nil, message: "the creditor does not exist")
            }
            var summary = Summary(agencyName: agency.name)
            for received in updates {
                func reject(_ message: String) -> AgencyUpdateRejected { AgencyUpdateRejected(place: received.place, message: message) }
                let update = received.update
                if let earlier = try await AgencyUpdateRecord.query(on: tx).filter(\.$agencyID == agency.id!)
                    .filter(\.$updateKey == update.key).first() {
                    guard earlier.describes(update) else { throw reject("update \(update.key) was received before with other content") }
                    summary.alreadyReceived += 1
                    continue
                }
                guard let claimID = UUID(uuidString: update.claimID),
                      let handover = try await latestCase(claimID: claimID, agencyID: agency.id!, creditorID: creditorID, on: tx),
                      let claim = try await ClaimRecord.query(on: tx).filter(\.$id == claimID).filter(\.$creditorID == creditorID).first()
                else { throw reject("claim \(update.claimID) was never handed over to \(agency.name)") }
                let balances = try claim.balances()
                let effect: AgencyUpdateEffect
                do {
                    effect = try AgencyUpdateEffect.of(
                        update, caseState: handover.state, agencyStatus: handover.agencyStatus.flatMap(AgencyCaseStatus.init(rawValue:)),
                        balances: balances, country: country
                    )
                } catch let refused as AgencyUpdateRefused { throw reject("invoice \(claim.invoiceNumber): \(refused.message)") }
                let before = claim.lastSequence
                var after = before
                if !effect.entries.isEmpty {
                    after = before + Int64(effect.entries.count)
                    try await LedgerWriter.append(effect.entries, toClaim: claimID, creditorID: creditorID, on: tx)
                }
                handover.status = effect.caseState.rawValue
                if case .status(let status) = update.change {
                    handover.agencyStatus = status.rawValue
                    handover.agencyStatusOn = update.date.iso
                }
                try await handover.update(on: tx)
                if effect.returnsToCreditor { try await giveBack(handover, on: tx) }
                try await AgencyUpdateRecord(
                    update, agencyID: agency.id!, caseID: handover.id!, creditorID: creditorID, effect: effect.reason,
                    booked: after > before ? (before + 1, after) : nil, source: source, receivedOn: today
                ).create(on: tx)
                summary.applied += 1
                summary.byType[update.change.type, default: 0] += 1
                if effect.returnsToCreditor { summary.returnedToCreditor += 1 }
            }
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "agency.updates", subject: "agency \(agency.id!.uuidString)",
                detail: "\(summary.applied) updates from \(agency.name) taken (\(summary.alreadyReceived) received before) from \(source)"
            ).create(on: tx)
            return summary
        }
    }

    private static func agencyOf(agencyID: UUID?, agreementReference: String?, creditorID: UUID, on database: any Database) async throws -> AgencyRecord {
        var query = AgencyRecord.query(on: database).filter(\.$creditorID == creditorID)
        if let agencyID { query = query.filter(\.$id == agencyID) }
        if let agreementReference { query = query.filter(\.$agreementReference == agreementReference) }
        guard agencyID != nil || agreementReference != nil else {
            throw AgencyUpdateRejected(place: nil, message: "which agency sent the updates is not said (a CSV file does not name it): "
                + "choose the agency it came from (betalt import agency-updates --agency, or ?agreementReference= in the API)")
        }
        guard let agency = try await query.first() else {
            throw AgencyUpdateRejected(place: nil, message: agreementReference.map { "no agency of this creditor has the agreement '\($0)'" }
                ?? "the agency does not exist for this creditor")
        }
        return agency
    }

    /// The claim's case at this agency: the one it still holds, else the latest that was sent.
    private static func latestCase(claimID: UUID, agencyID: UUID, creditorID: UUID, on database: any Database) async throws -> HandoverCaseRecord? {
        let cases = try await HandoverCaseRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID == claimID).all()
        let sent = try await HandoverBatchRecord.query(on: database).filter(\.$id ~~ Set(cases.map(\.batchID)))
            .filter(\.$agencyID == agencyID).filter(\.$status == "sent").all()
        let sentOn = Dictionary(uniqueKeysWithValues: sent.map { ($0.id!, $0.sentOn ?? "") })
        return cases.filter { sentOn[$0.batchID] != nil }
            .max { ($0.state.isWithAgency ? 1 : 0, sentOn[$0.batchID]!) < ($1.state.isWithAgency ? 1 : 0, sentOn[$1.batchID]!) }
    }

    /// The case has ended with money owed: the claim is the creditor's again, at the stage its ladder left it.
    /// Its ladder has run out, so Betalt takes no step by itself; a person decides (call, plan, another agency).
    static func giveBack(_ handover: HandoverCaseRecord, on database: any Database) async throws {
        guard let claim = try await ClaimRecord.find(handover.claimID, on: database), claim.stage == ClaimStage.withAgency.rawValue else { return }
        claim.stage = ClaimStage.noticed.rawValue
        claim.nextActionDate = nil
        try await claim.update(on: database)
        if let act = try await CollectionActRecord.find(handover.actID, on: database) {
            act.deliveryStatus = handover.state == .recalled ? "recalled" : "returned"
            try await act.update(on: database)
        }
    }
}

extension AgencyUpdateRecord {
    convenience init(
        _ update: AgencyUpdate, agencyID: UUID, caseID: UUID, creditorID: UUID, effect: Reason, booked: (Int64, Int64)?, source: String,
        receivedOn: CivilDate
    ) {
        self.init()
        self.creditorID = creditorID
        self.agencyID = agencyID
        self.caseID = caseID
        claimID = UUID(uuidString: update.claimID)!
        updateKey = update.key
        kind = update.change.type
        if case .status(let status) = update.change { agencyStatus = status.rawValue }
        amountMinor = update.change.amount?.minorUnits
        currency = update.change.amount?.currency.code
        happenedOn = update.date.iso
        text = update.text
        self.effect = effect.citation.map { "\(effect.text) (\($0))" } ?? effect.text
        firstSequence = booked?.0
        lastSequence = booked?.1
        self.source = source
        self.receivedOn = receivedOn.iso
    }

    /// Whether `update` is the one recorded here: what a repeated key must match to be taken as a repeat.
    func describes(_ update: AgencyUpdate) -> Bool {
        var status: String?
        if case .status(let reported) = update.change { status = reported.rawValue }
        return claimID.uuidString.lowercased() == update.claimID.lowercased() && kind == update.change.type && happenedOn == update.date.iso
            && agencyStatus == status && amountMinor == update.change.amount?.minorUnits && currency == update.change.amount?.currency.code
    }
}
