extension StatusBadge {
    /// A badge for a state that is not a claim's: an import's outcome, a payment waiting for a person.
    init(label: String, tone: String) {
        self.label = label
        self.tone = tone
    }
}
