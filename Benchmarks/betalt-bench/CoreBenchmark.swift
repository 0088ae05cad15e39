import BetaltCore
import Foundation

/// A synthetic claim: principal in øre and a due date.
struct SyntheticClaim {
    let principal: Money
    let dueDate: CivilDate
}

func peakResidentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kilobytes / 1024
}

/// The processor time this process has used so far, in user and in system mode, in seconds.
func processorSeconds() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return (seconds(usage.ru_utime), seconds(usage.ru_stime))
}

func measure(_ label: String, count: Int, _ body: () throws -> Int64) rethrows {
    let clock = ContinuousClock()
    var checksum: Int64 = 0
    let elapsed = try clock.measure { checksum = try body() }
    let perSecond = Int(Double(count) / secondsValue(elapsed))
    print("\(label): \(count) claims in \(seconds(elapsed)) s = \(perSecond) claims/s (checksum \(checksum))")
}

/// Late interest and payment allocation over `claimCount` synthetic claims: the core's hot paths.
func benchmarkCore(claimCount: Int) throws {
    let through = try CivilDate(2026, 6, 30)
    let firstDue = try CivilDate(2024, 1, 1)
    var generator = SeededGenerator(seed: 42)
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
    print("peak resident memory so far: \(peakResidentMegabytes()) MB")
}
