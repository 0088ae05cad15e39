import Foundation
import Synchronization

/// UUIDv7-style ids (RFC 9562): a millisecond timestamp first, then a counter and random bits, so rows
/// written together get neighbouring keys and a bulk insert appends to an index instead of touching a
/// random page per row. Written by hand: Foundation on Linux makes only random (v4) UUIDs.
public enum TimeOrderedID {
    private struct State {
        var millisecond: UInt64 = 0
        var counter: UInt16 = 0
        /// Random bits from the system's generator, fetched 512 ids' worth at a time: one system call per id
        /// cost more than the rest of making it when a run makes a million.
        var random: [UInt64] = []
    }

    private static let state = Mutex(State())

    public static func next(now: Date = Date()) -> UUID {
        let wallClock = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        // Monotonic within the process: a clock step backwards or a full counter borrows the next millisecond.
        let (millisecond, counter, tail) = state.withLock { state -> (UInt64, UInt16, UInt64) in
            if wallClock > state.millisecond {
                state.millisecond = wallClock
                state.counter = 0
            } else if state.counter == 0x0FFF {
                state.millisecond += 1
                state.counter = 0
            } else {
                state.counter += 1
            }
            if state.random.isEmpty {
                state.random = [UInt64](repeating: 0, count: 512)
                state.random.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
            }
            return (state.millisecond, state.counter, state.random.removeLast())
        }
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(uuid: (
            byte(millisecond, 40), byte(millisecond, 32), byte(millisecond, 24), byte(millisecond, 16), byte(millisecond, 8),
            byte(millisecond, 0), 0x70 | UInt8(counter >> 8), UInt8(truncatingIfNeeded: counter),
            (byte(tail, 0) & 0x3F) | 0x80, byte(tail, 8), byte(tail, 16), byte(tail, 24), byte(tail, 32), byte(tail, 40),
            byte(tail, 48), byte(tail, 56)
        ))
    }
}
