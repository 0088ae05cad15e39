import BetaltCore
import Foundation
import Mustache

/// The notice templates: Betalt's own, each replaceable by a creditor's file of the same name.
///
/// Templates are mustache files named `<kind>.<language>.mustache` (e.g. `collectionNotice.nb.mustache`).
/// An override directory may hold files for every creditor at its top level and files for one creditor in a
/// folder named by the creditor's id; the most specific file wins.
public struct NoticeTemplates: Sendable {
    private let templates: [String: MustacheTemplate]
    /// Where each template came from (file path), for the preview page and error messages.
    public let sources: [String: String]

    /// Betalt's own templates, with the overrides in `overrideDirectory` (and its `creditorFolder`) on top.
    public init(overrideDirectory: URL? = nil, creditorFolder: String? = nil) throws(TemplateError) {
        var files: [String: URL] = [:]
        guard let bundled = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw TemplateError(file: "Templates", message: "Betalt's own templates are missing from the build")
        }
        for directory in [bundled, overrideDirectory, creditorFolder.flatMap { overrideDirectory?.appendingPathComponent($0) }] {
            guard let directory else { continue }
            for (name, url) in Self.templateFiles(in: directory) { files[name] = url }
        }
        var templates: [String: MustacheTemplate] = [:]
        for (name, url) in files {
            templates[name] = try Self.load(url, html: name.hasSuffix(".html"))
        }
        self.templates = templates
        self.sources = files.mapValues(\.path)
        let required = DocumentKind.allCases.flatMap { kind in Language.allCases.map(kind.templateName) } + [Self.emailLayout]
        for name in required where templates[name] == nil {
            throw TemplateError(file: name + ".mustache", message: "no such template")
        }
    }

    /// The notice's prose: its title, the paragraphs before the amounts and those after.
    public func prose(for content: NoticeContent) throws(TemplateError) -> NoticeProse {
        let name = content.kind.templateName(content.language)
        guard let template = templates[name] else { throw TemplateError(file: name, message: "no such template") }
        return try NoticeProse(parsing: template.render(content.templateContext()), template: sources[name] ?? name)
    }

    private static func templateFiles(in directory: URL) -> [(String, URL)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".mustache") }.map { name in
            (String(name.dropLast(".mustache".count)), directory.appendingPathComponent(name))
        }
    }

    /// The HTML e-mail layout around a letter's content (`_email.html.mustache`).
    static let emailLayout = "_email.html"

    /// The letter as the HTML part of an e-mail.
    public func html(_ letter: Letter, language: Language) -> String {
        templates[Self.emailLayout]!.render(letter.htmlContext(language: language))
    }

    private static func load(_ url: URL, html: Bool) throws(TemplateError) -> MustacheTemplate {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TemplateError(file: url.path, message: "cannot be read as UTF-8 text: \(error.localizedDescription)")
        }
        do {
            // Letters and e-mails are plain text until a renderer escapes them, so no HTML escaping here.
            return try MustacheTemplate(string: html ? text : "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch {
            throw TemplateError(file: url.path, message: "is not a valid mustache template: \(error)")
        }
    }
}

/// A template that cannot be used, naming its file.
public struct TemplateError: Error, Sendable, CustomStringConvertible, Equatable {
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
