import BetaltCore
import BetaltFormats
import Foundation
import Testing

@Suite("A large camt.054")
struct PaymentCamtLargeFileTests {
    @Test("a notification over 10 MB (30,000 payments) is read whole, not refused by the XML parser's lookup limit")
    func overTenMegabytes() throws {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>LARGE</MsgId><CreDtTm>2026-06-22T06:00:00+02:00</CreDtTm></GrpHdr>
            <Ntfctn><Id>LARGE-1</Id><CreDtTm>2026-06-22T06:00:00+02:00</CreDtTm><Acct><Id><Othr><Id>86011117947</Id></Othr></Id></Acct>
            """
        let count = 30_000
        for index in 0..<count {
            xml += "<Ntry><Amt Ccy=\"NOK\">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>2026-06-22</Dt></BookgDt><AcctSvcrRef>REF-\(index)</AcctSvcrRef><NtryDtls><TxDtls>"
                + "<Amt Ccy=\"NOK\">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RmtInf><Strd><CdtrRefInf><Ref>\(7_000_000_000 + index)"
                + "</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>\n"
        }
        xml += "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n"
        let data = Data(xml.utf8)
        #expect(data.count > 10_000_000)
        let file = try CamtParser.parse(data, fileName: "large.xml")
        #expect(file.payments.count == count)
        #expect(file.payments.last?.structuredReferences == ["\(7_000_000_000 + count - 1)"])
    }
}
