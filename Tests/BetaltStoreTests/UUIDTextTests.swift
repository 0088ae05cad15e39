@testable import BetaltStore
import Foundation
import Testing

@Suite("UUIDs as text")
struct UUIDTextTests {
    @Test("written exactly as uuidString writes them, and read back in either case")
    func roundTrip() {
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(UUIDText.string(id) == id.uuidString)
            var appended = Array("x".utf8)
            UUIDText.append(id, to: &appended)
            #expect(appended == Array("x\(id.uuidString)".utf8))
            #expect(UUIDText.parse(id.uuidString) == id)
            #expect(UUIDText.parse(id.uuidString.lowercased()) == id)
        }
        let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        #expect(UUIDText.string(zero) == "00000000-0000-0000-0000-000000000000")
    }

    @Test("anything but the 8-4-4-4-12 form is not a UUID", arguments: [
        "", "not a uuid", "01A20744-B444-7015-A60D-B95F850425A", "01A20744-B444-7015-A60D-B95F850425A77",
        "01A20744B444-7015-A60D-B95F850425A7-", "01A20744-B444-7015-A60D_B95F850425A7", "01A20744-B444-7015-A60D-B95F850425G7",
        "{01A20744-B444-7015-A60D-B95F850425A7}", "01A20744-B444-7015-A60D-B95F85042ÅA7",
    ])
    func refused(_ text: String) {
        #expect(UUIDText.parse(text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
