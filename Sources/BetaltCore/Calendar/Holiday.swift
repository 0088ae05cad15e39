/// A public holiday (or, in Sweden, an eve treated like one), named as the country names it.
public struct Holiday: Sendable, Hashable, CustomStringConvertible {
    public let date: CivilDate
    public let name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }

    public var description: String { "\(date.iso) \(name)" }
}
