import BetaltCore
import FluentKit
import Foundation
import SQLKit
import Synchronization

/// The words of the reasons the daily run keeps with its acts: each template with its citation is stored once in
/// `reason_texts`, under a key made from them, and an act names it by that key with the reason's values beside it
/// ({"arguments": [...], "k": key}, nested reasons alike). A key is the start of the SHA-256 of the words, so
/// every process and database makes the same key for the same words, and words once kept never change.
/// Acts written before, and those written one by one (a call task made by hand), keep their words in the act
/// ({"text": …}); both read alike.
public struct ReasonTexts: Sendable {
    /// A template and its citation, as one reason carries them.
    struct Words: Hashable, Sendable {
        let template: String
        let citation: String?
    }

    private let words: [String: Words]

    /// The key the run gives `words`.
    static func key(_ words: Words) -> String {
        if let known = keys.withLock({ $0[words] }) { return known }
        var bytes = Array(words.template.utf8)
        if let citation = words.citation { bytes += [0] + Array(citation.utf8) }
        let key = String(sha256Hex(bytes).prefix(16))
        keys.withLock { $0[words] = key }
        return key
    }

    /// Keys made so far: the run names the same few hundred words hundreds of thousands of times.
    private static let keys = Mutex<[Words: String]>([:])

    /// The words one batch of acts names, by key.
    struct Named {
        private(set) var words: [String: Words] = [:]
        /// The batch's own memo of `key(_:)`: one lookup per reason, without the process-wide lock.
        private var keys: [Words: String] = [:]

        /// The key of `words`, which the batch now keeps.
        mutating func key(_ words: Words) -> String {
            if let known = keys[words] { return known }
            let key = ReasonTexts.key(words)
            keys[words] = key
            self.words[key] = words
            return key
        }
    }

    /// Keeps `texts` (by key) unless they are kept already, in the caller's transaction.
    static func write(_ texts: [String: Words], on sql: any SQLDatabase) async throws {
        var rows = JSONRows()
        // In the keys' order: two runs at once on PostgreSQL then wait for each other's new keys, never deadlock.
        for (key, words) in texts.sorted(by: { $0.key < $1.key }) { rows.append(.text(key), .text(words.template), .optional(words.citation)) }
        try await BulkStatement.insert(
            into: "reason_texts", [BulkColumn("text_key"), BulkColumn("template"), BulkColumn("citation")], rows: rows,
            ignoringConflicts: true, on: sql
        )
    }

    /// The words the stored reasons name.
    public static func load(for stored: [String], on database: any Database) async throws -> ReasonTexts {
        var wanted = Set<String>()
        for json in stored where json.contains("\"k\":") { collectKeys(in: json, into: &wanted) }
        guard !wanted.isEmpty else { return ReasonTexts(words: [:]) }
        let rows = try await (database as! any SQLDatabase).raw("""
            SELECT text_key, template, citation FROM reason_texts WHERE text_key IN (\(binds: Array(wanted)))
            """).all()
        var words: [String: Words] = [:]
        for row in rows {
            words[try row.decode(column: "text_key", as: String.self)] = Words(
                template: try row.decode(column: "template", as: String.self), citation: try row.decode(column: "citation", as: String?.self)
            )
        }
        return ReasonTexts(words: words)
    }

    /// The reasons of an act's stored JSON; what this version cannot read (or a key not kept) is shown as it is
    /// kept rather than dropped.
    public func reasons(_ stored: String) -> [Reason] {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [Any],
              let spelled = try? JSONSerialization.data(withJSONObject: parsed.map(spelledOut)),
              let reasons = try? JSONDecoder().decode([Reason].self, from: spelled)
        else { return [Reason(ReasonText(verbatim: stored))] }
        return reasons
    }

    /// A stored reason (or argument) with its key replaced by the words it names, as `Reason`'s Codable form has them.
    private func spelledOut(_ value: Any) throws -> Any {
        guard var object = value as? [String: Any] else { return value }
        if let arguments = object["arguments"] as? [Any] { object["arguments"] = try arguments.map(spelledOut) }
        guard let key = object.removeValue(forKey: "k") as? String else { return object }
        guard let words = words[key] else { throw UnknownKey() }
        object["text"] = words.template
        if let citation = words.citation { object["citation"] = citation }
        return object
    }

    private struct UnknownKey: Error {}

    private static func collectKeys(in json: String, into keys: inout Set<String>) {
        var rest = json[...]
        while let marker = rest.range(of: "\"k\":\"") {
            let start = marker.upperBound
            guard let end = rest[start...].firstIndex(of: "\"") else { return }
            keys.insert(String(rest[start..<end]))
            rest = rest[end...]
        }
    }
}
