import BetaltCore
import BetaltFormats
import BetaltStore
import Foundation
import Synchronization

/// A camt file read on a thread of its own while its payments are booked: they come a chunk at a time as
/// the file is read, so reading the file (a second or more for 100,000 payments) is off the booking's path.
///
/// The chunks' sources are the places as far as the file had been read (`CamtParser.read`); `finished()`
/// gives the whole reading and the few places the end of the file changed.
final class CamtReadAhead: Sendable {
    /// The reading once done, and where a payment's final place differs from the one handed over: its
    /// index in the file's payments and that place.
    typealias Finished = (reading: CamtReading, moved: [(index: Int, source: String)])

    let chunks: AsyncThrowingStream<[NewPayment], any Error>
    private let result = Mutex<Finished?>(nil)

    init(_ data: Data, fileName: String, today: CivilDate, handing: Int = PaymentBooking.chunkSize) {
        let (chunks, continuation) = AsyncThrowingStream.makeStream(of: [NewPayment].self)
        self.chunks = chunks
        Thread { [self] in
            var provisionalSources: [String] = []
            do {
                let reading = try CamtParser.read(data, fileName: fileName, handing: handing) { payments in
                    let chunk = payments.map { NewPayment($0, today: today) }
                    provisionalSources += chunk.map(\.source)
                    continuation.yield(chunk)
                }
                let moved = zip(reading.file.payments, provisionalSources).enumerated().compactMap { index, pair in
                    pair.0.source.description == pair.1 ? nil : (index: index, source: pair.0.source.description)
                }
                result.withLock { $0 = (reading, moved) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }.start()
    }

    /// The reading, once `chunks` has ended without an error.
    func finished() -> Finished {
        guard let result = result.withLock({ $0.take() }) else {
            preconditionFailure("CamtReadAhead.finished() before its chunks ended")
        }
        return result
    }
}
