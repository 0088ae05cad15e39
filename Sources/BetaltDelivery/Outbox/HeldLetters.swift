import BetaltCore
import BetaltStore
import FluentKit
import Foundation

/// Letters waiting to print whose claims changed after they were written, or that still wait on a later day than their
/// date (`NoticeStanding`): a paid claim stops at once, also on paper, and a letter posted gives its full deadline from
/// the day it is dated. The delivery round withdraws those with nothing left to ask for and writes the others again
/// for what is owed now, dated the round's day; the new letters wait to print in their place.
enum HeldLetters {
    /// What one revision did.
    struct Revision: Sendable {
        var withdrawn = 0
        var rewritten = 0
        var failures: [String] = []
    }

    static func revise(
        creditorID: UUID?, date: CivilDate, composer: NoticeComposer, now: Date = Date(), on database: any Database
    ) async throws -> Revision {
        var query = NoticeRecord.query(on: database).filter(\.$status == NoticeStatus.toPrint.rawValue)
        if let creditorID { query = query.filter(\.$creditorID == creditorID) }
        let letters = try await query.all()
        let standings = try await NoticeStanding.of(letters.compactMap(\.id), today: date, on: database)
        var revision = Revision()
        for letter in letters {
            switch standings[letter.id!] {
            case .nothingToAsk:
                let detail = "not to be posted: each claim it asks for was settled, handed over or stopped (disputed, promised, on a plan) after it was written"
                if try await database.writing({ tx in try await withdraw(letter, detail: detail, date: date, now: now, on: tx) }) {
                    revision.withdrawn += 1
                }
            case .rewrite(let actIDs):
                let detail = "not to be posted: its claims changed after it was written (paid, credited, written off, disputed, promised or put on a plan), or it was still to print after the day it was dated; written again for what is owed now, dated \(date.iso)"
                do {
                    try await composer.rewrite(letter, actIDs: actIDs, date: date, on: database) { tx in
                        guard try await withdraw(letter, detail: detail, date: date, keeping: Set(actIDs), now: now, on: tx) else {
                            throw TakenMeanwhile()
                        }
                    }
                    revision.rewritten += 1
                } catch is TakenMeanwhile {
                    continue
                } catch {
                    // It stays held (never printed as it is) and is tried again by the next round.
                    revision.failures.append("\(letter.title), \(letter.groupKey): \(error)")
                }
            case .asWritten, nil:
                continue
            }
        }
        return revision
    }

    /// Withdraws the letter if it still waits to print; false when another round or a person got to it first. Its acts
    /// never went (`UnsentActs`), except `keeping`: those of the letter written in its place.
    private static func withdraw(
        _ letter: NoticeRecord, detail: String, date: CivilDate, keeping: Set<UUID> = [], now: Date, on tx: any Database
    ) async throws -> Bool {
        guard try await NoticeActions.leavePrintList(letter, as: .withdrawn, detail: detail, event: ("withdrawn", detail), now: now, on: tx)
        else { return false }
        try await UnsentActs.undo(notice: letter.id!, keeping: keeping, on: date, database: tx)
        return true
    }

    /// Another process withdrew or posted the letter while it was being written again.
    private struct TakenMeanwhile: Error {}
}
