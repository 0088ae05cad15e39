import BetaltCore
import Foundation

// `make bench`: the core's hot paths over a million synthetic claims, in release mode.
// Figures go to the README's performance section and the closing note.

/// A synthetic claim: principal in øre and a due date.
struct SyntheticClaim {
    let principal: Money
    let dueDate: CivilDate
}

/// SplitMix64, so every run measures the same claims.
struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func peakResidentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kilobytes / 1024
}

func measure(_ label: String, count: Int, _ body: () throws -> Int64) rethrows {
    let clock = ContinuousClock()
    var checksum: Int64 = 0
    let elapsed = try clock.measure { checksum = try body() }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let perSecond = Int(Double(count) / seconds)
    print("\(label): \(count) claims in \(String(format: "%.2f", seconds)) s = \(perSecond) claims/s (checksum \(checksum))")
}

let claimCount = Int(ProcessInfo.processInfo.environment["BETALT_BENCH_CLAIMS"] ?? "") ?? 1_000_000
let through = try CivilDate(2026, 6, 30)
let firstDue = try CivilDate(2024, 1, 1)
var generator = Generator(state: 42)
let claims = (0..<claimCount).map { _ in
    SyntheticClaim(
        principal: Money(minorUnits: Int64.random(in: 10_000...10_000_000, using: &generator), currency: .nok),
        dueDate: firstDue.adding(days: Int.random(in: 0...900, using: &generator))
    )
}
let rulebook = Rulebook.norway
print("Betalt core benchmark: \(claimCount) claims, late interest through \(through.iso)")

var interests: [Money] = []
interests.reserveCapacity(claimCount)
try measure("late interest (split at half-years, rounded once)", count: claimCount) {
    var total: Int64 = 0
    for claim in claims {
        let interest = try LateInterest.accrued(on: claim.principal, dueDate: claim.dueDate, through: through, rulebook: rulebook).total
        interests.append(interest)
        total &+= interest.minorUnits
    }
    return total
}

try measure("allocation (fee -> interest -> principal)", count: claimCount) {
    var total: Int64 = 0
    for (claim, interest) in zip(claims, interests) {
        let balances = try ComponentBalances(
            principal: claim.principal, fee: .major(35, .nok), interest: interest, compensation: .zero(.nok)
        )
        let payment = Money(minorUnits: claim.principal.minorUnits / 2, currency: .nok)
        total &+= try PaymentAllocator.allocate(payment, to: balances).amount(for: .principal).minorUnits
    }
    return total
}
print("peak resident memory: \(peakResidentMegabytes()) MB")
