import ArgumentParser
import BetaltServer

/// `betalt serve`: the web app on BETALT_HOST:BETALT_PORT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the web app.")

    @Option(help: "Address to listen on (default: BETALT_HOST or 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default: BETALT_PORT or 8080).") var port: Int?

    func run() async throws {
        var settings = try ServerSettings.fromEnvironment()
        if let host { settings.host = host }
        if let port { settings.port = port }
        print("Betalt serves \(settings.database) at http://\(settings.host):\(settings.port)")
        try await VaporApplication.with(settings, arguments: ["betalt", "serve"]) { app in
            try await app.execute()
        }
    }
}
