import CPangoCairo
import Foundation

/// A Pango font map and context with the letter's font descriptions, reused letter after letter.
///
/// Not thread-safe: `LetterRenderer` lends each engine to one thread at a time.
final class PDFLetterEngine {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    /// Set on every layout: no ligatures, so "fi" stays two searchable characters in the PDF's text.
    private let attributes: OpaquePointer
    let fonts: Fonts

    /// The font descriptions used in a letter (DejaVu Sans / DejaVu Sans Mono, sizes in points).
    struct Fonts {
        let body: OpaquePointer
        let bodyBold: OpaquePointer
        let address: OpaquePointer
        let senderName: OpaquePointer
        let small: OpaquePointer
        let footer: OpaquePointer
        let title: OpaquePointer
        let slipHeading: OpaquePointer
        let slipLabel: OpaquePointer
        let slipValue: OpaquePointer
        let slipText: OpaquePointer
        /// Account and reference: DejaVu Sans' digits are tabular, so no monospace font (and its two extra
        /// embedded subsets, 15 % of the rendering time) is needed.
        let slipFigures: OpaquePointer
        let slipFiguresBold: OpaquePointer

        fileprivate var all: [OpaquePointer] {
            [
                body, bodyBold, address, senderName, small, footer, title, slipHeading, slipLabel, slipValue,
                slipText, slipFigures, slipFiguresBold,
            ]
        }
    }

    init() throws {
        guard let fontMap = pango_cairo_font_map_new() else {
            throw LetterRenderingError(step: "creating the Pango font map", detail: "pango_cairo_font_map_new returned NULL")
        }
        guard let context = pango_font_map_create_context(fontMap) else {
            g_object_unref(UnsafeMutableRawPointer(fontMap))
            throw LetterRenderingError(step: "creating the Pango context", detail: "pango_font_map_create_context returned NULL")
        }
        self.fontMap = fontMap
        self.context = context
        // PDF user space is in points: 72 units per inch, unhinted outlines, exact (unrounded) glyph positions —
        // the same settings pango_cairo_update_context would take from a PDF surface.
        pango_cairo_context_set_resolution(context, 72)
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            pango_cairo_context_set_font_options(context, options)
            cairo_font_options_destroy(options)
        }
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string("nb"))
        attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_font_features_new("liga 0, clig 0"))

        func font(_ description: String) -> OpaquePointer { pango_font_description_from_string(description) }
        fonts = Fonts(
            body: font("DejaVu Sans 10"),
            bodyBold: font("DejaVu Sans Bold 10"),
            address: font("DejaVu Sans 10.5"),
            senderName: font("DejaVu Sans Bold 11"),
            small: font("DejaVu Sans 8.5"),
            footer: font("DejaVu Sans 7"),
            title: font("DejaVu Sans Bold 16"),
            slipHeading: font("DejaVu Sans Bold 11"),
            slipLabel: font("DejaVu Sans 7.5"),
            slipValue: font("DejaVu Sans 11.5"),
            slipText: font("DejaVu Sans 10"),
            slipFigures: font("DejaVu Sans 12"),
            slipFiguresBold: font("DejaVu Sans Bold 12")
        )
    }

    deinit {
        for description in fonts.all { pango_font_description_free(description) }
        pango_attr_list_unref(attributes)
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Lays out `text` (plain text, never markup: nothing needs escaping).
    func text(_ text: String, _ style: PDFTextStyle) -> PDFText {
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, style.font)
        pango_layout_set_attributes(layout, attributes)
        if let width = style.width {
            pango_layout_set_width(layout, Int32((max(width, 1) * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            if style.singleLine {
                pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
                pango_layout_set_height(layout, -1)
            } else if style.maximumLines > 0 {
                pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
                pango_layout_set_height(layout, Int32(-style.maximumLines))
            }
        }
        if style.alignment != PANGO_ALIGN_LEFT { pango_layout_set_alignment(layout, style.alignment) }
        if style.lineSpacing > 0 { pango_layout_set_line_spacing(layout, style.lineSpacing) }
        pango_layout_set_text(layout, text, -1)
        return PDFText(layout: layout)
    }

    /// Lays out `text` on one line no wider than `width`, in a smaller size (down to `minimumSize` points) if
    /// it must be — for figures such as a 25-digit KID that should not break; wraps only below that size.
    /// `drop` is how far to move a shrunk text down so that its baseline stays where the full size's would be.
    func text(
        _ text: String, font: OpaquePointer, shrinkingToFit width: Double, minimumSize: Double, maximumLines: Int
    ) -> (text: PDFText, drop: Double) {
        let natural = self.text(text, PDFTextStyle(font: font))
        guard natural.width > width, !text.contains("\n") else {
            return natural.width > width
                ? (self.text(text, PDFTextStyle(font: font, width: width, maximumLines: maximumLines)), 0) : (natural, 0)
        }
        let size = Double(pango_font_description_get_size(font)) / Double(PANGO_SCALE)
        let smaller = max(minimumSize, (size * width / natural.width * 0.995 * 10).rounded(.down) / 10)
        let description = pango_font_description_copy(font)!
        defer { pango_font_description_free(description) }  // the layout keeps its own copy
        pango_font_description_set_size(description, Int32(smaller * Double(PANGO_SCALE)))
        let shrunk = self.text(text, PDFTextStyle(font: description, width: width, maximumLines: maximumLines))
        return (shrunk, max(0, natural.baseline - shrunk.baseline))
    }

    /// Lays out and draws `letter`, returning the PDF bytes.
    func render(_ letter: Letter) throws -> [UInt8] {
        let plan = PDFLetterPlan(letter: letter, engine: self)
        return try PDFLetterDrawing.draw(plan, letter: letter)
    }
}
