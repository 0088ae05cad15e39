import BetaltStore
import CCurl
import Foundation

/// An agency that takes packages and messages over HTTPS: each file is POSTed whole to its URL, with the
/// agreement's bearer token, the file's name and its SHA-256; any 2xx answer means the agency has it.
/// Written on libcurl, which Betalt already uses for SMTP, rather than a second HTTP client.
public enum AgencyEndpoint {
    /// Whether `url` may receive case files: HTTPS, or plain HTTP only to this machine (a local relay or a test).
    public static func isAcceptable(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return false }
        switch components.scheme?.lowercased() {
        case "https": return true
        case "http": return host == "127.0.0.1" || host == "localhost" || host == "::1"
        default: return false
        }
    }

    /// Sends `content`; throws `HandoverRefused.endpointRefused` with the status or the transport error.
    public static func post(_ content: Data, fileName: String, mediaType: String, to url: String, token: String?, timeoutSeconds: Int = 60) throws {
        guard isAcceptable(url) else { throw HandoverRefused.endpointRefused("\(url) is not an https:// address") }
        guard curlGlobalInitResult == CURLE_OK, let handle = curl_easy_init() else {
            throw HandoverRefused.endpointRefused("libcurl could not be initialised")
        }
        defer { curl_easy_cleanup(handle) }
        var headers: UnsafeMutablePointer<curl_slist>?
        for header in [
            "Content-Type: \(mediaType)",
            "Content-Disposition: attachment; filename=\"\(fileName)\"",
            "X-Betalt-SHA256: \(sha256Hex(Array(content)))",
            "Expect:",
        ] + (token.map { ["Authorization: Bearer \($0)"] } ?? []) {
            headers = curl_slist_append(headers, header)
        }
        defer { curl_slist_free_all(headers) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        let code: CURLcode = content.withUnsafeBytes { body in
            var setup = CURLE_OK
            func set(_ result: CURLcode) { if setup == CURLE_OK { setup = result } }
            set(betalt_curl_setopt_string(handle, CURLOPT_URL, url))
            set(betalt_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "https,http"))
            set(betalt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
            set(betalt_curl_setopt_long(handle, CURLOPT_POST, 1))
            set(betalt_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: body.baseAddress)))
            set(betalt_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(content.count)))
            set(betalt_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers))
            set(betalt_curl_setopt_write_function(handle, discardAnswer))
            set(betalt_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
            set(betalt_curl_setopt_long(handle, CURLOPT_TIMEOUT, timeoutSeconds))
            set(betalt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, min(timeoutSeconds, 30)))
            guard setup == CURLE_OK else { return setup }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            let text = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
            throw HandoverRefused.endpointRefused("\(url): \(text)")
        }
        var status = 0
        _ = betalt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard (200..<300).contains(status) else { throw HandoverRefused.endpointRefused("\(url) answered HTTP \(status)") }
    }
}

/// The agency's answer body is not needed: its status says whether it took the file.
private let discardAnswer: betalt_curl_write_callback = { _, size, count, _ in size * count }
