import BetaltCore
import Foundation
import Testing
@testable import BetaltFormats

private let chf = Currency(code: "CHF", minorUnitDigits: 2)
private let notification = "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn"

@Suite("camt: the published camt.054 v02 and v08 and camt.053 v02 samples")
struct PaymentCamtFixtureTests {
    @Test func camt054v2DebitNotificationHasNoIncomingPayment() throws {
        let reading = try CamtParser.read(Fixtures.data("camt/camt054.v2.xml"), fileName: "camt054.v2.xml")
        let file = reading.file
        #expect(file.format == .camt054)
        #expect(file.fileId == "AAAASESS-FP-ACCR001")
        #expect(file.createdOn == (try CivilDate(2007, 10, 18)))
        #expect(file.recipient == "FINPETROL")
        #expect(file.batches.count == 1)
        let batch = try #require(file.batches.first)
        #expect(batch.id == "AAAASESS-FP-ACCR001")
        #expect(batch.account == "CH2801234000123456789")
        #expect(batch.date == (try CivilDate(2007, 10, 18)))
        // The entry is a DBIT (an issued credit transfer, PMNT/ICDT) and its v02 TxDtls state no indicator of
        // their own: all three are money paid out, not payments towards a claim.
        #expect(batch.payments.isEmpty)
        #expect(batch.count == 0)
        #expect(batch.total == Money.zero(.sek))
        #expect(reading.skipped.map(\.reason) == [.outgoing, .outgoing, .outgoing])
        #expect(reading.skipped.map(\.source) == (1...3).map { .path("\(notification)/Ntry/NtryDtls/TxDtls[\($0)]") })
        // Three transactions share the entry's 2000.00 SEK and none states its own share.
        #expect(reading.skipped.allSatisfy { $0.amount == nil })
    }

    @Test func camt054v8TransactionIndicatorGovernsOverTheEntry() throws {
        let file = try CamtParser.parse(Fixtures.data("camt/camt054.v8.xml"), fileName: "camt054.v8.xml")
        #expect(file.format == .camt054)
        #expect(file.recipient == "UNIFITS GmbH")
        let batch = try #require(file.batches.first)
        #expect(batch.account == "CH2801234000123456789")
        #expect(batch.date == (try CivilDate(2007, 10, 18)))
        // The entry says DBIT 200000 SEK, but each TxDtls says CRDT with its own CHF amount. The transaction's own
        // indicator and amount govern (the entry's are the fallback), so these are three incoming CHF payments.
        #expect(batch.payments.map(\.amount) == [310, 320, 320].map { Money(minorUnits: $0, currency: chf) })
        #expect(batch.payments.allSatisfy { !$0.isReversal })
        #expect(batch.total == Money(minorUnits: 950, currency: chf))
        #expect(batch.count == 3)
        #expect(batch.payments.map(\.structuredReferences) == [
            ["ISR ref number V1"], ["ISR ref number V2"], ["Ref number V3 block 1", "Ref number V3 block 2"],
        ])
        #expect(batch.payments.map(\.unstructuredText) == [
            ["Unstructured Remittance Information V1"], [],
            ["Unstructured Remittance Information V3 block 1", "Unstructured Remittance Information V3 block 2"],
        ])
        #expect(batch.payments.map(\.endToEndId) == [
            "UXC06170000006PI00001EE00001", "UXC06170000006PI00001EE00002", "UXC06170000006PI00001EE00002",
        ])
        let first = batch.payments[0]
        #expect(first.payer == Payer(name: "UNIFITS GmbH", account: "CH2801234000123456789"))
        #expect(first.bookingDate == (try CivilDate(2007, 10, 18)))
        #expect(first.valueDate == (try CivilDate(2007, 10, 18)))
        // The entry batches three transactions without references of their own: each takes the entry's with its place.
        #expect(batch.payments.map(\.bankReference) == (1...3).map { "ACSR160617103200001/\($0)" })
        #expect(first.transactionType == "PMNT/ICDT/DMCT")
        #expect(first.referredDocuments.isEmpty)
        #expect(first.source == .path("\(notification)/Ntry/NtryDtls/TxDtls[1]"))
    }

    @Test func camt053v2StatementCreditWithAddressAndReference() throws {
        let reading = try CamtParser.read(Fixtures.data("camt/camt053.v2.minimal.xml"), fileName: "camt053.v2.minimal.xml")
        let file = reading.file
        #expect(file.format == .camt053)
        #expect(file.fileId == "CAMT053RIB000000000001")
        #expect(file.createdOn == (try CivilDate(2015, 3, 10)))
        #expect(file.recipient == "COMPANY BVBA")
        #expect(reading.skipped.isEmpty)
        let batch = try #require(file.batches.first)
        #expect(batch.id == "253EURNL26VAYB8060476890")
        #expect(batch.account == "NL26VAYB8060476890")
        #expect(batch.total == Money(minorUnits: 885, currency: .eur))
        let payment = try #require(file.payments.first)
        #expect(file.payments.count == 1)
        #expect(payment.amount == Money(minorUnits: 885, currency: .eur))
        #expect(payment.bookingDate == (try CivilDate(2014, 12, 31)))
        #expect(payment.valueDate == (try CivilDate(2015, 1, 2)))
        #expect(payment.structuredReferences == ["4654654654654654"])
        #expect(payment.payer == Payer(
            name: "NAME NAME", address: ["ADDR ADDR 10", "2000 ANTWERPEN", "NL"], account: "NL56AGDH9619008421"))
        #expect(payment.transactionType == "544")
        #expect(payment.bankReference == nil)
        #expect(payment.endToEndId == nil)
        #expect(!payment.isReversal)
        #expect(payment.source == .path("/Document/BkToCstmrStmt/Stmt/Ntry/NtryDtls/TxDtls"))
    }
}

@Suite("camt: generated notifications for what the samples do not show")
struct PaymentCamtGeneratedTests {
    @Test func severalCreditorReferencesAndReferredDocumentsInOneTransaction() throws {
        let camt = CamtXML(version: 8)
        let remittance = """
            <RmtInf><Ustrd>Faktura 1001 og 1002</Ustrd>
              <Strd><RfrdDocInf><Nb>1001</Nb></RfrdDocInf>
                <RfrdDocAmt><DuePyblAmt Ccy="NOK">600.00</DuePyblAmt><RmtdAmt Ccy="NOK">500.00</RmtdAmt></RfrdDocAmt>
                <CdtrRefInf><Ref>10010000017</Ref></CdtrRefInf></Strd>
              <Strd><RfrdDocInf><Nb>1002</Nb></RfrdDocInf>
                <RfrdDocAmt><DuePyblAmt Ccy="NOK">250.50</DuePyblAmt></RfrdDocAmt>
                <CdtrRefInf><Ref>10020000015</Ref></CdtrRefInf></Strd>
              <Strd><RfrdDocInf><Nb>1003</Nb></RfrdDocInf><RfrdDocInf><Nb>1004</Nb></RfrdDocInf>
                <RfrdDocAmt><RmtdAmt Ccy="NOK">100.00</RmtdAmt></RfrdDocAmt></Strd>
            </RmtInf>
            """
        let data = camt.document([camt.entry("850.50", details: [camt.transaction(nil, remittance: remittance)])])
        let payment = try #require(try CamtParser.parse(data, fileName: "refs.xml").payments.first)
        #expect(payment.amount == Money(minorUnits: 85_050, currency: .nok))
        #expect(payment.structuredReferences == ["10010000017", "10020000015"])
        // RmtdAmt is preferred to DuePyblAmt; a block naming two documents gives its amount to neither.
        #expect(payment.referredDocuments == [
            ReferredDocument(number: "1001", amount: Money(minorUnits: 50_000, currency: .nok)),
            ReferredDocument(number: "1002", amount: Money(minorUnits: 25_050, currency: .nok)),
            ReferredDocument(number: "1003"), ReferredDocument(number: "1004"),
        ])
        #expect(payment.unstructuredText == ["Faktura 1001 og 1002"])
    }

    @Test func batchEntryWithThreeTransactions() throws {
        let camt = CamtXML(version: 8)
        let details = [("100.00", "Kari Nordmann"), ("250.25", "Ola AS"), ("49.75", "Per Hansen")].map { amount, name in
            let reference = "<RmtInf><Strd><CdtrRefInf><Ref>K\(name.count)</Ref></CdtrRefInf></Strd></RmtInf>"
            return camt.transaction(amount, debtor: name, remittance: reference)
        }
        let file = try CamtParser.parse(camt.document([camt.entry("400.00", details: details)]), fileName: "batch.xml")
        let batch = try #require(file.batches.first)
        #expect(batch.account == "NO9386011117947")
        #expect(batch.payments.map(\.amount.minorUnits) == [10_000, 25_025, 4_975])
        #expect(batch.payments.map(\.payer.name) == ["Kari Nordmann", "Ola AS", "Per Hansen"])
        // NOTPROVIDED is a placeholder, not an identification to match on.
        #expect(batch.payments.allSatisfy { $0.endToEndId == nil })
        #expect(batch.payments.map(\.structuredReferences) == [["K13"], ["K6"], ["K10"]])
        #expect(batch.payments.map(\.source) == (1...3).map { .path("\(notification)/Ntry/NtryDtls/TxDtls[\($0)]") })
        #expect(batch.total == Money(minorUnits: 40_000, currency: .nok))
        #expect(batch.count == 3)
        #expect(batch.date == (try CivilDate(2026, 3, 2)))
    }

    @Test func reversedCreditIsMarkedAndSubtracted() throws {
        let camt = CamtXML(version: 8)
        let data = camt.document([
            camt.entry("500.00", details: [camt.transaction("500.00", debtor: "Kari Nordmann")]),
            camt.entry(
                "200.00", indicator: "DBIT", reversal: "true", details: [camt.transaction("200.00", indicator: "DBIT")]),
        ])
        let batch = try #require(try CamtParser.parse(data, fileName: "reversal.xml").batches.first)
        #expect(batch.payments.map(\.isReversal) == [false, true])
        // Amounts stay positive; the reversal flag says the money went back.
        #expect(batch.payments[1].amount == Money(minorUnits: 20_000, currency: .nok))
        #expect(batch.total == Money(minorUnits: 30_000, currency: .nok))
    }

    @Test func returnOfAReceivedPaymentIsAReversal() throws {
        let camt = CamtXML(version: 8)
        let returned = camt.transaction("75.00", extra: "<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>")
        let reading = try CamtParser.read(
            camt.document([
                camt.entry("75.00", indicator: "DBIT", details: [returned]),
                camt.entry("80.00", details: [camt.transaction("80.00", extra: "<RtrInf><Rsn><Cd>AC01</Cd></Rsn></RtrInf>")]),
            ]),
            fileName: "returns.xml")
        #expect(reading.file.payments.map(\.isReversal) == [true])
        #expect(reading.file.payments.map(\.amount.minorUnits) == [7_500])
        #expect(reading.skipped == [CamtSkippedTransaction(
            reason: .returnedOutgoing, amount: Money(minorUnits: 8_000, currency: .nok),
            source: .path("\(notification)/Ntry[2]/NtryDtls/TxDtls"))])
    }

    @Test("payments are handed over in file order while the file is read, in the places known so far")
    func paymentsHandedOverWhileReading() throws {
        let camt = CamtXML(version: 8)
        let batched = camt.entry("30.00", details: [camt.transaction("10.00"), camt.transaction("20.00")])
        let data = camt.document(reports: [
            [batched, camt.entry("5.00"), camt.entry("6.00", indicator: "DBIT"), camt.entry("7.00")],
            [camt.entry("8.00")],
        ])
        var handed: [[IncomingPayment]] = []
        let reading = try CamtParser.read(data, fileName: "handed.xml", handing: 2) { handed.append($0) }
        // Each hand-over holds at least two payments (an entry's transactions are never split), the last the rest.
        #expect(handed.map(\.count) == [2, 2, 1])
        let all = handed.flatMap { $0 }
        #expect(all.map(\.amount.minorUnits) == reading.file.payments.map(\.amount.minorUnits))
        #expect(all.map(\.bankReference) == reading.file.payments.map(\.bankReference))
        // Only the first of its name is placed differently once the file's end shows it has siblings.
        #expect(all.map(\.source) == [
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry/NtryDtls/TxDtls[1]"),
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry/NtryDtls/TxDtls[2]"),
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry[2]"),
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry[4]"),
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[2]/Ntry"),
        ])
        #expect(reading.file.payments.map(\.source) == [
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]"),
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[2]"),
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[2]"),
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]/Ntry[4]"),
            .path("/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[2]/Ntry"),
        ])
    }

    @Test("a file refused at its end has handed over what it read before, and the refusal is still thrown")
    func refusalAfterHandingOver() throws {
        let camt = CamtXML(version: 8)
        var data = camt.document([camt.entry("5.00"), camt.entry("6.00"), camt.entry("7.00")])
        data.removeLast(30)
        var handed = 0
        #expect(throws: FormatError.self) {
            _ = try CamtParser.read(data, fileName: "cut.xml", handing: 1) { handed += $0.count }
        }
        #expect(handed == 3)
    }

    @Test func plainDebitAndPendingEntryAreSkippedWithTheirReasons() throws {
        let camt = CamtXML(version: 8)
        let reading = try CamtParser.read(
            camt.document([
                camt.entry("1000.00", indicator: "DBIT", details: [camt.transaction("1000.00", indicator: "DBIT")]),
                camt.entry("300.00"),
                camt.entry("40.00", status: "PDNG"),
                camt.entry("10.00", indicator: "CRDT", reversal: "true"),
            ]),
            fileName: "debit.xml")
        #expect(reading.file.payments.map(\.amount.minorUnits) == [30_000])
        #expect(reading.file.payments.first?.source == .path("\(notification)/Ntry[2]"))
        #expect(reading.skipped.map(\.reason) == [.outgoing, .notBooked(status: "PDNG"), .reversedOutgoing])
        #expect(reading.skipped.map(\.amount?.minorUnits) == [100_000, 4_000, 1_000])
        #expect(reading.skipped.map(\.source) == [
            .path("\(notification)/Ntry[1]/NtryDtls/TxDtls"),
            .path("\(notification)/Ntry[3]"),
            .path("\(notification)/Ntry[4]"),
        ])
        #expect(reading.file.batches.first?.total == Money(minorUnits: 30_000, currency: .nok))
    }

    @Test func entryWithoutDetailsIsOnePaymentAndDateTimesKeepTheirWrittenDay() throws {
        let camt = CamtXML(version: 8)
        let entry = camt.entry(
            "99.90", booking: "<DtTm>2026-03-01T23:30:00-05:00</DtTm>",
            extra: "<AcctSvcrRef>BANK-1</AcctSvcrRef><AddtlNtryInf>Giro faktura 2041</AddtlNtryInf>")
        let payment = try #require(try CamtParser.parse(camt.document([entry]), fileName: "plain.xml").payments.first)
        #expect(payment.amount == Money(minorUnits: 9_990, currency: .nok))
        // 23:30 at -05:00 is already 2 March in Oslo; the bank's written day is kept, not converted.
        #expect(payment.bookingDate == (try CivilDate(2026, 3, 1)))
        #expect(payment.valueDate == (try CivilDate(2026, 3, 2)))
        #expect(payment.bankReference == "BANK-1")
        #expect(payment.structuredReferences.isEmpty)
        #expect(payment.unstructuredText == ["Giro faktura 2041"])
        #expect(payment.source == .path("\(notification)/Ntry"))
    }

    @Test("every version from 02 to 08 reads alike by local names", arguments: 2...8)
    func versions(_ version: Int) throws {
        let camt = CamtXML(version: version)
        let remittance = "<RmtInf><Strd><CdtrRefInf><Ref>12345678903</Ref></CdtrRefInf></Strd></RmtInf>"
        let details = [camt.transaction("120.00", ccy: "SEK", debtor: "Svensson AB", remittance: remittance),
                       camt.transaction("30.50", ccy: "SEK", debtor: "Berg AS")]
        let data = camt.document([camt.entry("150.50", ccy: "SEK", details: details)])
        let file = try CamtParser.parse(data, fileName: "v.xml")
        #expect(file.payments.map(\.amount) == [12_000, 3_050].map { Money(minorUnits: $0, currency: .sek) })
        #expect(file.payments.map(\.payer.name) == ["Svensson AB", "Berg AS"])
        #expect(file.payments.map(\.structuredReferences) == [["12345678903"], []])
        #expect(file.payments.first?.payer.organisationNumber == "5560000001")
        #expect(file.payments.first?.payer.address == ["Storgatan 2", "11122 Stockholm", "SE"])
    }

    @Test func statementNamespaceOfVersion08() throws {
        let camt = CamtXML(version: 8, message: "053")
        let file = try CamtParser.parse(camt.document([camt.entry("10.00")]), fileName: "stmt.xml")
        #expect(file.format == .camt053)
        #expect(file.batches.map(\.id) == ["REPORT-1"])
        #expect(file.payments.first?.source == .path("/Document/BkToCstmrStmt/Stmt/Ntry"))
    }
}

@Suite("camt: malformed files are refused with the XPath and what is wrong")
struct PaymentCamtMalformedTests {
    private static let ntry = "\(notification)/Ntry"

    private func refusal(_ xml: String) -> FormatError? {
        do {
            _ = try CamtParser.parse(Data(xml.utf8), fileName: "bad.xml")
            return nil
        } catch {
            return error
        }
    }

    private func refusal(_ data: Data) -> FormatError? { refusal(String(decoding: data, as: UTF8.self)) }

    @Test func truncatedDocument() throws {
        let whole = String(decoding: CamtXML(version: 8).document([CamtXML(version: 8).entry("1.00")]), as: UTF8.self)
        let error = try #require(refusal(String(whole.prefix(whole.count / 2))))
        #expect(error.file == "bad.xml")
        guard case .line = error.location else { Issue.record("expected a line, got \(error.location)"); return }
        #expect(error.message.contains("truncated"))
    }

    @Test func wrongRootIsNamed() throws {
        let invoice = try #require(refusal(#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#))
        #expect(invoice.location == .path("/Invoice"))
        #expect(invoice.message.contains("is not an ISO 20022 camt.054 or camt.053 Document"))
        let camt052 = try #require(refusal(#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"/>"#))
        #expect(camt052.location == .path("/Document"))
        #expect(camt052.message == "camt.052.001.08 is not a message Betalt reads (camt.054 or camt.053, versions 02 to 08)")
        let version9 = try #require(refusal(#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.09"/>"#))
        #expect(version9.message.hasPrefix("camt.054.001.09 is not a message"))
        let empty = try #require(refusal(#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"/>"#))
        #expect(empty.location == .path("/Document/BkToCstmrDbtCdtNtfctn"))
    }

    @Test func amountWithThreeDecimals() throws {
        let camt = CamtXML(version: 8)
        let error = try #require(refusal(camt.document([camt.entry("10.000", details: [camt.transaction("10.005")])])))
        #expect(error.location == .path("\(Self.ntry)/Amt"))
        #expect(error.field == "Amt")
        #expect(error.message == "'10.000' has 3 decimals, but NOK has 2")
        let inTransaction = try #require(refusal(camt.document([camt.entry("10.00", details: [camt.transaction("10.005")])])))
        #expect(inTransaction.location == .path("\(Self.ntry)/NtryDtls/TxDtls/Amt"))
        #expect(inTransaction.message == "'10.005' has 3 decimals, but NOK has 2")
    }

    @Test func amountsThatAreNotAmounts() throws {
        let camt = CamtXML(version: 8)
        let negative = try #require(refusal(camt.document([camt.entry("-5.00")])))
        #expect(negative.message == "'-5.00' is not an amount (expected digits and a decimal point, e.g. 1234.50)")
        let unknown = try #require(refusal(camt.document([camt.entry("5.00", ccy: "XYZ")])))
        #expect(unknown.message == "'XYZ' is not a currency Betalt handles")
        let withoutCurrency = camt.entry("5.00").replacingOccurrences(of: #" Ccy="NOK""#, with: "")
        let noCurrency = try #require(refusal(camt.document([withoutCurrency])))
        #expect(noCurrency.location == .path("\(Self.ntry)/Amt"))
        #expect(noCurrency.message == "the amount has no currency (Ccy attribute)")
    }

    @Test func badDates() throws {
        let camt = CamtXML(version: 8)
        let date = try #require(refusal(camt.document([camt.entry("1.00", booking: "<Dt>2026-02-30</Dt>")])))
        #expect(date.location == .path("\(Self.ntry)/BookgDt/Dt"))
        #expect(date.message == "'2026-02-30' is not a date (expected YYYY-MM-DD)")
        let dateTime = try #require(refusal(camt.document([camt.entry("1.00", booking: "<DtTm>2026-03-01 10:00</DtTm>")])))
        #expect(dateTime.location == .path("\(Self.ntry)/BookgDt/DtTm"))
        #expect(dateTime.message == "'2026-03-01 10:00' is not a date and time (expected YYYY-MM-DDThh:mm:ss)")
    }

    @Test func missingEntryAmount() throws {
        let camt = CamtXML(version: 8)
        let entry = camt.entry("1.00").replacingOccurrences(of: #"<Amt Ccy="NOK">1.00</Amt>"#, with: "")
        let error = try #require(refusal(camt.document([entry])))
        #expect(error.location == .path("\(Self.ntry)/Amt"))
        #expect(error.message == "the required element is missing or empty")
    }

    @Test func batchTransactionWithoutItsOwnAmount() throws {
        let camt = CamtXML(version: 8)
        let error = try #require(refusal(camt.document([
            camt.entry("3.00", details: [camt.transaction("1.00"), camt.transaction(nil)]),
        ])))
        #expect(error.location == .path("\(Self.ntry)/NtryDtls/TxDtls[2]"))
        #expect(error.message.hasPrefix("the entry has several transactions and this one states no amount"))
    }

    @Test func batchMixingCurrencies() throws {
        let camt = CamtXML(version: 8)
        let error = try #require(refusal(camt.document([
            camt.entry("1.00"), camt.entry("2.00", ccy: "SEK"),
        ])))
        #expect(error.location == .path("\(Self.ntry)[2]"))
        #expect(error.message == "the payment is in SEK, but its batch is in NOK; Betalt totals a batch in one currency")
    }

    @Test func indicatorThatIsNeitherCreditNorDebit() throws {
        let camt = CamtXML(version: 8)
        let error = try #require(refusal(camt.document([camt.entry("1.00", indicator: "CRED")])))
        #expect(error.location == .path("\(Self.ntry)/CdtDbtInd"))
        #expect(error.message == "'CRED' is neither CRDT nor DBIT")
    }

    @Test func documentTypeDeclarationIsRefusedBeforeParsing() throws {
        let camt = CamtXML(version: 8)
        let body = String(decoding: camt.document([camt.entry("1.00")]), as: UTF8.self)
        let bomb = body.replacingOccurrences(
            of: "<Document", with: "<!DOCTYPE Document [<!ENTITY a \"aaaa\">]>\n<Document")
        let error = try #require(refusal(bomb))
        #expect(error.location == .line(2))
        #expect(error.message.contains("document type declaration"))
    }
}

/// Writes small camt.054 (or camt.053) documents in the shape of a given version, for the generated tests.
private struct CamtXML {
    let version: Int
    var message = "054"

    func document(_ entries: [String]) -> Data { document(reports: [entries]) }

    func document(reports: [[String]]) -> Data {
        let (body, report) = message == "054" ? ("BkToCstmrDbtCdtNtfctn", "Ntfctn") : ("BkToCstmrStmt", "Stmt")
        let reportElements = reports.enumerated().map { index, entries in
            """
            <\(report)><Id>REPORT-\(index + 1)</Id><CreDtTm>2026-03-02T06:00:00+01:00</CreDtTm>
            <Acct><Id><IBAN>NO9386011117947</IBAN></Id></Acct>
            \(entries.joined(separator: "\n"))
            </\(report)>
            """
        }
        return Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.\(message).001.0\(version)">
            <\(body)><GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T06:00:00+01:00</CreDtTm></GrpHdr>
            \(reportElements.joined(separator: "\n"))
            </\(body)></Document>
            """.utf8)
    }

    func entry(
        _ amount: String, ccy: String = "NOK", indicator: String = "CRDT", reversal: String? = nil, status: String = "BOOK",
        booking: String = "<Dt>2026-03-02</Dt>", extra: String = "", details: [String] = []
    ) -> String {
        let statusElement = version >= 8 ? "<Sts><Cd>\(status)</Cd></Sts>" : "<Sts>\(status)</Sts>"
        let detailsElement = details.isEmpty ? "" : "<NtryDtls>\(details.joined())</NtryDtls>"
        return """
            <Ntry><Amt Ccy="\(ccy)">\(amount)</Amt><CdtDbtInd>\(indicator)</CdtDbtInd>\
            \(reversal.map { "<RvslInd>\($0)</RvslInd>" } ?? "")\(statusElement)\
            <BookgDt>\(booking)</BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt>\(extra)\(detailsElement)</Ntry>
            """
    }

    /// Before version 04 a transaction's amount sits only in AmtDtls/TxAmt and it has no CdtDbtInd of its own;
    /// from 08 the debtor is wrapped in Pty.
    func transaction(
        _ amount: String?, ccy: String = "NOK", indicator: String? = nil, debtor: String? = nil, remittance: String = "",
        extra: String = ""
    ) -> String {
        let amountElement = amount.map { amount in
            let element = "<Amt Ccy=\"\(ccy)\">\(amount)</Amt>"
            return version >= 4 ? element : "<AmtDtls><TxAmt>\(element)</TxAmt></AmtDtls>"
        } ?? ""
        let indicatorElement = indicator.map { "<CdtDbtInd>\($0)</CdtDbtInd>" } ?? ""
        let party = debtor.map { name in
            """
            <Nm>\(name)</Nm><PstlAdr><StrtNm>Storgatan</StrtNm><BldgNb>2</BldgNb><PstCd>11122</PstCd>\
            <TwnNm>Stockholm</TwnNm><Ctry>SE</Ctry></PstlAdr><Id><OrgId><Othr><Id>5560000001</Id></Othr></OrgId></Id>
            """
        }
        let parties = party.map { "<RltdPties><Dbtr>\(version >= 8 ? "<Pty>\($0)</Pty>" : $0)</Dbtr></RltdPties>" } ?? ""
        let references = "<Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>"
        return "<TxDtls>\(references)\(amountElement)\(indicatorElement)\(parties)\(remittance)\(extra)</TxDtls>"
    }
}
