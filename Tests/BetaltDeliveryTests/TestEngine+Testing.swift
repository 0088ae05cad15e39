import BetaltTestSupport
import Testing

extension TestEngine: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
