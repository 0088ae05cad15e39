import Foundation
import Testing
@testable import BetaltFormats

/// The XML reader under the invoice and camt parsers: tree shape, paths, and what it refuses.
@Suite("XML reader")
struct InvoiceXMLReaderTests {
    private func refusal(_ text: String, limits: XMLReader.Limits = .init()) -> FormatError? {
        do {
            _ = try XMLReader.parse(Data(text.utf8), fileName: "x.xml", limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test("names lose their prefix, keep their namespace; repeated siblings get positions in the path")
    func treeAndPaths() throws {
        let text = """
            <r:Root xmlns:r="urn:r" xmlns:b="urn:b">
              <b:Item code="1"> one </b:Item>
              <b:Item><![CDATA[two & more]]></b:Item>
              <Other/>
            </r:Root>
            """
        let root = try XMLReader.parse(Data(text.utf8), fileName: "x.xml")
        #expect(root.name == "Root")
        #expect(root.namespace == "urn:r")
        #expect(root.path == "/r:Root")
        let items = root.children("Item", namespace: "urn:b")
        #expect(items.map(\.text) == ["one", "two & more"])
        #expect(items.map(\.path) == ["/r:Root/b:Item[1]", "/r:Root/b:Item[2]"])
        #expect(items[0].attribute("code") == "1")
        #expect(items[0].line == 2)
        #expect(root.child("Other")?.path == "/r:Root/Other")
        #expect(root.child("Other")?.namespace == nil)
    }

    @Test("streaming hands over each detached element with the same path a whole-tree read gives, and keeps the rest")
    func streamingPaths() throws {
        let text = """
            <Doc xmlns="urn:c">
              <Rpt><Id>A</Id><Ntry><Amt>1</Amt></Ntry></Rpt>
              <Rpt><Id>B</Id><Ntry><Amt>2</Amt><Amt>3</Amt></Ntry><Ntry><Amt>4</Amt></Ntry><Bal>9</Bal></Rpt>
            </Doc>
            """
        let whole = try XMLReader.parse(Data(text.utf8), fileName: "x.xml")
        let expected = whole.children("Rpt").flatMap { $0.children("Ntry") }
        var streamed: [(place: XMLStreamPlace, path: String, amountPaths: [String], amounts: [String])] = []
        var pathsSoFar: [String] = []
        let stream = try XMLReader.stream(Data(text.utf8), fileName: "x.xml", detaching: "Ntry") { entry, place, soFar in
            let amounts = entry.children("Amt")
            streamed.append((place, entry.path, amounts.map(\.path), amounts.map(\.text)))
            pathsSoFar.append(soFar.path(of: place))
        }
        let paths = streamed.map { stream.path(of: $0.place) + $0.path }
        #expect(paths == expected.map(\.path))
        #expect(paths == ["/Doc/Rpt[1]/Ntry", "/Doc/Rpt[2]/Ntry[1]", "/Doc/Rpt[2]/Ntry[2]"])
        // While it is read, a first element does not know yet that a sibling of its name will follow.
        #expect(pathsSoFar == ["/Doc/Rpt/Ntry", "/Doc/Rpt[2]/Ntry", "/Doc/Rpt[2]/Ntry[2]"])
        #expect(streamed.map { $0.amounts } == expected.map { $0.children("Amt").map(\.text) })
        #expect(streamed[1].amountPaths.map { paths[1] + $0 } == ["/Doc/Rpt[2]/Ntry[1]/Amt[1]", "/Doc/Rpt[2]/Ntry[1]/Amt[2]"])
        #expect(streamed.map { $0.place.parent.map(stream.path(ofParent:)) } == ["/Doc/Rpt[1]", "/Doc/Rpt[2]", "/Doc/Rpt[2]"])
        let rest = stream.root
        #expect(rest.children("Rpt").allSatisfy { $0.children("Ntry").isEmpty })
        #expect(rest.children("Rpt").map { $0.child("Id")?.text } == ["A", "B"])
        #expect(rest.children("Rpt")[1].child("Bal")?.path == "/Doc/Rpt[2]/Bal")
        // An error raised while reading a detached element stops the read and is what the caller sees.
        let refused = FormatError(file: "x.xml", location: .line(3), message: "no")
        #expect(throws: refused) {
            _ = try XMLReader.stream(Data(text.utf8), fileName: "x.xml", detaching: "Ntry") { _, _, _ throws(FormatError) in throw refused }
        }
        // A path in such an error is relative to the detached element; it is thrown whole.
        let inEntry = FormatError(file: "x.xml", location: .path("/Amt[2]"), field: "Amt", message: "no")
        #expect(throws: FormatError(file: "x.xml", location: .path("/Doc/Rpt[2]/Ntry[1]/Amt[2]"), field: "Amt", message: "no")) {
            _ = try XMLReader.stream(Data(text.utf8), fileName: "x.xml", detaching: "Ntry") { entry, _, _ throws(FormatError) in
                if entry.children("Amt").count == 2 { throw inEntry }
            }
        }
    }

    @Test("a truncated document is refused with its line")
    func truncated() throws {
        let error = try #require(refusal("<a>\n<b>text</b>\n<c>"))
        #expect(error.message.contains("not well-formed"))
        if case .line(let line, _) = error.location { #expect(line >= 2) } else { Issue.record("no line: \(error)") }
    }

    @Test("billion laughs is refused at once, before any expansion")
    func billionLaughs() throws {
        let entities = (1...9).map { "<!ENTITY lol\($0) \"\(String(repeating: "&lol\($0 - 1);", count: 10))\">" }
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
            <!ENTITY lol0 "lol">
            \(entities.joined(separator: "\n"))
            ]>
            <lolz>&lol9;</lolz>
            """
        let started = ContinuousClock.now
        let error = try #require(refusal(text))
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(error.location == .line(2))
        #expect(error.message.contains("DOCTYPE"))
    }

    @Test("an external entity (XXE) is refused")
    func externalEntity() throws {
        let error = try #require(refusal("""
            <?xml version="1.0"?><!doctype r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>
            """))
        #expect(error.message.contains("DOCTYPE"))
    }

    @Test("a declaration in UTF-16 is refused too")
    func utf16Doctype() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaa\">]>\n<r>&a;</r>"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        do {
            let root = try XMLReader.parse(data, fileName: "x.xml")
            Issue.record("accepted, text '\(root.text)'")
        } catch {
            #expect(error.message.contains("DOCTYPE"))
            #expect(error.location == .line(2))
        }
    }

    @Test("nesting deeper than the limit is refused")
    func depth() throws {
        let text = String(repeating: "<a>", count: 10) + String(repeating: "</a>", count: 10)
        let error = try #require(refusal(text, limits: .init(maximumDepth: 5)))
        #expect(error.message == "elements are nested more than 5 deep")
    }

    @Test("a file over the size limit is refused unread")
    func size() throws {
        let error = try #require(refusal("<a>0123456789</a>", limits: .init(maximumBytes: 10)))
        #expect(error.location == .file)
        #expect(error.message.contains("more than the 10"))
    }

    @Test("an empty file is refused")
    func empty() throws {
        let error = try #require(refusal(""))
        #expect(error.message == "the file is empty, not XML")
    }

    @Test("FormatError descriptions name file, line, column and field")
    func descriptions() {
        let error = FormatError(
            file: "a.csv", location: .line(3, column: 5), field: "amount", message: "bad",
            further: [FormatError(file: "a.csv", location: .line(4), message: "worse")])
        #expect(error.description == "a.csv, line 3, column 5 (amount): bad\na.csv, line 4: worse")
        #expect(error.all.count == 2)
    }
}
