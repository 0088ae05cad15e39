import BetaltCore
import BetaltDocuments
import BetaltStore

extension NoticeCreditor {
    /// The creditor as its notices present it: postal lines, contact details and the account written the
    /// way the country's payers type it (NO 1234.56.78901, SE bankgiro 123-4567).
    public init(_ record: CreditorRecord) {
        let account: String = if Country(rawValue: record.country) == .sweden {
            (try? Bankgiro(validating: record.bankAccount))?.formatted ?? record.bankAccount
        } else {
            (try? NorwegianBankAccount(validating: record.bankAccount))?.formatted ?? record.bankAccount
        }
        self.init(
            name: record.name, organisationNumber: record.organisationNumber,
            addressLines: [record.addressLine, [record.postalCode, record.city].filter { !$0.isEmpty }.joined(separator: " ")]
                .filter { !$0.isEmpty },
            email: record.email, phone: record.phone, bankAccount: account
        )
    }
}
