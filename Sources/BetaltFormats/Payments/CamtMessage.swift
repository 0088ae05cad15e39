/// Which camt message a document holds, told by the root's namespace and found by local names below it.
struct CamtMessage {
    static let namespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt."
    static let versions = 2...8

    /// What each message number is called and holds.
    private static let kinds: [Substring: (format: PaymentFileFormat, body: String, report: String)] = [
        "054": (.camt054, "BkToCstmrDbtCdtNtfctn", "Ntfctn"),
        "053": (.camt053, "BkToCstmrStmt", "Stmt"),
    ]

    let format: PaymentFileFormat
    /// `BkToCstmrDbtCdtNtfctn` or `BkToCstmrStmt`.
    let body: XMLTreeElement
    /// `Ntfctn` or `Stmt`: the element each batch is read from.
    let reportName: String

    static func identify(_ root: XMLTreeElement, fileName: String) throws(FormatError) -> CamtMessage {
        let refusal = { (path: String, message: String) in
            FormatError(file: fileName, location: .path(path), field: root.name, message: message)
        }
        guard root.name == "Document", let namespace = root.namespace, namespace.hasPrefix(namespacePrefix) else {
            let namespace = root.namespace ?? "(none)"
            throw refusal(
                root.path, "<\(root.qualifiedName)> in namespace \(namespace) is not an ISO 20022 camt.054 or camt.053 Document")
        }
        let name = namespace.dropFirst(namespacePrefix.count)
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let kind = kinds[parts[0]], parts[1] == "001", parts[2].count == 2,
              let version = Int(parts[2]), versions.contains(version) else {
            throw refusal(root.path, "camt.\(name) is not a message Betalt reads (camt.054 or camt.053, versions 02 to 08)")
        }
        guard let body = root.child(kind.body) else {
            let step = root.prefix.map { "\($0):\(kind.body)" } ?? kind.body
            throw refusal("\(root.path)/\(step)", "a camt.\(parts[0]) Document must hold <\(kind.body)>")
        }
        return CamtMessage(format: kind.format, body: body, reportName: kind.report)
    }
}
