import Foundation

/// A real HTTP server standing in for an agency's endpoint: Python's http.server, which keeps every POST it
/// receives (body and headers) in a folder and answers 201, or 503 on paths under /down.
public final class AgencyEndpointServer: @unchecked Sendable {
    public let folder: URL
    public let port: Int
    private let process: Process

    /// One request as the server received it.
    public struct Received: Sendable {
        public let path: String
        public let headers: [String: String]
        public let body: Data
    }

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("agency-endpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let portFile = folder.appendingPathComponent("port")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import http.server, json, os, sys
            folder = sys.argv[1]
            class Handler(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    body = self.rfile.read(int(self.headers["Content-Length"]))
                    if self.path.startswith("/down"):
                        self.send_response(503); self.end_headers(); return
                    n = len([f for f in os.listdir(folder) if f.endswith(".body")])
                    open(os.path.join(folder, f"{n:04d}.body"), "wb").write(body)
                    json.dump({"path": self.path, "headers": dict(self.headers)}, open(os.path.join(folder, f"{n:04d}.json"), "w"))
                    self.send_response(201); self.end_headers(); self.wfile.write(b'{"received": true}')
                def log_message(self, *args): pass
            server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
            server.timeout = 0.2
            open(sys.argv[2] + ".part", "w").write(str(server.server_address[1])); os.rename(sys.argv[2] + ".part", sys.argv[2])
            while not os.path.exists(os.path.join(folder, "stop")):
                server.handle_request()
            """, folder.path, portFile.path]
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: portFile.path) {
            guard Date() < deadline, process.isRunning else { throw CocoaError(.fileNoSuchFile) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        port = Int(try String(contentsOf: portFile, encoding: .utf8)) ?? 0
    }

    public var url: String { "http://127.0.0.1:\(port)" }

    /// Every POST kept so far, oldest first.
    public func received() throws -> [Received] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".body") }.sorted().map { name in
            let stem = folder.appendingPathComponent(String(name.dropLast(5)))
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: stem.appendingPathExtension("json"))) as? [String: Any] ?? [:]
            return Received(
                path: meta["path"] as? String ?? "", headers: (meta["headers"] as? [String: String]) ?? [:],
                body: try Data(contentsOf: folder.appendingPathComponent(name))
            )
        }
    }

    /// Asks the server to finish (it looks for a `stop` file between requests) and waits for it.
    public func stop() {
        // Without the stop file the server would serve on until the process ends.
        if !FileManager.default.createFile(atPath: folder.appendingPathComponent("stop").path, contents: Data()) { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
