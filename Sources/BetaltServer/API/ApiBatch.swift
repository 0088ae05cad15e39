import Vapor

/// The items of a request body that is one object or `{"<key>": [object, …]}`, each with its JSON pointer.
enum ApiBatch {
    static let maximumItems = 1000

    static func items(of request: Request, key: String, validation: inout FieldValidation) throws -> [(object: [String: JSONValue], pointer: String)] {
        let body = try self.body(of: request)
        guard case .object(let object) = body else {
            validation.fail("", "must be an object, not \(body.typeName)")
            return []
        }
        guard let list = object[key] else { return [(object, "")] }
        guard case .array(let values) = list, !values.isEmpty, values.count <= maximumItems else {
            validation.fail("/\(key)", "must be an array of 1 to \(maximumItems) objects")
            return []
        }
        validation.refuseUnknown(in: object, known: [key], at: "")
        return values.enumerated().compactMap { index, value in
            guard case .object(let item) = value else {
                validation.fail("/\(key)/\(index)", "must be an object, not \(value.typeName)")
                return nil
            }
            return (item, "/\(key)/\(index)")
        }
    }

    /// The request's JSON body: a 422 when it is empty, a 400 when it is not JSON.
    static func body(of request: Request) throws -> JSONValue {
        guard let buffer = request.body.data else { throw ApiFailure.invalid([ApiFieldError(field: "", message: "the body is empty")]) }
        do { return try JSONDecoder().decode(JSONValue.self, from: buffer) } catch {
            throw ApiFailure(status: .badRequest, code: "bad_request", message: "the body is not well-formed JSON")
        }
    }
}
