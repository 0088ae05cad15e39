@testable import BetaltServer
import BetaltCore
import Foundation
import Testing

/// Every reason the sources can give has a Norwegian and a Swedish text with the same places, so no page
/// shows an English reason because a translation was forgotten.
@Suite struct ReasonTranslationTests {
    @Test func everyReasonTheSourcesWriteIsTranslatedWithTheSamePlaces() throws {
        let templates = try ReasonLiterals.templates(under: TestApp.repositoryRoot + "/Sources")
        #expect(templates.count > 150, "the scan found too few reasons to be reading the sources: \(templates.count)")
        for template in templates.sorted() {
            for language in [Language.nb, .sv] {
                let translated = Translations.reasons[template]?[language]
                #expect(translated != nil, "no \(language) text for the reason «\(template)»")
                if let translated {
                    #expect(Self.places(translated) == Self.places(template), "«\(translated)» has other places than «\(template)»")
                }
            }
        }
        let unused = Set(Translations.reasons.keys).subtracting(templates)
        #expect(unused.isEmpty, "translations of reasons no source gives: \(unused.sorted())")
        // A reason the scan cannot read (a ternary, a variable) would go untranslated unseen: only text made
        // elsewhere (verbatim), a kept template or a decoder may come without a literal.
        let unread = try ReasonLiterals.callsWithoutLiteral(under: TestApp.repositoryRoot + "/Sources").filter { call in
            !["ReasonText(verbatim:", "verbatim:", "template:", "from:"].contains { call.hasPrefix($0) }
        }
        #expect(unread.isEmpty, "reasons written so the scan cannot read them: \(unread)")
    }

    @Test func theScanReadsReasonsAsTheirInterpolationBuildsThem() {
        let source = #"""
            x = Reason("no fee \(a.b(c: "q)")) on \(d)" + " and \(e) \"x\"", citation)
            y = ReasonText("plain")
            z = Reasoned("not this")
            """#
        let name = StepKind.reminder.name(in: .norway)
        let built = ReasonText("no fee \(name) on \(1) and \(2) \"x\"")
        #expect(ReasonLiterals.templates(in: source) == [built.template, "plain"])
    }

    /// The places of a template, each as often as it comes, in order of number.
    static func places(_ template: String) -> [String] {
        let pattern = /\{[0-9]+\}/
        return template.matches(of: pattern).map { String($0.output) }.sorted()
    }
}

/// The reason templates written in Swift sources: each `Reason(` or `ReasonText(` followed by string literals
/// (joined by `+`), with every interpolation a numbered place, as `ReasonText`'s interpolation numbers them.
/// Written by hand because no Swift parser is among the packages this project may use; it reads single-line
/// literals, which is how every reason is written.
enum ReasonLiterals {
    static func templates(under directory: String) throws -> Set<String> {
        var templates: Set<String> = []
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
            templates.formUnion(Self.templates(in: try String(contentsOfFile: directory + "/" + file, encoding: .utf8)))
        }
        return templates
    }

    /// What follows each `Reason(` or `ReasonText(` that is not followed by a string literal.
    static func callsWithoutLiteral(under directory: String) throws -> [String] {
        var calls: [String] = []
        for file in FileManager.default.enumerator(atPath: directory)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix(".swift") {
            let text = Array(try String(contentsOfFile: directory + "/" + file, encoding: .utf8).unicodeScalars)
            var index = 0
            while let start = nextCall(in: text, from: index) {
                let position = skipSpace(text, start)
                if position < text.count, text[position] != "\"" {
                    calls.append(String(String.UnicodeScalarView(text[position..<min(text.count, position + 40)])))
                }
                index = start
            }
        }
        return calls
    }

    static func templates(in source: String) -> [String] {
        let text = Array(source.unicodeScalars)
        var found: [String] = []
        var index = 0
        while let start = nextCall(in: text, from: index) {
            var position = skipSpace(text, start)
            var template = ""
            var places = 0
            var literals = 0
            while position < text.count, text[position] == "\"", let (end, piece, count) = literal(text, position, placesBefore: places) {
                template += piece
                places += count
                literals += 1
                position = skipSpace(text, end)
                guard position < text.count, text[position] == "+" else { break }
                position = skipSpace(text, position + 1)
            }
            if literals > 0 { found.append(template) }
            index = start
        }
        return found
    }

    /// The index after the next `Reason(` or `ReasonText(` that is not the end of a longer name.
    private static func nextCall(in text: [Unicode.Scalar], from index: Int) -> Int? {
        var position = index
        while position < text.count {
            for name in ["Reason(", "ReasonText("] {
                let scalars = Array(name.unicodeScalars)
                if position + scalars.count <= text.count, Array(text[position..<(position + scalars.count)]) == scalars,
                   position == 0 || !(text[position - 1].properties.isAlphabetic || text[position - 1] == "_") {
                    return position + scalars.count
                }
            }
            position += 1
        }
        return nil
    }

    private static func skipSpace(_ text: [Unicode.Scalar], _ index: Int) -> Int {
        var position = index
        while position < text.count, text[position].properties.isWhitespace { position += 1 }
        return position
    }

    /// A single-line literal starting at `index`: the index after it, its template piece and its places.
    private static func literal(_ text: [Unicode.Scalar], _ index: Int, placesBefore: Int) -> (Int, String, Int)? {
        guard !(index + 2 < text.count && text[index + 1] == "\"" && text[index + 2] == "\"") else { return nil }
        var position = index + 1
        var piece = ""
        var places = 0
        let escapes: [Unicode.Scalar: String] = ["\"": "\"", "\\": "\\", "n": "\n", "t": "\t", "'": "'", "0": "\0"]
        while position < text.count {
            let scalar = text[position]
            if scalar == "\\", position + 1 < text.count {
                let next = text[position + 1]
                if next == "(" {
                    guard let end = interpolationEnd(text, position + 2) else { return nil }
                    places += 1
                    piece += "{\(placesBefore + places)}"
                    position = end
                    continue
                }
                piece += escapes[next] ?? String(next)
                position += 2
                continue
            }
            if scalar == "\"" { return (position + 1, piece, places) }
            if scalar == "\n" { return nil }
            piece.unicodeScalars.append(scalar)
            position += 1
        }
        return nil
    }

    /// The index after the `)` that closes an interpolation, stepping over nested parentheses and literals.
    private static func interpolationEnd(_ text: [Unicode.Scalar], _ index: Int) -> Int? {
        var depth = 1
        var position = index
        while position < text.count {
            switch text[position] {
            case "\"":
                guard let (end, _, _) = literal(text, position, placesBefore: 0) else { return nil }
                position = end
                continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return position + 1 }
            default: break
            }
            position += 1
        }
        return nil
    }
}
