import ArgumentParser
import BetaltCore
import BetaltServer
import BetaltStore
import Foundation

/// `betalt ladder`: a creditor's follow-up ladders — list them, save one from JSON, assign one.
struct LadderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder", abstract: "List, save and assign a creditor's follow-up ladders.",
        subcommands: [List.self, Save.self, Assign.self]
    )

    struct CreditorOption: ParsableArguments {
        @Option(help: "The creditor id.") var creditor: String

        func id() throws -> UUID {
            guard let id = UUID(uuidString: creditor) else { throw ValidationError("--creditor '\(creditor)' is not a creditor id") }
            return id
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the creditor's ladders as JSON, the defaults included.")
        @OptionGroup var creditor: CreditorOption

        func run() async throws {
            let id = try creditor.id()
            let book = try await VaporApplication.with(try ServerSettings.fromEnvironment()) { app in
                try await LadderBook.load(creditorID: id, on: app.db)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            for key in book.ladders.keys.sorted() {
                print("\(key):\n\(String(decoding: try encoder.encode(book.ladders[key]!), as: UTF8.self))")
            }
        }
    }

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a ladder from a JSON file (the form `betalt ladder list` prints); an unlawful ladder is refused with its reasons."
        )
        @OptionGroup var creditor: CreditorOption
        @Option(help: "The key the ladder is saved under.") var key: String
        @Argument(help: "The ladder as JSON.") var file: String

        func run() async throws {
            let id = try creditor.id()
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw ValidationError("\(file): cannot be read (\(error.localizedDescription))")
            }
            let ladder: Ladder
            do { ladder = try JSONDecoder().decode(Ladder.self, from: data) } catch {
                throw ValidationError("\(file): not a ladder: \(error)")
            }
            let settings = try ServerSettings.fromEnvironment()
            let today = settings.today(inTimeZone: ladder.country.timeZoneIdentifier)
            try await VaporApplication.with(settings) { app in
                try await LadderBook.save(ladder, key: key, creditorID: id, on: today, database: app.db)
            }
            print("Saved ladder '\(key)' (\(ladder.name)).")
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a ladder the one a customer or an invoice follows.")
        @OptionGroup var creditor: CreditorOption
        @Option(help: "The ladder key; omit to go back to the creditor's default.") var key: String?
        @Option(help: "A customer number.") var customer: String?
        @Option(help: "An invoice number.") var invoice: String?

        func run() async throws {
            let id = try creditor.id()
            let target: LadderBook.Assignment
            switch (customer, invoice) {
            case (let number?, nil): target = .customer(number: number)
            case (nil, let number?): target = .invoice(number: number)
            default: throw ValidationError("Give exactly one of --customer and --invoice.")
            }
            let settings = try ServerSettings.fromEnvironment()
            try await VaporApplication.with(settings) { app in
                guard let creditor = try await CreditorRecord.find(id, on: app.db) else { throw ValidationError("no creditor \(id)") }
                try await LadderBook.assign(key, to: target, creditorID: id, on: settings.today(inTimeZone: creditor.timeZone), database: app.db)
            }
            print("Assigned ladder '\(key ?? "default")'.")
        }
    }
}
