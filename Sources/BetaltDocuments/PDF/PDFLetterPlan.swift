import CPangoCairo
import Foundation

/// Page geometry in PDF points (1/72 inch), y downwards from the top of the page.
enum PDFGeometry {
    static let mm = 72.0 / 25.4
    static let pageWidth = 595.276
    static let pageHeight = 841.89
    static let left = 20 * mm
    static let right = pageWidth - 20 * mm
    static let contentWidth = right - left

    /// Page 1: sender block and references start here.
    static let firstPageTop = 15 * mm
    /// Following pages: the body starts here.
    static let continuationTop = 20 * mm

    /// The window of a C5/E65 left-window envelope: 20 mm from the left, 50 mm from the top, 90 × 40 mm.
    static let windowX = 20 * mm
    static let windowY = 50 * mm
    static let windowWidth = 90 * mm
    static let windowHeight = 40 * mm
    /// The address is set this far inside the window's top edge, so a letter moving in the envelope still shows it.
    static let windowInset = 3 * mm

    /// The title's top on page 1 (unless a long references block pushes it down).
    static let titleTop = 100 * mm

    /// The body ends here on every page…
    static let bodyBottom = pageHeight - 20 * mm
    /// …and above the payment slip on the last page.
    static let slipTop = pageHeight - 70 * mm
    static let slipBottom = pageHeight - 20 * mm
    static let footerRule = pageHeight - 16 * mm
    static let footerTop = pageHeight - 14.5 * mm
}

/// Grey levels (0 black … 1 white).
enum PDFInk {
    static let text = 0.08
    static let muted = 0.42
    static let rule = 0.25
    static let hairline = 0.82
    static let slipBorder = 0.55
    static let slipFill = 0.965
}

/// One thing drawn on a page.
enum PDFItem {
    case text(PDFText, x: Double, y: Double, gray: Double)
    case lines(PDFText, x: Double, y: Double, range: Range<Int>, metrics: [PDFText.Line], gray: Double)
    case rule(x: Double, y: Double, width: Double, thickness: Double, gray: Double)
    case box(x: Double, y: Double, width: Double, height: Double, thickness: Double, stroke: Double, fill: Double)
}

/// The letter laid out and paginated: every text measured and placed before anything is drawn, so the page
/// count is known for "Side x av y".
struct PDFLetterPlan {
    private(set) var pages: [[PDFItem]] = [[]]
    private var y = PDFGeometry.firstPageTop
    private var bottom = PDFGeometry.bodyBottom
    /// Whether anything flowed onto the current page yet (no space before the first block on a page).
    private var pageHasBody = false
    private let engine: PDFLetterEngine

    private typealias G = PDFGeometry
    private var fonts: PDFLetterEngine.Fonts { engine.fonts }

    init(letter: Letter, engine: PDFLetterEngine) {
        self.engine = engine
        placeLetterhead(letter)
        placeTitle(letter.title)
        for (index, paragraph) in letter.opening.enumerated() {
            placeParagraph(paragraph, spaceBefore: index == 0 ? 0 : 7)
        }
        if let table = letter.table { placeTable(table) }
        for (index, paragraph) in letter.closing.enumerated() {
            placeParagraph(paragraph, spaceBefore: index == 0 ? 6 * G.mm : 7)
        }
        if let slip = letter.paymentSlip { placeSlip(slip) }
        placeFooters(letter)
    }

    // MARK: - Flow

    private mutating func add(_ item: PDFItem) {
        pages[pages.count - 1].append(item)
    }

    private mutating func newPage() {
        pages.append([])
        y = G.continuationTop
        pageHasBody = false
    }

    private func fits(_ height: Double) -> Bool { y + height <= bottom + 0.01 }

    // MARK: - Page 1: sender, references, address, title

    private mutating func placeLetterhead(_ letter: Letter) {
        // References, top right: grey labels, values beside them.
        let references = letter.references
        var referencesLeft = G.right
        var referencesBottom = G.firstPageTop
        if !references.isEmpty {
            let maxBlock = 80 * G.mm
            let gap = 4 * G.mm
            var labels = references.map { engine.text($0.label, PDFTextStyle(font: fonts.small)) }
            var values = references.map { engine.text($0.value, PDFTextStyle(font: fonts.small)) }
            var labelWidth = labels.map(\.width).max() ?? 0
            var valueWidth = values.map(\.width).max() ?? 0
            if labelWidth > maxBlock * 0.45 {
                labelWidth = maxBlock * 0.45
                labels = references.map {
                    engine.text($0.label, PDFTextStyle(font: fonts.small, width: labelWidth, maximumLines: 2))
                }
            }
            if labelWidth + gap + valueWidth > maxBlock {
                valueWidth = maxBlock - gap - labelWidth
                values = references.map {
                    engine.text($0.value, PDFTextStyle(font: fonts.small, width: valueWidth, maximumLines: 3))
                }
            }
            referencesLeft = G.right - (labelWidth + gap + valueWidth)
            var rowTop = G.firstPageTop + 1.5  // the sender name is larger: align the first baselines roughly
            for (label, value) in zip(labels, values) {
                add(.text(label, x: referencesLeft, y: rowTop, gray: PDFInk.muted))
                add(.text(value, x: referencesLeft + labelWidth + gap, y: rowTop, gray: PDFInk.text))
                rowTop += max(label.height, value.height) + 2
            }
            referencesBottom = rowTop
        }

        // Sender, top left: name in bold, postal lines below.
        let senderWidth = max(60 * G.mm, referencesLeft - 8 * G.mm - G.left)
        let name = engine.text(letter.sender.name, PDFTextStyle(font: fonts.senderName, width: senderWidth, maximumLines: 2))
        add(.text(name, x: G.left, y: G.firstPageTop, gray: PDFInk.text))
        if !letter.sender.lines.isEmpty {
            // Never down into the envelope window.
            let room = G.windowY - 3 * G.mm - (G.firstPageTop + name.height + 1)
            let lines = engine.text(
                letter.sender.lines.joined(separator: "\n"),
                PDFTextStyle(font: fonts.small, width: senderWidth, singleLine: true))
            if lines.height <= room {
                add(.text(lines, x: G.left, y: G.firstPageTop + name.height + 1, gray: PDFInk.text))
            } else {
                let metrics = lines.lines()
                let count = metrics.firstIndex { $0.bottom > room } ?? metrics.count
                if count > 0 {
                    add(.lines(lines, x: G.left, y: G.firstPageTop + name.height + 1, range: 0..<count, metrics: metrics, gray: PDFInk.text))
                }
            }
        }

        // Recipient, in the envelope window: name, then the postal lines, each on one line.
        let addressWidth = G.windowWidth - 5 * G.mm
        let address = engine.text(
            ([letter.recipient.name] + letter.recipient.lines).joined(separator: "\n"),
            PDFTextStyle(font: fonts.address, width: addressWidth, singleLine: true))
        let addressTop = G.windowY + G.windowInset
        let addressRoom = G.windowHeight - 2 * G.windowInset
        if address.height <= addressRoom {
            add(.text(address, x: G.windowX, y: addressTop, gray: PDFInk.text))
        } else {
            let metrics = address.lines()
            let count = max(1, metrics.firstIndex { $0.bottom > addressRoom } ?? metrics.count)
            add(.lines(address, x: G.windowX, y: addressTop, range: 0..<count, metrics: metrics, gray: PDFInk.text))
        }

        y = max(G.titleTop, referencesBottom + 8 * G.mm)
    }

    private mutating func placeTitle(_ title: String) {
        let text = engine.text(title, PDFTextStyle(font: fonts.title, width: G.contentWidth, maximumLines: 3))
        add(.text(text, x: G.left, y: y, gray: PDFInk.text))
        // The space below the title stands for the first block's space before.
        y += text.height + 5 * G.mm
    }

    // MARK: - Paragraphs

    /// Places a wrapped paragraph, splitting it between lines when it does not fit (never leaving a lone first
    /// or last line behind when that can be avoided).
    private mutating func placeParagraph(_ string: String, spaceBefore: Double) {
        let text = engine.text(string, PDFTextStyle(font: fonts.body, width: G.contentWidth, lineSpacing: 1.18))
        if pageHasBody { y += spaceBefore }
        if fits(text.height) {
            add(.text(text, x: G.left, y: y, gray: PDFInk.text))
            y += text.height
            pageHasBody = true
            return
        }
        let metrics = text.lines()
        if metrics.count <= 3 && text.height <= bottom - G.continuationTop {
            // Short: keep it together.
            newPage()
            add(.text(text, x: G.left, y: y, gray: PDFInk.text))
            y += text.height
            pageHasBody = true
            return
        }
        var start = 0
        while start < metrics.count {
            let top = metrics[start].top
            var end = start
            while end < metrics.count && y + (metrics[end].bottom - top) <= bottom + 0.01 { end += 1 }
            // Avoid a single orphan (first line alone) or widow (last line alone).
            if end - start == 1 && start == 0 && pageHasBody { end = start }
            if end < metrics.count && metrics.count - end == 1 && end - start > 2 { end -= 1 }
            if end == start {
                if pageHasBody {
                    newPage()
                    continue
                }
                end = start + 1  // one line taller than a page: place it anyway
            }
            add(.lines(text, x: G.left, y: y, range: start..<end, metrics: metrics, gray: PDFInk.text))
            y += metrics[end - 1].bottom - top
            pageHasBody = true
            start = end
            if start < metrics.count { newPage() }
        }
    }

    // MARK: - Amount table

    private struct TableRow {
        var cells: [PDFText?]
        var height: Double
    }

    private mutating func placeTable(_ table: AmountTable) {
        let columns = max(table.headers.count, (table.rows + table.totals).map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let gap = 5 * G.mm
        let padding = 3.0
        func isAmount(_ column: Int) -> Bool {
            column < table.amountColumns.count ? table.amountColumns[column] : column > 0
        }
        // A row with fewer cells than columns keeps its first cell first and puts the rest in the last columns
        // ("Å betale", "12 669,25" lines the total up under the amounts).
        func spread(_ row: [String]) -> [String] {
            if row.count >= columns { return Array(row.prefix(columns)) }
            if row.isEmpty { return Array(repeating: "", count: columns) }
            return [row[0]] + Array(repeating: "", count: columns - row.count) + row.dropFirst()
        }
        let header = table.headers.isEmpty ? nil : spread(table.headers)
        let rows = table.rows.map(spread)
        let totals = table.totals.map(spread)

        // Columns after the first: as wide as their widest text, within a share of the width.
        let fixedCount = columns - 1
        let fixedCap = fixedCount > 0 ? (G.contentWidth * 0.62 - gap * Double(fixedCount)) / Double(fixedCount) : 0
        var widths = Array(repeating: 0.0, count: columns)
        var cells: [[PDFText?]] = Array(repeating: Array(repeating: nil, count: columns), count: (header == nil ? 0 : 1) + rows.count + totals.count)
        var all: [(strings: [String], bold: Bool)] = []
        if let header { all.append((header, true)) }
        all += rows.map { ($0, false) }
        all += totals.map { ($0, true) }
        if fixedCount > 0 {
            for column in 1..<columns {
                var widest = 0.0
                for (index, row) in all.enumerated() where !row.strings[column].isEmpty {
                    let text = engine.text(row.strings[column], PDFTextStyle(font: row.bold ? fonts.bodyBold : fonts.body))
                    cells[index][column] = text
                    widest = max(widest, text.width)
                }
                widths[column] = min(widest, fixedCap)
                if widest > fixedCap {
                    // Too wide for its share: wrap this column's long texts.
                    for (index, row) in all.enumerated() where (cells[index][column]?.width ?? 0) > fixedCap {
                        cells[index][column] = engine.text(
                            row.strings[column],
                            PDFTextStyle(font: row.bold ? fonts.bodyBold : fonts.body, width: fixedCap, alignment: isAmount(column) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, maximumLines: 4))
                    }
                }
            }
        }
        widths[0] = G.contentWidth - widths.dropFirst().reduce(0, +) - gap * Double(fixedCount)
        for (index, row) in all.enumerated() where !row.strings[0].isEmpty {
            cells[index][0] = engine.text(
                row.strings[0],
                PDFTextStyle(font: row.bold ? fonts.bodyBold : fonts.body, width: widths[0], alignment: isAmount(0) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, maximumLines: 6))
        }
        var lefts = [G.left]
        for column in 1..<columns { lefts.append(lefts[column - 1] + widths[column - 1] + gap) }

        func makeRow(_ texts: [PDFText?]) -> TableRow {
            let height = texts.compactMap { $0?.height }.max() ?? 10
            return TableRow(cells: texts, height: height + 2 * padding)
        }
        let first = header == nil ? 0 : 1
        let headerRow = header == nil ? nil : makeRow(cells[0])
        let bodyRows = rows.indices.map { makeRow(cells[first + $0]) }
        let totalRows = totals.indices.map { makeRow(cells[first + rows.count + $0]) }

        func draw(_ row: TableRow, into plan: inout PDFLetterPlan) {
            for (column, cell) in row.cells.enumerated() {
                guard let cell else { continue }
                var x = lefts[column]
                // Unwrapped texts are positioned by hand; wrapped ones carry their own alignment.
                if isAmount(column) && cell.width <= widths[column] && column > 0 { x += widths[column] - cell.width }
                plan.add(.text(cell, x: x, y: plan.y + padding, gray: PDFInk.text))
            }
            plan.y += row.height
        }
        let headerHeight = (headerRow?.height ?? 0) + 1
        func placeHeader(into plan: inout PDFLetterPlan) {
            guard let headerRow else { return }
            draw(headerRow, into: &plan)
            plan.add(.rule(x: G.left, y: plan.y, width: G.contentWidth, thickness: 0.8, gray: PDFInk.rule))
            plan.y += 1
            plan.pageHasBody = true
        }
        let totalsHeight = totalRows.isEmpty ? 0 : totalRows.reduce(2) { $0 + $1.height }

        // Header, with at least the first row (or the totals) under it.
        if pageHasBody { y += 4 * G.mm }
        if !fits(headerHeight + (bodyRows.first?.height ?? totalsHeight)) { newPage() }
        placeHeader(into: &self)
        var rowsOnPage = 0
        for (index, row) in bodyRows.enumerated() {
            // The last row goes with the totals (when rows stay behind), so the totals never stand alone under a
            // repeated header.
            let isLast = index == bodyRows.count - 1
            let needed = row.height + (isLast && rowsOnPage > 0 ? totalsHeight : 0)
            if !fits(needed) && rowsOnPage > 0 {
                newPage()
                placeHeader(into: &self)
                rowsOnPage = 0
            }
            if rowsOnPage > 0 {
                add(.rule(x: G.left, y: y, width: G.contentWidth, thickness: 0.4, gray: PDFInk.hairline))
            }
            draw(row, into: &self)
            rowsOnPage += 1
            pageHasBody = true
        }
        if !totalRows.isEmpty {
            if !fits(totalsHeight) {
                newPage()
                placeHeader(into: &self)
            }
            add(.rule(x: G.left, y: y + 0.5, width: G.contentWidth, thickness: 0.8, gray: PDFInk.rule))
            y += 2
            for row in totalRows { draw(row, into: &self) }
            pageHasBody = true
        }
    }

    // MARK: - Payment slip

    private mutating func placeSlip(_ slip: PaymentSlip) {
        if y + 5 * G.mm > G.slipTop { newPage() }
        bottom = G.slipTop
        let top = G.slipTop
        let inner = 5 * G.mm
        let boxWidth = G.contentWidth
        add(.box(x: G.left, y: top, width: boxWidth, height: G.slipBottom - top, thickness: 0.75, stroke: PDFInk.slipBorder, fill: PDFInk.slipFill))
        let heading = engine.text(slip.heading, PDFTextStyle(font: fonts.slipHeading, width: boxWidth - 2 * inner, singleLine: true))
        add(.text(heading, x: G.left + inner, y: top + 4 * G.mm, gray: PDFInk.text))
        let headingRule = top + 4 * G.mm + heading.height + 2.5 * G.mm
        add(.rule(x: G.left + inner, y: headingRule, width: boxWidth - 2 * inner, thickness: 0.5, gray: PDFInk.hairline - 0.15))

        // Three columns; the middle one (KID/OCR, payee) widest, as a 25-digit KID needs it.
        let gap = 5 * G.mm
        let usable = boxWidth - 2 * inner - 2 * gap
        let columnWidths = [usable * 0.29, usable * 0.40, usable * 0.31]
        var columnLefts = [G.left + inner]
        columnLefts.append(columnLefts[0] + columnWidths[0] + gap)
        columnLefts.append(columnLefts[1] + columnWidths[1] + gap)

        func field(
            _ value: LabelledValue, column: Int, top: Double, font: OpaquePointer, figures: Bool, lines: Int, plan: inout PDFLetterPlan
        ) {
            let label = plan.engine.text(value.label, PDFTextStyle(font: plan.fonts.slipLabel, width: columnWidths[column], singleLine: true))
            plan.add(.text(label, x: columnLefts[column], y: top, gray: PDFInk.muted))
            // Figures (account, KID, amount) shrink rather than break; texts (payee, payer) wrap.
            let (text, drop) = figures
                ? plan.engine.text(value.value, font: font, shrinkingToFit: columnWidths[column], minimumSize: 8, maximumLines: lines)
                : (plan.engine.text(value.value, PDFTextStyle(font: font, width: columnWidths[column], maximumLines: lines)), 0)
            plan.add(.text(text, x: columnLefts[column], y: top + label.height + 1.5 + drop, gray: PDFInk.text))
        }
        let firstRow = headingRule + 3.5 * G.mm
        field(slip.account, column: 0, top: firstRow, font: fonts.slipFigures, figures: true, lines: 2, plan: &self)
        field(slip.reference, column: 1, top: firstRow, font: fonts.slipFigures, figures: true, lines: 2, plan: &self)
        field(slip.amount, column: 2, top: firstRow, font: fonts.slipFiguresBold, figures: true, lines: 2, plan: &self)
        let secondRow = firstRow + 15 * G.mm
        field(slip.dueDate, column: 0, top: secondRow, font: fonts.slipValue, figures: true, lines: 2, plan: &self)
        field(slip.payee, column: 1, top: secondRow, font: fonts.slipText, figures: false, lines: 3, plan: &self)
        field(slip.payer, column: 2, top: secondRow, font: fonts.slipText, figures: false, lines: 3, plan: &self)
    }

    // MARK: - Footers

    private mutating func placeFooters(_ letter: Letter) {
        let pageCount = pages.count
        let labels = (0..<pageCount).map {
            engine.text(Self.pageLabel(letter.pageLabelFormat, page: $0 + 1, of: pageCount), PDFTextStyle(font: fonts.footer))
        }
        let labelWidth = labels.map(\.width).max() ?? 0
        let footer = letter.footer.isEmpty
            ? nil
            : engine.text(letter.footer, PDFTextStyle(font: fonts.footer, width: G.contentWidth - labelWidth - 5 * G.mm, maximumLines: 2))
        for (page, label) in labels.enumerated() {
            pages[page].append(.rule(x: G.left, y: G.footerRule, width: G.contentWidth, thickness: 0.4, gray: PDFInk.hairline))
            if let footer { pages[page].append(.text(footer, x: G.left, y: G.footerTop, gray: PDFInk.muted)) }
            pages[page].append(.text(label, x: G.right - label.width, y: G.footerTop, gray: PDFInk.muted))
        }
    }

    /// `String(format: format, page, pageCount)` for the `%d` (or `%i`, `%ld`, `%1$d`, `%2$d`) and `%%` a page
    /// label may hold, without the crash String(format:) risks on an unexpected specifier: anything else is kept
    /// as it stands.
    static func pageLabel(_ format: String, page: Int, of pageCount: Int) -> String {
        let arguments = [page, pageCount]
        var result = ""
        var next = 0
        let scalars = Array(format.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "%" else {
                result.unicodeScalars.append(scalars[i])
                i += 1
                continue
            }
            if i + 1 < scalars.count && scalars[i + 1] == "%" {
                result += "%"
                i += 2
                continue
            }
            var j = i + 1
            var position: Int? = nil
            var digits = 0
            while j < scalars.count && (48...57).contains(scalars[j].value) {
                digits = digits * 10 + Int(scalars[j].value - 48)
                j += 1
            }
            if j > i + 1 {
                guard j < scalars.count && scalars[j] == "$" else {
                    result.unicodeScalars.append(scalars[i])
                    i += 1
                    continue
                }
                position = digits
                j += 1
            }
            while j < scalars.count && (scalars[j] == "l" || scalars[j] == "h" || scalars[j] == "q") { j += 1 }
            if j < scalars.count && (scalars[j] == "d" || scalars[j] == "i" || scalars[j] == "u") {
                let index = (position ?? (next + 1)) - 1
                if position == nil { next += 1 }
                result += index >= 0 && index < arguments.count ? String(arguments[index]) : ""
                i = j + 1
            } else {
                result.unicodeScalars.append(scalars[i])
                i += 1
            }
        }
        return result
    }
}
