import BetaltCore
import FluentKit
import Foundation

/// Writes a `DemoLedger` and the demo user into an empty database, in one transaction.
public enum DemoSeeder {
    /// Whether the database holds no creditor yet (the demo only ever fills an empty database).
    public static func databaseIsEmpty(_ database: any Database) async throws -> Bool {
        try await CreditorRecord.query(on: database).count() == 0
    }

    public static func seed(_ ledger: DemoLedger, demoUserPasswordHash: String, on database: any Database) async throws {
        try await database.writing { tx in
            let user = UserRecord(
                email: DemoLedger.demoUserEmail, name: "Demo Bruker", passwordHash: demoUserPasswordHash, language: "nb"
            )
            try await user.create(on: tx)
            for creditor in ledger.creditors {
                try await seed(creditor, today: ledger.today, userID: try user.requireID(), on: tx)
            }
            try await AuditRecord(
                creditorID: nil, userID: nil, actor: "betalt demo", action: "demo.seeded",
                subject: "database", detail: "demo ledger as of \(ledger.today.iso)"
            ).create(on: tx)
        }
    }

    private static func seed(_ creditor: DemoLedger.Creditor, today: CivilDate, userID: UUID, on database: any Database) async throws {
        let record = CreditorRecord(
            id: creditor.id, name: creditor.name, country: creditor.country.rawValue,
            organisationNumber: creditor.organisationNumber, currency: creditor.country.currency.code,
            timeZone: creditor.country.timeZoneIdentifier, language: creditor.country.language.rawValue,
            bankAccount: creditor.bankAccount
        )
        if creditor.country == .norway {
            (record.addressLine, record.postalCode, record.city) = ("Verkstedveien 4", "7042", "Trondheim")
            (record.email, record.phone) = ("regnskap@nordlys-verksted.example", "+47 73 00 00 00")
        } else {
            (record.addressLine, record.postalCode, record.city) = ("Trädgårdsgatan 7", "753 09", "Uppsala")
            (record.email, record.phone) = ("ekonomi@svea-tradgard.example", "+46 18 00 00 00")
        }
        // Debtors may choose a plan of up to six months, 500 kr an instalment at least; the Swedish creditor
        // adds the amorteringsplan fee where the law allows it.
        (record.planMaxMonths, record.planMinInstalmentMinor, record.planFee) = (6, 50_000, creditor.country == .sweden)
        try await record.create(on: database)
        try await MembershipRecord(creditorID: creditor.id, userID: userID, role: "owner").create(on: database)
        let customers = creditor.customers.map {
            CustomerRecord(
                id: $0.id, creditorID: creditor.id, customerNumber: $0.number, kind: $0.kind.rawValue, name: $0.name,
                nationalIdentityNumber: $0.nationalIdentityNumber, organisationNumber: $0.organisationNumber,
                email: $0.email, phone: nil, addressLine: $0.addressLine, postalCode: $0.postalCode, city: $0.city,
                country: creditor.country.rawValue, language: creditor.country.language.rawValue
            )
        }

        for (record, customer) in zip(customers, creditor.customers) {
            record.acceptedChannels = customer.acceptedChannels.map(\.rawValue).sorted().joined(separator: ",")
            if customer.acceptedChannels.contains(.email) {
                // As a creditor records it (`NoticeConsent`): the day and what the consent rests on.
                record.emailConsentOn = today.adding(months: -6).iso
                record.emailConsentBasis = creditor.country == .sweden ? "Godkänt i kundavtalet" : "Godtatt i kundeavtalen"
            }
        }
        for chunk in customers.chunked(into: 500) { try await chunk.create(on: database) }
        var claims: [ClaimRecord] = []
        var entries: [LedgerEntryRecord] = []
        for invoice in creditor.invoices {
            let ledger = try ClaimLedger(currency: creditor.country.currency, entries: invoice.entries)
            let record = ClaimRecord(
                id: invoice.id, creditorID: creditor.id, customerID: invoice.customerID, invoiceNumber: invoice.number,
                issueDate: invoice.issueDate.iso, dueDate: invoice.dueDate.iso, currency: creditor.country.currency.code,
                principalMinor: invoice.entries.filter { $0.kind == .principal }.reduce(0) { $0 + $1.amount.minorUnits },
                openMinor: ledger.balance.minorUnits, paymentReference: invoice.paymentReference,
                stage: (ledger.isSettled ? ClaimStage.closed : ClaimStage.open).rawValue,
                nextActionDate: ledger.isSettled ? nil : invoice.dueDate.adding(days: 1).iso
            )
            record.mirror(ledger.balances, lastSequence: invoice.entries.count)
            record.reminderFeeAgreed = invoice.reminderFeeAgreed
            claims.append(record)
            for (index, entry) in invoice.entries.enumerated() {
                entries.append(LedgerEntryRecord(
                    creditorID: creditor.id, claimID: invoice.id, sequence: index + 1, kind: entry.kind.rawValue,
                    component: entry.component.rawValue, amountMinor: entry.amount.minorUnits,
                    currency: entry.amount.currency.code, entryDate: entry.date.iso, text: entry.text
                ))
            }
        }
        for chunk in claims.chunked(into: 500) { try await chunk.create(on: database) }
        for chunk in entries.chunked(into: 500) { try await chunk.create(on: database) }
    }
}
