import BetaltCore

extension Letter {
    /// The values of the HTML e-mail layout: text split into lines, cells with their alignment.
    func htmlContext(language: Language) -> [String: Any] {
        func paragraphs(_ texts: [String]) -> [[String: Any]] {
            texts.map { paragraph in
                ["lines": paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    // A line that is an address (the debtor's private link) becomes a link a reader can tap.
                    ["text": String(line), "link": line.hasPrefix("https://") || line.hasPrefix("http://")] as [String: Any]
                }]
            }
        }
        var context: [String: Any] = [
            "language": language.rawValue, "title": title, "sender": sender.name,
            "references": references.map { ["label": $0.label, "value": $0.value] },
            "opening": paragraphs(opening), "closing": paragraphs(closing), "footer": footer,
        ]
        if let table {
            func cells(_ row: [String]) -> [String: Any] {
                ["cells": row.enumerated().map { index, text in
                    let amount = table.amountColumns.indices.contains(index) && table.amountColumns[index]
                    return ["text": text, "align": amount ? "right" : "left", "amount": amount] as [String: Any]
                }]
            }
            context["table"] = [
                "headers": (cells(table.headers)["cells"] as? [[String: Any]]) ?? [],
                "rows": table.rows.map(cells), "totals": table.totals.map(cells),
            ] as [String: Any]
        }
        if let slip = paymentSlip {
            context["slip"] = [
                "heading": slip.heading,
                "fields": [slip.amount, slip.dueDate, slip.account, slip.reference, slip.payee].map { ["label": $0.label, "value": $0.value] },
            ] as [String: Any]
        }
        return context
    }

    /// The letter as the plain-text part of an e-mail: the same words, the amounts in an aligned column.
    public var plainText: String {
        var blocks: [String] = [title.uppercased()]
        blocks += opening
        if let table {
            let rows = [table.headers] + table.rows + table.totals
            let labelWidth = rows.map { $0.first?.count ?? 0 }.max() ?? 0
            let amountWidth = rows.map { $0.dropFirst().map(\.count).max() ?? 0 }.max() ?? 0
            func line(_ row: [String]) -> String {
                let label = row.first ?? ""
                let amounts = row.dropFirst().map { String(repeating: " ", count: amountWidth - $0.count) + $0 }
                return ([label + String(repeating: " ", count: labelWidth - label.count)] + amounts).joined(separator: "  ")
            }
            let rule = String(repeating: "-", count: labelWidth + 2 + amountWidth)
            blocks.append(([line(table.headers), rule] + table.rows.map(line) + [rule] + table.totals.map(line)).joined(separator: "\n"))
        }
        blocks += closing
        if let slip = paymentSlip {
            let fields = [slip.amount, slip.dueDate, slip.account, slip.reference, slip.payee]
            let width = fields.map(\.label.count).max() ?? 0
            blocks.append(
                ([slip.heading] + fields.map { $0.label + ":" + String(repeating: " ", count: width - $0.label.count + 1) + $0.value })
                    .joined(separator: "\n")
            )
        }
        blocks.append("--\n" + footer)
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
