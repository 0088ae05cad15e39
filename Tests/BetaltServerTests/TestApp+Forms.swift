import BetaltServer
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

/// The message a refused form shows next to the field whose error paragraph has the id `id`, if any.
func fieldError(_ id: String, in page: String) -> String? {
    page.firstMatch(of: try! Regex("<p class=\"field-error\" id=\"\(id)\"[^>]*>([^<]*)</p>"))
        .map { String($0.output[1].substring ?? "") }
}

/// Posting the signed-in forms as a browser does: with the page's CSRF token, urlencoded or as a file upload.
extension TestApp {
    /// The CSRF token the page at `path` put in its forms.
    func csrfToken(from path: String, headers: HTTPHeaders) async throws -> String {
        let (status, body) = try await get(path, headers: headers)
        #expect(status == .ok)
        let match = try #require(body.firstMatch(of: /name="csrf" value="([^"]+)"/))
        return String(match.1)
    }

    func postForm(_ path: String, _ fields: [String: String], headers: HTTPHeaders) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, path, headers: headers, beforeRequest: { req in
            try req.content.encode(fields, as: .urlEncodedForm)
        }, afterResponse: { res async in
            result = (res.status, res.body.string)
        })
        return result
    }

    /// Uploads one file as `multipart/form-data`, with the CSRF field when `csrf` is given.
    func upload(_ path: String, fileName: String, data: Data, csrf: String?, headers: HTTPHeaders) async throws -> (HTTPStatus, String) {
        try await postMultipart(path, fields: csrf.map { [("csrf", $0)] } ?? [], files: [("file", fileName, data)], headers: headers)
    }

    /// Posts fields and files as `multipart/form-data`, as a browser sends a form with file inputs.
    func postMultipart(
        _ path: String, fields: [(String, String)], files: [(field: String, name: String, data: Data)], headers: HTTPHeaders
    ) async throws -> (HTTPStatus, String) {
        let boundary = "betalt-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.data)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var all = headers
        all.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, path, headers: all, body: body) { res async in
            result = (res.status, res.body.string)
        }
        return result
    }
}
