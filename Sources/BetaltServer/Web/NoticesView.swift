import BetaltCore
import BetaltStore

/// A claim's notices as the claim page lists them: what went, how, to whom, its status and the proof.
struct NoticesView: Encodable {
    struct Line: Encodable {
        let date: String
        let title: String
        let channel: String
        let recipient: String
        let status: StatusBadge
        let detail: String?
        let documents: [DocumentLink]
        let events: [String]
    }

    struct DocumentLink: Encodable {
        let href: String
        let label: String
        let fileName: String
        let sha256: String
        let size: String
    }

    let lines: [Line]
    let hasNotices: Bool

    init(_ notices: ClaimNotices, creditorID: String, language: Language, words: [String: String]) {
        lines = notices.notices.map { notice in
            let record = notice.record
            let date = (try? CivilDate(iso: record.noticeDate))?.formatted(language) ?? record.noticeDate
            return Line(
                date: date, title: record.title.isEmpty ? (words["step.\(record.kind)"] ?? record.kind) : record.title,
                channel: words["channel.\(record.channel)"] ?? record.channel, recipient: record.recipient,
                status: StatusBadge(notice: record.status, words: words), detail: record.statusDetail,
                documents: notice.documents.map {
                    DocumentLink(
                        href: "/creditors/\(creditorID)/documents/\($0.id.uuidString)", label: words["document.\($0.role)"] ?? $0.role,
                        fileName: $0.fileName, sha256: $0.sha256, size: "\(($0.byteCount + 1023) / 1024) KB"
                    )
                },
                events: notice.events.map { "\($0.happenedAt.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")): \($0.detail)" }
            )
        }
        hasNotices = !lines.isEmpty
    }
}

extension StatusBadge {
    /// A notice's delivery status as a word and a tone.
    init(notice status: String, words: [String: String]) {
        let tone = switch status {
        case "sent", "printed": "good"
        case "failed", "uncertain": "danger"
        case "toPrint": "warning"
        default: "neutral"
        }
        self.init(label: words["notice.\(status)"] ?? status, tone: tone)
    }
}
