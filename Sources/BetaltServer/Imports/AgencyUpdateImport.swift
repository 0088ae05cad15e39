import BetaltCore
import BetaltFormats
import BetaltStore
import FluentKit
import Foundation

/// An agency update file (JSON or CSV) into the ledger and the cases, all or nothing: the same path for
/// the web upload, `betalt import agency-updates` and `POST /api/v1/agency-updates`.
public enum AgencyUpdateImport {
    /// Throws `FormatError` for a file that cannot be read and `AgencyUpdateRejected` for an update that
    /// cannot be taken, each naming the line or JSON path; nothing is kept then.
    public static func run(
        fileName: String, data: Data, creditorID: UUID, agencyID: UUID?, agreementReference: String?, today: CivilDate,
        by user: String, userID: UUID?, on database: any Database
    ) async throws -> AgencyUpdateIntake.Summary {
        let file = try AgencyUpdateFile.parse(data, fileName: fileName)
        if let stated = file.agreementReference, let given = agreementReference, stated != given {
            throw AgencyUpdateRejected(place: "/agreementReference", message: "the file is about agreement '\(stated)', not '\(given)'")
        }
        return try await AgencyUpdateIntake.receive(
            file.entries.map { AgencyUpdateIntake.Received(update: $0.update, place: $0.location.description) },
            agencyID: agencyID, agreementReference: file.agreementReference ?? agreementReference, creditorID: creditorID, source: fileName,
            today: today, by: user, userID: userID, on: database
        )
    }
}

extension AgencyUpdateIntake.Summary {
    /// One line for a person: "Inkasso AS: 4 updates taken (2 payments, 1 fee, 1 status), 1 received before".
    public var text: String {
        let kinds = byType.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var line = "\(agencyName): \(applied) \(applied == 1 ? "update" : "updates") taken" + (kinds.isEmpty ? "" : " (\(kinds))")
        if alreadyReceived > 0 { line += ", \(alreadyReceived) received before" }
        if returnedToCreditor > 0 { line += ", \(returnedToCreditor) cases back with the creditor" }
        return line
    }
}
