import CPangoCairo
import Foundation

/// A laid-out Pango text (owns its `PangoLayout`), measured in points.
///
/// Belongs to the engine that made it: use it only on that engine's thread, while rendering one letter.
final class PDFText {
    let layout: OpaquePointer
    /// The logical width of the text (the widest line), in points.
    let width: Double
    /// The logical height of all lines, in points.
    let height: Double

    init(layout: OpaquePointer) {
        self.layout = layout
        var w: Int32 = 0
        var h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        width = Double(w) / Double(PANGO_SCALE)
        height = Double(h) / Double(PANGO_SCALE)
    }

    /// The first line's baseline below the top, in points.
    var baseline: Double { Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE) }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// One line's vertical extent and baseline relative to the layout's top, and its x offset, in points.
    struct Line {
        var top: Double
        var bottom: Double
        var baseline: Double
        var x: Double
    }

    /// The lines, for splitting a paragraph across pages.
    func lines() -> [Line] {
        var result: [Line] = []
        guard let iter = pango_layout_get_iter(layout) else { return result }
        defer { pango_layout_iter_free(iter) }
        let scale = Double(PANGO_SCALE)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = pango_layout_iter_get_baseline(iter)
            result.append(
                Line(
                    top: Double(logical.y) / scale, bottom: Double(logical.y + logical.height) / scale,
                    baseline: Double(baseline) / scale, x: Double(logical.x) / scale))
        } while pango_layout_iter_next_line(iter) != 0
        return result
    }

    /// Draws the whole layout with its top left corner at (x, y).
    func draw(on cr: OpaquePointer, x: Double, y: Double) {
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
    }

    /// Draws the lines in `range` so that the first of them starts at y.
    func draw(on cr: OpaquePointer, x: Double, y: Double, lines range: Range<Int>, metrics: [Line]) {
        guard let first = range.first, first < metrics.count else { return }
        let top = metrics[first].top
        for index in range where index < metrics.count {
            guard let line = pango_layout_get_line_readonly(layout, Int32(index)) else { continue }
            let m = metrics[index]
            cairo_move_to(cr, x + m.x, y + m.baseline - top)
            pango_cairo_show_layout_line(cr, line)
        }
    }
}

/// How a text is set: font, width, alignment, wrapping.
struct PDFTextStyle {
    var font: OpaquePointer
    /// The wrapping width in points; nil for one unwrapped line per paragraph.
    var width: Double? = nil
    var alignment: PangoAlignment = PANGO_ALIGN_LEFT
    /// With a width: at most this many lines per paragraph (0 = unlimited), the last one ellipsized.
    var maximumLines: Int = 0
    /// With a width: never wrap, shorten each paragraph to one line with "…" instead.
    var singleLine: Bool = false
    /// Baseline distance as a multiple of the line height (0 = the font's own).
    var lineSpacing: Float = 0
}
