import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real SMTP server (aiosmtpd, `smtp_server.py` next to this file) on a free 127.0.0.1 port, with its
/// own maildir in a fresh temporary directory. Each test starts its own, so tests can run in parallel.
///
/// The Python interpreter is `python3` from PATH, or `BETALT_TEST_PYTHON` when set; it needs aiosmtpd
/// (`pip install aiosmtpd`).
final class SMTPTestServer {
    struct Options {
        var tlsCertificate: SMTPTestCertificate? = nil
        var requireStartTLS = false
        var implicitTLS = false
        var authUser: String? = nil
        var authPassword: String? = nil
        var authMechanism: String? = nil
    }

    /// What the server stored for one accepted message.
    struct Delivered {
        var raw: [UInt8]
        var sidecar: Sidecar
    }

    struct Sidecar: Decodable {
        var mailFrom: String
        var rcptTos: [String]
        var tls: Bool
        var authenticated: Bool
        var parsed: Parsed
    }

    /// The message as parsed by Python's `email` package (policy.default).
    struct Parsed: Decodable {
        struct Address: Decodable, Equatable {
            var name: String
            var address: String
        }
        struct Part: Decodable {
            var contentType: String
            var charset: String?
            var transferEncoding: String?
            var disposition: String?
            var filename: String?
            var text: String?
            var base64: String?
        }
        var subject: String
        var from: [Address]
        var to: [Address]
        var replyTo: [Address]
        var date: String
        var messageId: String
        var contentType: String
        var defects: [String]
        var parts: [Part]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    let directory: URL
    var maildir: URL { directory.appendingPathComponent("maildir") }
    var url: String { (options.implicitTLS ? "smtps" : "smtp") + "://127.0.0.1:\(port)" }
    private let options: Options
    private let process: Process

    static var scriptURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("smtp_server.py")
    }

    /// Starts the server and waits until its port accepts connections.
    init(_ options: Options = Options(), directory: URL? = nil) throws {
        let directory = try directory ?? makeSMTPTestDirectory()
        let port = try freeSMTPTestPort()
        self.options = options
        self.directory = directory
        self.port = port

        let maildir = directory.appendingPathComponent("maildir")
        var arguments = [Self.scriptURL.path, "--port", "\(port)", "--maildir", maildir.path]
        if let certificate = options.tlsCertificate {
            arguments += ["--tls-cert", certificate.certificatePath, "--tls-key", certificate.keyPath]
        }
        if options.requireStartTLS { arguments.append("--require-starttls") }
        if options.implicitTLS { arguments.append("--implicit-tls") }
        if let user = options.authUser {
            arguments += ["--auth-user", user, "--auth-password", options.authPassword ?? ""]
        }
        if let mechanism = options.authMechanism { arguments += ["--auth-mechanism", mechanism] }

        let logURL = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        defer { try? log.close() }

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let python = ProcessInfo.processInfo.environment["BETALT_TEST_PYTHON"] ?? "python3"
        process.arguments = [python] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()

        let deadline = Date().addingTimeInterval(20)
        while !canConnect(port: port) {
            if !process.isRunning || Date() > deadline {
                stop()
                let output = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
                throw Failure(description: "smtp_server.py did not start on port \(port):\n\(output)")
            }
            usleep(50_000)
        }
    }

    deinit {
        stop()
    }

    /// Stops the server (SIGTERM, then SIGKILL after 5 s). The directory is removed by `removeFiles()`.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    func removeFiles() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The accepted messages, in the order the server stored them.
    func delivered() throws -> [Delivered] {
        let new = maildir.appendingPathComponent("new")
        let names = try FileManager.default.contentsOfDirectory(atPath: new.path)
            .filter { $0.hasSuffix(".json") }
            .sorted { Int($0.dropLast(5)) ?? 0 < Int($1.dropLast(5)) ?? 0 }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try names.map { name in
            let base = String(name.dropLast(5))
            let raw = try Data(contentsOf: new.appendingPathComponent(base + ".eml"))
            let sidecar = try decoder.decode(Sidecar.self, from: Data(contentsOf: new.appendingPathComponent(name)))
            return Delivered(raw: Array(raw), sidecar: sidecar)
        }
    }
}

/// Runs `body` with a fresh server and removes it and its files afterwards.
func withSMTPServer<T>(_ options: SMTPTestServer.Options = .init(), directory: URL? = nil, _ body: (SMTPTestServer) throws -> T) throws -> T {
    let server = try SMTPTestServer(options, directory: directory)
    defer {
        server.stop()
        server.removeFiles()
    }
    return try body(server)
}

/// A self-signed certificate for 127.0.0.1, valid for a day.
struct SMTPTestCertificate {
    var certificatePath: String
    var keyPath: String

    /// Runs `openssl req -x509 …` into `directory`.
    static func make(in directory: URL) throws -> SMTPTestCertificate {
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SMTPTestServer.Failure(description: "openssl failed: \(text)")
        }
        return SMTPTestCertificate(certificatePath: certificate, keyPath: key)
    }
}

func makeSMTPTestDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("betalt-smtp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A TCP socket bound to a port of 127.0.0.1 the kernel picked, and that port.
private func boundLoopbackSocket() throws -> (fd: Int32, port: Int) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw SMTPTestServer.Failure(description: "socket() failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard bound == 0, named == 0 else {
        close(fd)
        throw SMTPTestServer.Failure(description: "could not bind a port on 127.0.0.1")
    }
    return (fd, Int(UInt16(bigEndian: address.sin_port)))
}

/// A port on 127.0.0.1 that nothing listens on right now (the kernel picks it; then it is released).
func freeSMTPTestPort() throws -> Int {
    let (fd, port) = try boundLoopbackSocket()
    close(fd)
    return port
}

/// Whether a TCP connection to 127.0.0.1:port succeeds.
private func canConnect(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    return result == 0
}

/// Parses message bytes with Python's `email` package (`smtp_server.py --parse`), without a server.
func parseMailWithPython(_ bytes: [UInt8]) throws -> SMTPTestServer.Parsed {
    let directory = try makeSMTPTestDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("message.eml")
    try Data(bytes).write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let python = ProcessInfo.processInfo.environment["BETALT_TEST_PYTHON"] ?? "python3"
    process.arguments = [python, SMTPTestServer.scriptURL.path, "--parse", file.path]
    let output = directory.appendingPathComponent("parsed.json")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    let data = try Data(contentsOf: output)
    guard process.terminationStatus == 0 else {
        throw SMTPTestServer.Failure(description: "smtp_server.py --parse failed: \(String(decoding: data, as: UTF8.self))")
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(SMTPTestServer.Parsed.self, from: data)
}

/// A socket on 127.0.0.1 that listens but never accepts or answers: a server that hangs.
final class SMTPSilentListener {
    let port: Int
    private let fd: Int32

    init() throws {
        let (fd, port) = try boundLoopbackSocket()
        guard listen(fd, 4) == 0 else {
            close(fd)
            throw SMTPTestServer.Failure(description: "could not listen")
        }
        self.fd = fd
        self.port = port
    }

    deinit {
        close(fd)
    }
}
