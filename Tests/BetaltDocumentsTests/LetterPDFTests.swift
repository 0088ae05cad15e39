import BetaltDocuments
import Foundation
import Testing

/// The letter PDF, read back with poppler-utils (pdftotext, pdfinfo, pdftohtml): what a bookkeeper, a mail
/// house and a text search would see.
///
/// Poppler's text output turns every Unicode space (U+00A0, U+202F, …) into an ASCII space, so texts are
/// compared with spaces normalised, and `pdftohtml -xml` (which keeps them) shows that the no-break and narrow
/// no-break spaces really are in the PDF's text layer.

@Suite("Letter PDF")
struct LetterPDFTests {
    // MARK: - Sample letters

    /// A Norwegian inkassovarsel: three claim lines, a total, a payment slip.
    static func inkassovarsel() -> Letter {
        Letter(
            sender: PostalParty(name: "Fjordtre AS", lines: ["Postboks 123 Sentrum", "5804 Bergen"]),
            recipient: PostalParty(name: "Kari Nordmann", lines: ["Storgata 1", "0155 Oslo"]),
            references: [
                LabelledValue(label: "Dato", value: "23.11.2026"),
                LabelledValue(label: "Kundenummer", value: "10042"),
                LabelledValue(label: "Vår referanse", value: "INK-2026-0042"),
                LabelledValue(label: "Org.nr.", value: "912\u{00A0}345\u{00A0}678"),
            ],
            title: "Inkassovarsel",
            opening: [
                "Vi har ikke mottatt betaling for kravet nedenfor, selv om forfallsdatoen er passert. Dette er et inkassovarsel etter inkassoloven § 9. Vi ber deg betale “Å betale” innen fristen – ellers sendes saken til inkasso.",
                "Beløpet øker med renter hver dag. Ærlig talt: ‘små’ beløp blir store. Kreditnota −35,00 kr er trukket fra. Svenska: Vänligen betala före förfallodagen. ÆØÅ ÄÖ æøå äö.",
            ],
            table: AmountTable(
                headers: ["Beskrivelse", "Beløp (kr)"],
                amountColumns: [false, true],
                rows: [
                    ["Faktura 10042 av 01.10.2026, forfall 15.10.2026", "12\u{202F}500,00"],
                    ["Purregebyr", "35,00"],
                    ["Forsinkelsesrente 12,25\u{00A0}% fra 16.10.2026", "134,25"],
                ],
                totals: [["Å betale", "12\u{202F}669,25"]]),
            closing: [
                "Betal innen 07.12.2026 for å unngå inkassosalær. Betaler du ikke innen fristen, kan saken bli sendt til inkasso.",
                "Mener du kravet er feil, må du gi oss beskjed innen fristen. Du finner kravet på https://betalt.example/k/7f3a9c.",
            ],
            paymentSlip: PaymentSlip(
                heading: "Betalingsinformasjon",
                account: LabelledValue(label: "Kontonummer", value: "1503.12.34567"),
                reference: LabelledValue(label: "KID", value: "0001004232"),
                amount: LabelledValue(label: "Beløp", value: "12\u{202F}669,25\u{00A0}kr"),
                dueDate: LabelledValue(label: "Betalingsfrist", value: "07.12.2026"),
                payee: LabelledValue(label: "Betales til", value: "Fjordtre AS\nPostboks 123 Sentrum, 5804 Bergen"),
                payer: LabelledValue(label: "Betalt av", value: "Kari Nordmann\nStorgata 1, 0155 Oslo")),
            footer: "Fjordtre AS · Postboks 123 Sentrum, 5804 Bergen · post@fjordtre.no · Org.nr. 912 345 678 MVA",
            pageLabelFormat: "Side %d av %d")
    }

    /// 120 invoices with long descriptions: several pages.
    static func longLetter() -> Letter {
        var letter = inkassovarsel()
        letter.opening = ["Vi har ikke mottatt betaling for fakturaene nedenfor."]
        letter.table = AmountTable(
            headers: ["Beskrivelse", "Beløp (kr)"],
            amountColumns: [false, true],
            rows: (1...120).map { i in
                [
                    "Faktura \(30000 + i) av 01.10.2026, forfall 15.10.2026 – levering av trelast til prosjekt «Fjordtun» del \(i)",
                    "\(i)\u{202F}000,00",
                ]
            },
            totals: [["Å betale", "7\u{202F}260\u{202F}000,00"]])
        letter.paymentSlip?.amount.value = "7\u{202F}260\u{202F}000,00\u{00A0}kr"
        return letter
    }

    // MARK: - Tests

    @Test func typicalLetterReadsBackExactly() throws {
        let pdf = try LetterPDF.render(Self.inkassovarsel())
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(try Self.pageCount(pdf) == 1)
        let text = try Poppler.text(pdf)
        let expected = [
            "Inkassovarsel", "Fjordtre AS", "Postboks 123 Sentrum", "Kari Nordmann", "Storgata 1", "0155 Oslo",
            "Dato", "23.11.2026", "Kundenummer", "10042", "INK-2026-0042", "912 345 678",
            "Beskrivelse", "Beløp (kr)", "Faktura 10042 av 01.10.2026, forfall 15.10.2026", "12 500,00",
            "Purregebyr", "35,00", "Forsinkelsesrente 12,25 % fra 16.10.2026", "134,25", "Å betale", "12 669,25",
            "Betalingsinformasjon", "Kontonummer", "1503.12.34567", "KID", "0001004232", "12 669,25 kr",
            "Betalingsfrist", "07.12.2026", "Betales til", "Betalt av", "Side 1 av 1", "post@fjordtre.no",
            // Typography, exactly: quotes, en dash, minus sign, Norwegian and Swedish letters.
            "“Å betale”", "fristen – ellers", "Ærlig talt: ‘små’ beløp", "Kreditnota −35,00 kr",
            "Vänligen betala före förfallodagen.", "ÆØÅ ÄÖ æøå äö.", "inkassoloven § 9",
        ]
        for string in expected {
            #expect(text.contains(Poppler.normalised(string)), "missing: \(string)")
        }
        // The total row: label and amount on one line, in that order.
        #expect(text.contains("Å betale 12 669,25"))
    }

    @Test func noBreakAndNarrowSpacesAreInTheTextLayer() throws {
        let pdf = try LetterPDF.render(Self.inkassovarsel())
        let xml = try Poppler.run("pdftohtml", ["-xml", "-i", "-q", "-stdout"], pdf: pdf)
        #expect(xml.contains("\u{202F}"), "U+202F narrow no-break space")
        #expect(xml.contains("\u{00A0}"), "U+00A0 no-break space")
        #expect(xml.contains("\u{2212}"), "U+2212 minus sign")
        // Ligatures are off, so "fi" is searchable as two letters.
        #expect(!xml.contains("\u{FB01}"))
        #expect(try Poppler.text(pdf).contains("finner"))
    }

    @Test func recipientAddressSitsInTheEnvelopeWindow() throws {
        let pdf = try LetterPDF.render(Self.inkassovarsel())
        // C5/E65 left window: 20 mm from the left, 50 mm from the top, 90 × 40 mm (in points).
        let window = try Poppler.run(
            "pdftotext", ["-layout", "-f", "1", "-l", "1", "-x", "56", "-y", "141", "-W", "256", "-H", "114"],
            pdf: pdf)
        let lines = window.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        #expect(lines == ["Kari Nordmann", "Storgata 1", "0155 Oslo"])

        // And every word of it, by its bounding box.
        let words = try Self.words(pdf, page: 1)
        for word in ["Kari", "Nordmann", "Storgata", "0155", "Oslo"] {
            let boxes = words.filter { $0.text == word && $0.yMin < 300 }
            #expect(boxes.count == 1, "\(word) once on the upper part of page 1")
            for box in boxes {
                #expect(box.xMin >= 56.69 && box.xMax <= 56.69 + 255.1, "\(word) x \(box.xMin)…\(box.xMax)")
                #expect(box.yMin >= 141.73 && box.yMax <= 141.73 + 113.39, "\(word) y \(box.yMin)…\(box.yMax)")
            }
        }
    }

    @Test func paymentSlipIsAtTheFootOfTheLastPage() throws {
        for letter in [Self.inkassovarsel(), Self.longLetter()] {
            let pdf = try LetterPDF.render(letter)
            let last = try Self.pageCount(pdf)
            // The bottom 70 mm of the last page.
            let slip = Poppler.normalised(
                try Poppler.run(
                    "pdftotext",
                    ["-layout", "-f", "\(last)", "-l", "\(last)", "-x", "0", "-y", "640", "-W", "596", "-H", "202"],
                    pdf: pdf))
            for string in ["Betalingsinformasjon", "1503.12.34567", "0001004232", "07.12.2026", "Kontonummer", "KID"] {
                #expect(slip.contains(string), "slip lacks \(string)")
            }
            #expect(slip.contains(Poppler.normalised(letter.paymentSlip!.amount.value)))
            // Nowhere else.
            let all = try Poppler.text(pdf)
            #expect(all.components(separatedBy: "Betalingsinformasjon").count == 2)
        }
    }

    @Test func longClaimListFlowsOntoMorePagesWithRepeatedHeaders() throws {
        let letter = Self.longLetter()
        let pdf = try LetterPDF.render(letter)
        let pages = try Self.pageCount(pdf)
        #expect(pages > 1)
        var allText = ""
        for page in 1...pages {
            let text = try Poppler.text(pdf, page: page)
            allText += text + "\n"
            #expect(text.contains("Side \(page) av \(pages)"), "page label on page \(page)")
            #expect(text.contains("Beskrivelse Beløp (kr)"), "table header on page \(page)")
            // The letterhead only on page 1.
            #expect(text.contains("Kundenummer") == (page == 1))
            #expect(text.contains("Inkassovarsel") == (page == 1))
            // The total once, on the last page.
            let totals = text.components(separatedBy: "Å betale 7 260 000,00").count - 1
            #expect(totals == (page == pages ? 1 : 0), "total on page \(page)")
        }
        // Every row, once, with its amount (descriptions may wrap: check the invoice numbers).
        for i in 1...120 {
            #expect(allText.components(separatedBy: "Faktura \(30000 + i) av").count == 2, "row \(i)")
            #expect(allText.contains(" \(i) 000,00"), "amount \(i)")
        }
    }

    @Test func longDescriptionsWrapWithoutRunningIntoTheAmounts() throws {
        var letter = Self.inkassovarsel()
        let long = Array(repeating: "Leveranse av impregnert terrassebord og rekkverk til Fjordtun borettslag", count: 4)
            .joined(separator: " – ")
        letter.table?.rows.insert([long, "98\u{202F}765,43"], at: 1)
        let pdf = try LetterPDF.render(letter)
        let words = try Self.words(pdf, page: 1)
        guard let amount = words.first(where: { $0.text == "765,43" }) else {
            Issue.record("amount missing")
            return
        }
        let description = words.filter { ["Leveranse", "impregnert", "terrassebord", "rekkverk", "borettslag"].contains($0.text) }
        #expect(description.count >= 8, "the long text wraps rather than being cut at one line")
        for word in description {
            #expect(word.xMax < amount.xMin - 5, "“\(word.text)” ends at \(word.xMax), amount starts at \(amount.xMin)")
        }
        // Amounts stay right-aligned on one edge.
        let rightEdges = words.filter { ["500,00", "765,43", "35,00", "134,25"].contains($0.text) }.map(\.xMax)
        #expect(rightEdges.count == 4)
        #expect((rightEdges.max() ?? 0) - (rightEdges.min() ?? 0) < 0.5)
    }

    @Test func letterWithoutTableOrSlip() throws {
        var letter = Self.inkassovarsel()
        letter.table = nil
        letter.paymentSlip = nil
        letter.pageLabelFormat = "Sida %d av %d"
        let pdf = try LetterPDF.render(letter)
        let text = try Poppler.text(pdf)
        #expect(try Self.pageCount(pdf) == 1)
        #expect(text.contains("Inkassovarsel"))
        #expect(!text.contains("Betalingsinformasjon"))
        #expect(text.contains("Sida 1 av 1"))
    }

    @Test func oddPageLabelFormatsDoNotCrash() throws {
        var letter = Self.inkassovarsel()
        letter.pageLabelFormat = "%2$d/%1$d %s %@ 100 %%"
        let text = try Poppler.text(try LetterPDF.render(letter))
        #expect(text.contains("1/1 %s %@ 100 %"))
    }

    @Test func concurrentRenderingGivesTheSameText() async throws {
        let letters = (0..<8).map { i in
            var letter = i.isMultiple(of: 2) ? Self.inkassovarsel() : Self.longLetter()
            letter.recipient.name = "Kari Nordmann \(i)"
            return letter
        }
        let renderer = LetterRenderer()
        let pdfs = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, letter) in letters.enumerated() {
                group.addTask { (index, try renderer.render(letter)) }
            }
            var result = [[UInt8]](repeating: [], count: letters.count)
            for try await (index, pdf) in group { result[index] = pdf }
            return result
        }
        for (index, pdf) in pdfs.enumerated() {
            let sequential = try LetterPDF.render(letters[index])
            #expect(try Poppler.text(pdf) == Poppler.text(sequential))
            #expect(try Poppler.text(pdf).contains("Kari Nordmann \(index)"))
        }
    }

    @Test func renderingErrorNamesTheStep() {
        let error = LetterRenderingError(step: "writing the PDF", detail: "error while writing to output stream")
        #expect(error.description.contains("writing the PDF"))
        #expect(error.description.contains("error while writing to output stream"))
    }

    // MARK: - poppler-utils



    private static func pageCount(_ pdf: [UInt8]) throws -> Int {
        let info = try Poppler.run("pdfinfo", [], pdf: pdf)
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try #require(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }


    struct Word {
        var text: String
        var xMin, yMin, xMax, yMax: Double
    }

    /// Words with their boxes in points (pdftotext -bbox), y downwards from the top of the page.
    private static func words(_ pdf: [UInt8], page: Int) throws -> [Word] {
        let html = try Poppler.run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)"], pdf: pdf)
        var words: [Word] = []
        for line in html.split(separator: "\n") where line.contains("<word ") {
            func number(_ key: String) -> Double? {
                guard let range = line.range(of: "\(key)=\"") else { return nil }
                let rest = line[range.upperBound...]
                return Double(rest.prefix { $0 != "\"" })
            }
            guard let start = line.range(of: "\">", options: .backwards), let end = line.range(of: "</word>"),
                let xMin = number("xMin"), let yMin = number("yMin"), let xMax = number("xMax"), let yMax = number("yMax")
            else { continue }
            let text = String(line[start.upperBound..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            words.append(Word(text: text, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax))
        }
        return words
    }
}
