import CPangoCairo
import Foundation

/// Draws a laid-out letter onto a cairo PDF surface that writes into memory.
enum PDFLetterDrawing {
    /// Collects what cairo writes.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    static func draw(_ plan: PDFLetterPlan, letter: Letter) throws -> [UInt8] {
        let sink = Sink()
        sink.bytes.reserveCapacity(48 * 1024)
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        return try withExtendedLifetime(sink) { () throws -> [UInt8] in
            guard
                let surface = cairo_pdf_surface_create_for_stream(
                    { closure, data, length in
                        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
                        if let data, length > 0 {
                            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().bytes
                                .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                        }
                        return CAIRO_STATUS_SUCCESS
                    }, closure, PDFGeometry.pageWidth, PDFGeometry.pageHeight)
            else {
                throw LetterRenderingError(step: "creating the PDF surface", detail: "cairo returned NULL")
            }
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface), "creating the PDF surface")

            if !letter.title.isEmpty { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, letter.title) }
            if !letter.sender.name.isEmpty {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, letter.sender.name)
            }
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Betalt")

            guard let cr = cairo_create(surface) else {
                throw LetterRenderingError(step: "creating the cairo context", detail: "cairo returned NULL")
            }
            defer { cairo_destroy(cr) }
            for page in plan.pages {
                for item in page { draw(item, on: cr) }
                cairo_show_page(cr)
                try check(cairo_status(cr), "drawing a page")
            }
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "writing the PDF")
            return sink.bytes
        }
    }

    private static func check(_ status: cairo_status_t, _ step: String) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        let detail = cairo_status_to_string(status).map { String(cString: $0) } ?? "cairo status \(status.rawValue)"
        throw LetterRenderingError(step: step, detail: detail)
    }

    private static func draw(_ item: PDFItem, on cr: OpaquePointer) {
        switch item {
        case .text(let text, let x, let y, let gray):
            cairo_set_source_rgb(cr, gray, gray, gray)
            text.draw(on: cr, x: x, y: y)
        case .lines(let text, let x, let y, let range, let metrics, let gray):
            cairo_set_source_rgb(cr, gray, gray, gray)
            text.draw(on: cr, x: x, y: y, lines: range, metrics: metrics)
        case .rule(let x, let y, let width, let thickness, let gray):
            cairo_set_source_rgb(cr, gray, gray, gray)
            cairo_set_line_width(cr, thickness)
            cairo_move_to(cr, x, y)
            cairo_line_to(cr, x + width, y)
            cairo_stroke(cr)
        case .box(let x, let y, let width, let height, let thickness, let stroke, let fill):
            cairo_rectangle(cr, x, y, width, height)
            cairo_set_source_rgb(cr, fill, fill, fill)
            cairo_fill_preserve(cr)
            cairo_set_source_rgb(cr, stroke, stroke, stroke)
            cairo_set_line_width(cr, thickness)
            cairo_stroke(cr)
        }
    }
}
