import BetaltStore
import Foundation

// `make bench`: the hot paths in release mode. Figures go to the README's performance section.
// BETALT_BENCH_CLAIMS scales everything down for a quick look (the camt import uses a tenth as many
// payments, or BETALT_BENCH_PAYMENTS); BETALT_BENCH_LETTERS sets how many notices are rendered (10,000);
// BETALT_BENCH_POSTGRES_URL adds PostgreSQL to the daily run. BETALT_BENCH_ONLY=import runs the camt import
// alone, BETALT_BENCH_ONLY=run the daily runs alone (run-sqlite, run-postgres: one engine), which saves the
// minutes the others take when only one is being looked at; BETALT_BENCH_CACHE keeps the SQLite ledger and
// BETALT_BENCH_POSTGRES_DUMP dumps the PostgreSQL one (RunBenchmark).
// The full bench runs the camt import and the PostgreSQL daily run as such child processes, so the peak memory
// of each is measured on its own, as `betalt run` and `betalt import` run in production.
let environment = ProcessInfo.processInfo.environment
let claimCount = Int(environment["BETALT_BENCH_CLAIMS"] ?? "") ?? 1_000_000
let only = environment["BETALT_BENCH_ONLY"] ?? ""
let importOnly = only == "import"
let runOnly = only.hasPrefix("run")
let claimsPerCreditor = Int(environment["BETALT_BENCH_CLAIMS_PER_CREDITOR"] ?? "") ?? 100
let creditors = max(1, claimCount / claimsPerCreditor)
if !importOnly && !runOnly {
    try benchmarkCore(claimCount: claimCount)
    try await benchmarkLetters(count: Int(environment["BETALT_BENCH_LETTERS"] ?? "") ?? 10_000)
}
if !importOnly && only != "run-postgres" {
    let sqlitePath = FileManager.default.temporaryDirectory.appendingPathComponent("betalt-bench-\(UUID().uuidString).sqlite").path
    try await benchmarkDailyRun(.sqliteFile(path: sqlitePath), creditors: creditors, claimsPerCreditor: claimsPerCreditor)
    try? FileManager.default.removeItem(atPath: sqlitePath)
}
if importOnly {
    let importPath = FileManager.default.temporaryDirectory.appendingPathComponent("betalt-bench-\(UUID().uuidString).sqlite").path
    let paymentCount = Int(environment["BETALT_BENCH_PAYMENTS"] ?? "") ?? max(1, claimCount / 10)
    try await benchmarkPaymentImport(.sqliteFile(path: importPath), claims: claimCount, payments: paymentCount)
    try? FileManager.default.removeItem(atPath: importPath)
} else if !runOnly {
    // In a process of its own, so its peak memory is the import's, not what the daily run left in the heap.
    try runItself(only: "import")
}
if !importOnly && only != "run-sqlite", let url = environment["BETALT_BENCH_POSTGRES_URL"], !url.isEmpty {
    if only == "run-postgres" {
        try await benchmarkDailyRun(.postgres(url: url), creditors: creditors, claimsPerCreditor: claimsPerCreditor)
    } else {
        // In a process of its own, so its peak memory is the run's, not what the SQLite run left in the heap.
        try runItself(only: "run-postgres")
    }
}

/// Runs this benchmark again as a child process with BETALT_BENCH_ONLY=`only`, its output going to ours.
func runItself(only: String) throws {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    var childEnvironment = ProcessInfo.processInfo.environment
    childEnvironment["BETALT_BENCH_ONLY"] = only
    child.environment = childEnvironment
    // What this process printed so far goes first: the child writes to the same output.
    fflush(nil)
    try child.run()
    child.waitUntilExit()
    guard child.terminationStatus == 0 else {
        throw BenchmarkFailed(reason: "BETALT_BENCH_ONLY=\(only) ended with status \(child.terminationStatus)")
    }
}

struct BenchmarkFailed: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
