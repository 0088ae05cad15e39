import BetaltCore
import BetaltFormats
import BetaltTestSupport
import Crypto
import Foundation
import Testing
import ZIPFoundation

/// The handover package: a ZIP whose manifest validates against the JSON Schema in the repository and
/// whose documents are the bytes the manifest's hashes name.
@Suite struct HandoverPackageTests {
    static func nok(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .nok) }

    static let letter = Data("%PDF-1.7 inkassovarsel".utf8)
    static let invoice = Data("<Invoice/>".utf8)

    static func sha(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    static func manifest() throws -> HandoverManifest {
        let due = try CivilDate(iso: "2026-01-15")
        let balances = try ComponentBalances(principal: nok(1_000_000), fee: nok(3_750), interest: nok(12_345), compensation: nok(0))
        return HandoverManifest(
            batchID: "batch-1", createdOn: try CivilDate(iso: "2026-03-10"),
            creditor: .init(kind: "business", name: "Nordlys Verksted AS", address: ["Verkstedveien 4", "7042 Trondheim"], country: "NO",
                            organisationNumber: "123456785", bankAccount: "8601 11 17947"),
            agency: .init(name: "Nordisk Inkasso AS", agreementReference: "AVT-2026-17"),
            cases: [.init(
                claimID: "C-1", invoiceNumber: "NV-1", issueDate: due.adding(days: -30), dueDate: due, paymentReference: "100001",
                debtor: .init(kind: "consumer", name: "Kari Nordmann", address: ["Storgata 1", "0155 Oslo"], country: "NO",
                              nationalIdentityNumber: "29100207042", customerNumber: "10081", email: "kari@example.no",
                              emailConsents: [.init(on: "2025-11-01", accepted: true, basis: "accepted in the order form")]),
                ledger: [
                    .init(LedgerEntry(kind: .principal, component: .principal, amount: nok(1_000_000), date: due.adding(days: -30), text: "invoice NV-1")),
                    .init(LedgerEntry(kind: .fee, component: .fee, amount: nok(3_750), date: try CivilDate(iso: "2026-02-02"), text: "purregebyr; inkf. § 1-2")),
                ],
                open: .init(balances),
                notices: [.init(date: try CivilDate(iso: "2026-02-02"), kind: "collectionNotice", channel: "letter", recipient: "Storgata 1, 0155 Oslo",
                                status: "printed", deadline: try CivilDate(iso: "2026-02-16"),
                                documents: [.init(path: "documents/C-1/inkassovarsel.pdf", mediaType: "application/pdf", sha256: sha(letter))])],
                disputes: [], agreements: [.init(kind: "promise", madeOn: "2026-02-05", status: "broken", amount: .init(nok(50_000)), payBy: "2026-02-12")],
                originalInvoice: .init(path: "documents/C-1/invoice.xml", mediaType: "application/xml", sha256: sha(invoice))
            )]
        )
    }

    @Test func theManifestValidatesAgainstTheSchemaInTheRepository() throws {
        let result = try JSONSchemas.validate(try HandoverPackage.manifestJSON(try Self.manifest()), against: JSONSchemas.handoverManifest)
        #expect(result.valid, "\(result.message)")
    }

    @Test func theValidatorRefusesAManifestThatBreaksTheSchema() throws {
        var manifest = try Self.manifest()
        manifest.cases[0].open.total.currency = "kroner"
        manifest.cases[0].notices[0].documents[0].sha256 = "not-a-hash"
        let result = try JSONSchemas.validate(try HandoverPackage.manifestJSON(manifest), against: JSONSchemas.handoverManifest)
        #expect(!result.valid)
        #expect(result.message.contains("kroner") && result.message.contains("not-a-hash"))
    }

    @Test("a business debtor comes with its organisation number or, a Swedish sole trader, its personnummer; a consumer with neither")
    func aBusinessIsKnownByARegistryNumber() throws {
        var manifest = try Self.manifest()
        func valid() throws -> Bool { try JSONSchemas.validate(try HandoverPackage.manifestJSON(manifest), against: JSONSchemas.handoverManifest).valid }
        manifest.cases[0].debtor.nationalIdentityNumber = nil
        #expect(manifest.cases[0].debtor.kind == "consumer" && manifest.cases[0].debtor.organisationNumber == nil)
        #expect(try valid())
        manifest.cases[0].debtor.kind = "business"
        #expect(try !valid())
        manifest.cases[0].debtor.nationalIdentityNumber = "196408233234"
        #expect(try valid())
        manifest.cases[0].debtor.nationalIdentityNumber = nil
        manifest.cases[0].debtor.organisationNumber = "923609016"
        #expect(try valid())
    }

    @Test("an agreement for several invoices names them, two or more")
    func anAgreementForSeveralInvoices() throws {
        var manifest = try Self.manifest()
        func valid() throws -> Bool { try JSONSchemas.validate(try HandoverPackage.manifestJSON(manifest), against: JSONSchemas.handoverManifest).valid }
        manifest.cases[0].agreements[0].invoiceNumbers = ["F-1", "F-2"]
        #expect(try valid())
        manifest.cases[0].agreements[0].invoiceNumbers = ["F-1"]
        #expect(try !valid(), "one invoice is the case's own: none are named")
    }

    @Test func theZipHoldsTheManifestAndEveryDocumentWithMatchingHashes() throws {
        let manifest = try Self.manifest()
        let zip = try HandoverPackage.zip(manifest, files: [
            .init(path: "documents/C-1/inkassovarsel.pdf", content: Self.letter), .init(path: "documents/C-1/invoice.xml", content: Self.invoice),
        ])
        let archive = try Archive(data: zip, accessMode: .read)
        func read(_ path: String) throws -> Data {
            var data = Data()
            _ = try archive.extract(try #require(archive[path]), consumer: { data.append($0) })
            return data
        }
        let decoded = try JSONDecoder().decode(HandoverManifest.self, from: try read("manifest.json"))
        #expect(decoded == manifest)
        for document in decoded.cases.flatMap({ $0.notices.flatMap(\.documents) + [$0.originalInvoice!] }) {
            #expect(Self.sha(try read(document.path)) == document.sha256)
        }
        #expect(try HandoverPackage.manifestJSON(manifest) == HandoverPackage.manifestJSON(decoded), "the same batch gives the same bytes")
    }

    @Test func aPackageMissingADocumentIsNotWritten() throws {
        #expect(throws: HandoverPackageError.missingDocument("documents/C-1/invoice.xml")) {
            try HandoverPackage.zip(try Self.manifest(), files: [.init(path: "documents/C-1/inkassovarsel.pdf", content: Self.letter)])
        }
    }
}
