import BetaltCore
import BetaltFormats
import BetaltTestSupport
import Foundation
import Testing

@Suite("Agency update files and messages to agencies")
struct AgencyUpdateFileTests {
    static let claim = "6f1c2a9e-0000-4000-8000-000000000001"

    static let json = """
        {"format": "betalt-agency-update", "version": 1, "agreementReference": "AVT-1", "updates": [
          {"updateID": "A-1", "claimID": "\(claim)", "date": "2027-01-10", "type": "status", "status": "registered"},
          {"updateID": "A-2", "claimID": "\(claim)", "date": "2027-01-12", "type": "fee", "amount": {"minorUnits": 70000, "currency": "NOK"}, "text": "salær"},
          {"updateID": "A-3", "claimID": "\(claim)", "date": "2027-01-20", "type": "payment", "amount": {"minorUnits": 50000, "currency": "NOK"}},
          {"updateID": "A-4", "claimID": "\(claim)", "date": "2027-01-25", "type": "recallConfirmed"}
        ]}
        """

    @Test("a JSON file validates against the schema and reads as the updates it holds, in order")
    func readsJSON() throws {
        let validation = try JSONSchemas.validate(Data(Self.json.utf8), against: JSONSchemas.agencyUpdate)
        #expect(validation.valid, "\(validation.message)")
        let file = try AgencyUpdateFile.parse(Data(Self.json.utf8), fileName: "updates.json")
        #expect(file.agreementReference == "AVT-1")
        #expect(file.entries.map(\.update.key) == ["A-1", "A-2", "A-3", "A-4"])
        #expect(file.entries.map(\.update.change) == [.status(.registered), .fee(.major(700, .nok)), .payment(.major(500, .nok)), .recallConfirmed])
        #expect(file.entries[1].update.text == "salær" && file.entries[1].location == .path("/updates/1"))
        #expect(file.entries[2].update.date == (try CivilDate(2027, 1, 20)))
    }

    @Test("a spreadsheet CSV with semicolons and decimal commas reads the same way, each update with its line")
    func readsCSV() throws {
        let csv = "update_id;claim_id;date;type;status;amount;currency;text\r\n"
            + "A-1;\(Self.claim);2027-01-10;status;registered;;;\r\n"
            + "A-2;\(Self.claim);2027-01-12;fee;;700,00;NOK;\"salær; inkl. § 17\"\r\n"
            + "A-3;\(Self.claim);2027-01-20;payment;;1 250,50;NOK;\r\n"
        let file = try AgencyUpdateFile.parse(Data(csv.utf8), fileName: "updates.csv")
        #expect(file.agreementReference == nil)
        #expect(file.entries.map(\.update.change) == [.status(.registered), .fee(.major(700, .nok)), .payment(Money(minorUnits: 125_050, currency: .nok))])
        #expect(file.entries.map(\.location) == [.line(2), .line(3), .line(4)])
        #expect(file.entries[1].update.text == "salær; inkl. § 17")
    }

    struct Broken: CustomTestStringConvertible, Sendable {
        let name: String
        let content: String
        let location: FormatError.Location
        let field: String?
        let says: String
        var testDescription: String { name }
    }

    static let broken: [Broken] = [
        Broken(name: "a status that is not one", content: json.replacingOccurrences(of: "\"registered\"", with: "\"sued\""),
               location: .path("/updates/0/status"), field: "status", says: "'sued' is not one of"),
        Broken(name: "an update without its id", content: json.replacingOccurrences(of: "\"updateID\": \"A-3\", ", with: ""),
               location: .path("/updates/2"), field: "updateID", says: "is missing"),
        Broken(name: "another format", content: json.replacingOccurrences(of: "betalt-agency-update", with: "camt.054"),
               location: .path("/format"), field: "format", says: "must be \"betalt-agency-update\""),
        Broken(name: "a claim that is not a manifest's claimID", content: json.replacingOccurrences(of: claim, with: "10042"),
               location: .path("/updates/0/claimID"), field: "claimID", says: "is not a case's claimID"),
        Broken(name: "a CSV amount without a currency", content: "update_id,claim_id,date,type,amount\nA-9,\(claim),2027-01-10,payment,100\n",
               location: .line(2, column: nil), field: "currency", says: "needs a currency"),
        Broken(name: "a CSV date that is not one", content: "update_id,claim_id,date,type,status\nA-9,\(claim),2027-02-30,status,closed\n",
               location: .line(2, column: 3), field: "date", says: "'2027-02-30' is not a date"),
        Broken(name: "a CSV column Betalt does not know", content: "update_id,claim_id,date,type,kid\nA-9,\(claim),2027-01-10,status,1\n",
               location: .line(1), field: "kid", says: "is not a column"),
        Broken(name: "an unknown type", content: "update_id,claim_id,date,type\nA-9,\(claim),2027-01-10,lawsuit\n",
               location: .line(2, column: 4), field: "type", says: "'lawsuit' is not one of"),
    ]

    @Test("a file Betalt cannot read is refused naming the line or JSON path and the field", arguments: broken)
    func refused(_ row: Broken) {
        #expect {
            _ = try AgencyUpdateFile.parse(Data(row.content.utf8), fileName: "updates")
        } throws: { error in
            guard let error = error as? FormatError else { return false }
            return error.file == "updates" && error.location == row.location && error.field == row.field && error.message.contains(row.says)
        }
    }

    @Test("a message to an agency validates against its schema and always gives the same bytes")
    func message() throws {
        let owed = try ComponentBalances(principal: .major(1_000, .nok), fee: .zero(.nok), interest: .zero(.nok), compensation: .zero(.nok))
        let message = AgencyMessage(
            messageID: "1a2b3c4d-0000-4000-8000-000000000009", kind: .correction, createdOn: try CivilDate(2027, 1, 15),
            creditor: .init(kind: "business", name: "Fjord Bakeri AS", address: ["Storgata 1", "0155 Oslo"], country: "NO", organisationNumber: "923609016"),
            agency: .init(name: "Nordisk Inkasso AS", agreementReference: "AVT-1"), claimID: Self.claim, batchID: "b1", invoiceNumber: "10042",
            changes: [.init(LedgerEntry(kind: .payment, component: .principal, amount: .major(250, .nok), date: try CivilDate(2027, 1, 14), text: "KID 7000000014"))],
            open: .init(owed), text: "paid directly"
        )
        let json = try message.json()
        let validation = try JSONSchemas.validate(json, against: JSONSchemas.agencyMessage)
        #expect(validation.valid, "\(validation.message)")
        #expect(try message.json() == json)
        #expect(message.fileName == "correction-2027-01-15-1a2b3c4d.json")
        #expect(try JSONDecoder().decode(AgencyMessage.self, from: json) == message)
    }
}
