import ArgumentParser
import BetaltServer
import BetaltStore
import Foundation

/// `betalt api-token create|revoke`: scoped tokens for accounting systems and banks calling the API.
struct ApiTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-token", abstract: "Create or revoke API tokens.", subcommands: [Create.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token for one creditor; the token is printed once and never stored.")
        @Option(help: "The creditor id the token acts for.") var creditor: String
        @Option(help: "What the token is for, e.g. the accounting system's name.") var name: String
        @Option(help: "A scope to grant (repeat): \(ApiScope.allCases.map(\.rawValue).joined(separator: ", ")).") var scope: [String]

        func validate() throws {
            guard UUID(uuidString: creditor) != nil else { throw ValidationError("--creditor '\(creditor)' is not a creditor id") }
            guard !scope.isEmpty else { throw ValidationError("grant at least one --scope") }
            for value in scope where ApiScope(rawValue: value) == nil {
                throw ValidationError("unknown scope '\(value)'; the scopes are \(ApiScope.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            let creditorID = UUID(uuidString: creditor)!
            let scopes = scope.compactMap(ApiScope.init(rawValue:))
            let issued = try await VaporApplication.with(try ServerSettings.fromEnvironment()) { app in
                try await ApiTokenIssuer.issue(creditorID: creditorID, name: name, scopes: scopes, on: app.db)
            }
            print("Token \(try issued.record.requireID()) for creditor \(creditorID), scopes \(issued.record.scopes).")
            print("Keep it now; Betalt stores only its hash and cannot show it again:")
            print(issued.token)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id; requests with it are refused from now on.")
        @Argument(help: "The token id printed when it was created.") var id: String

        func run() async throws {
            guard let tokenID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a token id") }
            let revoked = try await VaporApplication.with(try ServerSettings.fromEnvironment()) { app in
                try await ApiTokens.revoke(id: tokenID, on: app.db)
            }
            guard revoked else {
                FileHandle.standardError.write(Data("no active token \(tokenID)\n".utf8))
                throw ExitCode(1)
            }
            print("Token \(tokenID) revoked.")
        }
    }
}
