import CPangoCairo
import Foundation

/// Renders a `Letter` as an A4 PDF with Pango (text layout) on cairo (PDF output), in memory.
///
/// `LetterPDF.render(_:)` may be called from any thread or task at the same time: it borrows a Pango font map
/// and context from `LetterRenderer.shared`, which keeps one per concurrent caller and reuses them.
public enum LetterPDF {
    /// The PDF bytes of `letter`: A4 portrait, fonts embedded, the payment slip at the foot of the last page.
    public static func render(_ letter: Letter) throws -> [UInt8] {
        try LetterRenderer.shared.render(letter)
    }
}

/// Renders letters, reusing Pango font maps, contexts and font descriptions across letters.
///
/// Thread safety: Pango font maps and contexts must not be used by two threads at once, so a renderer keeps a
/// small pool of them ("engines"). `render(_:)` takes an idle engine (or makes a new one), renders on the
/// calling thread, and puts the engine back; the pool is guarded by a lock, so one renderer may be shared by
/// any number of threads and tasks, and N concurrent callers use N engines in parallel.
public final class LetterRenderer: @unchecked Sendable {
    /// The renderer `LetterPDF.render(_:)` uses.
    public static let shared = LetterRenderer()

    private let lock = NSLock()
    private var idle: [PDFLetterEngine] = []  // guarded by `lock`
    private let maximumIdle: Int

    /// - Parameter maximumIdleEngines: how many engines to keep between letters; more concurrent callers still
    ///   get one each, and the surplus is freed when they finish. Defaults to twice the processor count.
    public init(maximumIdleEngines: Int? = nil) {
        maximumIdle = max(1, maximumIdleEngines ?? ProcessInfo.processInfo.activeProcessorCount * 2)
    }

    /// The PDF bytes of `letter`.
    public func render(_ letter: Letter) throws -> [UInt8] {
        let engine = try checkOut()
        defer { checkIn(engine) }
        return try engine.render(letter)
    }

    private func checkOut() throws -> PDFLetterEngine {
        let reused: PDFLetterEngine? = lock.withLock { idle.popLast() }
        if let reused { return reused }
        return try PDFLetterEngine()
    }

    private func checkIn(_ engine: PDFLetterEngine) {
        lock.withLock {
            if idle.count < maximumIdle { idle.append(engine) }
        }
    }
}

/// Why a letter could not be rendered: which step failed and what cairo or Pango said.
public struct LetterRenderingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The step that failed, e.g. "creating the PDF surface".
    public var step: String
    /// What the library reported, e.g. cairo's status text.
    public var detail: String

    public init(step: String, detail: String) {
        self.step = step
        self.detail = detail
    }

    public var description: String { "Rendering the letter PDF failed while \(step): \(detail)" }
}
