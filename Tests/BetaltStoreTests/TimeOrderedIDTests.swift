import BetaltStore
import Foundation
import Testing

@Suite("Time-ordered ids")
struct TimeOrderedIDTests {
    @Test("ids made one after another sort in the order they were made, and are version 7")
    func ordered() {
        let ids = (0..<10_000).map { _ in TimeOrderedID.next() }
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.uuidString.dropFirst(14).first == "7" })
        // The RFC 9562 variant: the two top bits of byte 8 are 10.
        #expect(ids.allSatisfy { "89AB".contains($0.uuidString.dropFirst(19).first!) })
        // The random tail differs between ids made in the same millisecond.
        #expect(Set(ids.map { $0.uuidString.suffix(12) }).count == ids.count)
    }

    @Test("a clock that steps back does not break the order")
    func clockStepsBack() {
        let now = Date()
        let first = TimeOrderedID.next(now: now)
        let second = TimeOrderedID.next(now: now.addingTimeInterval(-5))
        #expect(first.uuidString < second.uuidString)
    }
}
