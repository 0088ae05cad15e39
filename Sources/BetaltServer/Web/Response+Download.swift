import Foundation
import Vapor

extension Response {
    /// A file for the browser to save rather than show: its type, its name, and no type sniffing, so an
    /// uploaded file is never run as a page.
    static func download(_ data: Data, fileName: String, mediaType: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
