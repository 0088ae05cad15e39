import Foundation
import Synchronization

/// UUIDv7-style ids (RFC 9562): a millisecond timestamp first, then a counter and random bits, so rows
/// written together get neighbouring keys and a bulk insert appends to an index instead of touching a
/// random page per row. Written by hand: Foundation on Linux makes only random (v4) UUIDs.
public enum TimeOrderedID {
    private static let state = Mutex<(millisecond: UInt64, counter: UInt16)>((0, 0))

    public static func next(now: Date = Date()) -> UUID {
        let wallClock = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        // Monotonic within the process: a clock step backwards or a full counter borrows the next millisecond.
        let (millisecond, counter) = state.withLock { state -> (UInt64, UInt16) in
            if wallClock > state.millisecond {
                state = (wallClock, 0)
            } else if state.counter == 0x0FFF {
                state = (state.millisecond + 1, 0)
            } else {
                state.counter += 1
            }
            return (state.millisecond, state.counter)
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: millisecond >> (8 * (5 - index))) }
        bytes[6] = 0x70 | UInt8(counter >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        var random = SystemRandomNumberGenerator()
        let tail = random.next()
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: tail >> (8 * (index - 8))) }
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }
}
