/// How a notice reaches the debtor, or why it cannot.
enum ChannelChoice {
    case use(Channel, Reason?)
    case unreachable(Reason)
}

extension ClaimDay {
    /// The first of the step's channels the debtor can lawfully be reached on. Every notice, friendly or
    /// formal, goes electronically only on a channel the debtor accepted: the law asks it of the formal ones
    /// (NO inkl. § 3 a; SE IMY on digital inkassokrav), and the facts know of no e-mail address otherwise.
    /// When none of the step's channels will do, a letter is always lawful and is used if the address is known.
    func chooseChannel(for step: LadderStep) -> ChannelChoice {
        var passedOver: [Channel] = []
        for channel in step.channels {
            let reachable = channel == .letter ? facts.hasPostalAddress : facts.acceptedElectronicChannels.contains(channel)
            if reachable {
                return .use(channel, passedOver.isEmpty ? nil : notAccepted(passedOver, sentBy: channel))
            }
            if channel.isElectronic { passedOver.append(channel) }
        }
        guard facts.hasPostalAddress else {
            let refused = passedOver.isEmpty ? ReasonText("") : ReasonText(", and \(names(passedOver)) not accepted for notices")
            return .unreachable(Reason(
                "the debtor cannot be reached for the \(step.kind.name(in: country)): no postal address\(refused)",
                LegalBasis.electronicNotice(country)))
        }
        guard !passedOver.isEmpty else {
            return .use(.letter, Reason("the ladder names no usable channel for '\(step.id)': sent by letter"))
        }
        return .use(.letter, notAccepted(passedOver, sentBy: .letter))
    }

    private func notAccepted(_ channels: [Channel], sentBy channel: Channel) -> Reason {
        channels.count == 1
            ? Reason("\(names(channels)) not used: the debtor has not accepted it for notices; sent by \(channel.name)",
                     LegalBasis.electronicNotice(country))
            : Reason("\(names(channels)) not used: the debtor has not accepted them for notices; sent by \(channel.name)",
                     LegalBasis.electronicNotice(country))
    }

    /// The channels one after the other ("email and digitalMailbox"), each translated on its own.
    private func names(_ channels: [Channel]) -> ReasonText {
        channels.dropFirst().reduce(channels.first?.name ?? ReasonText("")) { names, channel in ReasonText("\(names) and \(channel.name)") }
    }
}
