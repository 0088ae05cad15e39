extension CivilDate {
    /// The date as a reader in `language` writes it: nb "22.11.2026", sv "2026-11-22", en "22 Nov 2026".
    public func formatted(_ language: Language) -> String {
        switch language {
        case .nb:
            return "\(day < 10 ? "0" : "")\(day).\(month < 10 ? "0" : "")\(month).\(year)"
        case .sv:
            return iso
        case .en:
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(day) \(names[month - 1]) \(year)"
        }
    }
}
