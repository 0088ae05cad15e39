import ArgumentParser
import BetaltServer
import Foundation

/// `betalt routes`: every route the server answers, as `METHOD /path` with parameters written `{name}` as
/// OpenAPI writes them, so a test can hold openapi.yaml to what the server really routes.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "routes", abstract: "List the server's routes.")

    func run() async throws {
        let lines = try await VaporApplication.with(try ServerSettings.fromEnvironment()) { app in
            app.routes.all.map { route in
                let path = route.path.map { component in
                    switch component {
                    case .parameter(let name): "{\(name)}"
                    default: component.description
                    }
                }
                return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
            }
        }
        print(lines.sorted().joined(separator: "\n"))
    }
}
