import BetaltCore
import BetaltFormats
import BetaltStore
import Fluent
import Vapor

/// `POST /api/v1/agency-updates`: an agency's updates as JSON (schemas/agency-update-1.schema.json) or CSV
/// (`?agreementReference=` names the agency), all or nothing; updates received before change nothing.
enum AgencyUpdatesEndpoint {
    struct Answer: Content {
        let agency: String
        let applied: Int
        let alreadyReceived: Int
        let byType: [String: Int]
        let returnedToCreditor: Int
    }

    @Sendable
    static func post(_ request: Request) async throws -> Response {
        let client = try request.apiClient(requiring: .agencyUpdatesWrite)
        guard let creditor = try await CreditorRecord.find(client.creditorID, on: request.db) else {
            throw ApiFailure.unauthorized("the API token's creditor no longer exists")
        }
        guard let type = request.headers.contentType, type == .json || (type.type == "text" && type.subType == "csv") else {
            throw ApiFailure(status: .unsupportedMediaType, code: "unsupported_media_type",
                             message: "send agency updates as application/json or text/csv")
        }
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw ApiFailure.invalid([ApiFieldError(field: "", message: "the body is empty")])
        }
        let summary: AgencyUpdateIntake.Summary
        do {
            summary = try await AgencyUpdateImport.run(
                fileName: "request body", data: Data(buffer: buffer), creditorID: client.creditorID, agencyID: nil,
                agreementReference: try? request.query.get(String.self, at: "agreementReference"),
                today: request.application.betaltSettings.today(inTimeZone: creditor.timeZone), by: client.actor,
                userID: nil, on: request.db
            )
        } catch let error as FormatError {
            throw ApiFailure.invalid(error.all.map { ApiFieldError(field: $0.location.description, message: ($0.field.map { "\($0): " } ?? "") + $0.message) })
        } catch let rejected as AgencyUpdateRejected {
            throw ApiFailure.invalid([ApiFieldError(field: rejected.place ?? "", message: rejected.message)])
        }
        let response = Response(status: .ok)
        try response.content.encode(Answer(
            agency: summary.agencyName, applied: summary.applied, alreadyReceived: summary.alreadyReceived, byType: summary.byType,
            returnedToCreditor: summary.returnedToCreditor
        ), as: .json)
        return response
    }
}
