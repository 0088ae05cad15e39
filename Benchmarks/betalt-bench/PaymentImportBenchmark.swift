import BetaltCore
import BetaltFormats
import BetaltServer
import BetaltStore
import Foundation
import SQLKit

/// Imports one camt.054 of `payments` credits, each naming a claim's reference, against a creditor with
/// `claims` open claims: parsing, matching and booking through the ledger.
func benchmarkPaymentImport(_ location: DatabaseLocation, claims: Int, payments: Int) async throws {
    let today = try CivilDate(2026, 6, 22)
    let store = try StandaloneDatabase(location: location)
    do {
        try await store.migrate()
        // One connection throughout: each `store.database` may be another event loop's.
        let database = store.database, sql = database as! any SQLDatabase
        let ledger = SyntheticLedger(creditors: 1, customersPerCreditor: 1000, claimsPerCreditor: claims, today: today)
        try await SQLiteTuning.bulk(sql) { try await database.transaction { try await ledger.write(on: $0 as! any SQLDatabase) } }
        await SQLiteCheckpointer.shared.wait()
        let creditorID = try await CreditorRecord.query(on: database).first()!.requireID()
        let file = camt054(payments: payments, claims: claims)
        let clock = ContinuousClock()
        let parsing = try clock.measure { _ = try CamtParser.parse(file, fileName: "bench.xml") }
        print("camt.054 of \(payments) payments (\(file.count / 1_000_000) MB) parsed alone in \(seconds(parsing)) s; peak memory so far \(peakResidentMegabytes()) MB")
        var summary: ImportSummary?
        let elapsed = try await clock.measure {
            summary = try await PaymentImport.run(fileName: "bench.xml", data: file, creditorID: creditorID, today: today, on: database)
        }
        let checkpoint = await clock.measure { await SQLiteCheckpointer.shared.wait() }
        let perSecond = Int(Double(payments) / max(0.001, secondsValue(elapsed)))
        print("\(location): imported a camt.054 of \(payments) payments against \(claims) claims in \(seconds(elapsed)) s = \(perSecond) payments/s; matched \(summary?.paymentsMatched ?? 0); the checkpoint it left to the background took \(seconds(checkpoint)) s more")
        print("peak resident memory so far: \(peakResidentMegabytes()) MB")
        try await store.shutdown()
    } catch {
        try? await store.shutdown()
        throw error
    }
}

/// A camt.054.001.08 with one booked credit per payment, each paying 100.00 on a claim picked by reference.
private func camt054(payments: Int, claims: Int) -> Data {
    var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
        <GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-06-22T06:00:00+02:00</CreDtTm></GrpHdr>
        <Ntfctn><Id>BENCH-1</Id><CreDtTm>2026-06-22T06:00:00+02:00</CreDtTm><Acct><Id><Othr><Id>86011117947</Id></Othr></Id></Acct>
        """
    let step = max(1, claims / max(1, payments))
    for index in 0..<payments {
        let reference = SyntheticLedger.reference((index * step) % claims)
        xml += """
            <Ntry><Amt Ccy="NOK">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
            <BookgDt><Dt>2026-06-22</Dt></BookgDt><ValDt><Dt>2026-06-22</Dt></ValDt><AcctSvcrRef>B\(index)</AcctSvcrRef>\
            <NtryDtls><TxDtls><Amt Ccy="NOK">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>\
            <RmtInf><Strd><CdtrRefInf><Ref>\(reference)</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>

            """
    }
    xml += "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n"
    return Data(xml.utf8)
}
