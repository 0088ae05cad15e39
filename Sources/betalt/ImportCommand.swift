import ArgumentParser
import BetaltCore
import BetaltDelivery
import BetaltServer
import BetaltStore
import Foundation
import class Vapor.Application

/// `betalt import invoices|payments FILE…`: files from accounting systems and banks, each all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import invoice files (Peppol/EHF UBL, CSV), bank payment files (camt.054/053, Nets OCR giro, BgMax) or agency updates.",
        subcommands: [Invoices.self, Payments.self, AgencyUpdates.self]
    )

    struct Files: ParsableArguments {
        @Option(help: "The creditor id (may be left out when the database has only one creditor).") var creditor: String?
        @Argument(help: "Files, ZIP archives, or folders whose files are all imported in name order; each file on its own.") var paths: [String]

        /// Every file named, folders expanded, in a stable order.
        func files() throws -> [URL] {
            var files: [URL] = []
            for path in paths {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    throw ValidationError("\(path): no such file or folder")
                }
                if isFolder.boolValue {
                    let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
                    files += names.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
                } else {
                    files.append(URL(fileURLWithPath: path))
                }
            }
            return files
        }

        func creditorID(on app: Application) async throws -> UUID {
            if let creditor {
                guard let id = UUID(uuidString: creditor) else { throw ValidationError("--creditor '\(creditor)' is not a creditor id") }
                return id
            }
            let all = try await CreditorRecord.query(on: app.db).all()
            guard all.count == 1, let only = all.first else {
                throw ValidationError("The database has \(all.count) creditors: name one with --creditor (\(all.compactMap { $0.id?.uuidString }.joined(separator: ", "))).")
            }
            return try only.requireID()
        }
    }

    struct Invoices: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import invoices and credit notes.")
        @OptionGroup var files: Files

        func run() async throws {
            try await ImportCommand.importEach(files) { name, data, creditorID, app, today in
                try await InvoiceImport.run(fileName: name, data: data, creditorID: creditorID, today: today, by: "command line", userID: nil, on: app.db).text
            }
        }
    }

    struct Payments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import incoming payments and match them to claims.")
        @OptionGroup var files: Files

        func run() async throws {
            try await ImportCommand.importEach(files) { name, data, creditorID, app, today in
                let summary = try await PaymentImport.run(fileName: name, data: data, creditorID: creditorID, today: today, on: app.db)
                try await AgencyMessages.afterPayments(creditorID: creditorID, today: today, settings: app.betaltSettings.delivery, on: app.db)
                return summary.text
            }
        }
    }

    struct AgencyUpdates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agency-updates",
            abstract: "Import what an agency reports about the cases it holds (JSON per schemas/agency-update-1.schema.json, or CSV)."
        )
        @Option(help: "The agency's agreement reference; needed for CSV files, which do not name their agency.") var agency: String?
        @OptionGroup var files: Files

        func run() async throws {
            let agency = agency
            try await ImportCommand.importEach(files) { name, data, creditorID, app, today in
                do {
                    return try await AgencyUpdateImport.run(
                        fileName: name, data: data, creditorID: creditorID, agencyID: nil, agreementReference: agency, today: today,
                        by: "cli", userID: nil, on: app.db
                    ).text
                } catch let rejected as AgencyUpdateRejected {
                    throw ValidationError("\(name), \(rejected) — nothing was imported")
                }
            }
        }
    }

    /// Imports file by file; a refused file is reported and the others still go in. Exits non-zero if any was refused.
    static func importEach(
        _ files: Files,
        _ body: @escaping @Sendable (String, Data, UUID, Application, CivilDate) async throws -> String
    ) async throws {
        let urls = try files.files()
        let settings = try ServerSettings.fromEnvironment()
        let refused = try await VaporApplication.with(settings) { app in
            let creditorID = try await files.creditorID(on: app)
            let creditor = try await CreditorRecord.find(creditorID, on: app.db)
            let today = settings.today(inTimeZone: creditor?.timeZone ?? Country.norway.timeZoneIdentifier)
            var refused = 0
            for url in urls {
                let entries: [(name: String, data: Data)]
                do {
                    let data = try Data(contentsOf: url)
                    entries = ImportArchive.isZIP(data)
                        ? try ImportArchive.files(in: data, fileName: url.lastPathComponent)
                        : [(url.lastPathComponent, data)]
                } catch {
                    refused += 1
                    FileHandle.standardError.write(Data("refused: \(error)\n".utf8))
                    continue
                }
                for (name, data) in entries {
                    do {
                        print(try await body(name, data, creditorID, app, today))
                    } catch {
                        refused += 1
                        FileHandle.standardError.write(Data("refused: \(DatabaseFailure(error) ?? error)\n".utf8))
                    }
                }
            }
            return refused
        }
        if refused > 0 { throw ExitCode(1) }
    }
}
