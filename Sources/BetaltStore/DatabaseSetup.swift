import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import PostgresKit

extension DatabaseID {
    /// The one database Betalt uses, whichever engine it runs on.
    public static let betalt = DatabaseID(string: "betalt")
}

extension Databases {
    /// Registers Betalt's database at `location` as the default database.
    public func useBetalt(_ location: DatabaseLocation, maxConnectionsPerEventLoop: Int = 4) throws {
        switch location {
        case .sqliteFile(let path):
            use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, sqlLogLevel: .trace), as: .betalt, isDefault: true)
        case .sqliteInMemory:
            use(.sqlite(.memory, maxConnectionsPerEventLoop: 1, sqlLogLevel: .trace), as: .betalt, isDefault: true)
        case .postgres(let url, let searchPath):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let searchPath { configuration.searchPath = [searchPath] }
            use(
                .postgres(
                    configuration: configuration,
                    maxConnectionsPerEventLoop: maxConnectionsPerEventLoop,
                    sqlLogLevel: .trace
                ),
                as: .betalt,
                isDefault: true
            )
        }
    }
}

/// The schema migrations, in order. Run on startup and by `betalt migrate`.
public enum BetaltMigrations {
    public static let all: [any Migration] = [
        CreateInitialSchema(),
        CreateCollectionSchema(),
        CreateImportSchema(),
        CreateApiTokenSchema(),
        CreateNoticeSchema(),
        AddCustomerNameKey(),
        CreateCustomerCreditSchema(),
        IndexPaymentsByBankReference(),
        CreateDisputeSchema(),
        CreatePromiseSchema(),
        CreatePaymentPlanSchema(),
        CreateConversationSchema(),
        CreateDisputeAttachmentSchema(),
        CreateHandoverSchema(),
        CreateAgencyUpdateSchema(),
        AddInvoiceDocumentFiles(),
        ReferenceClaimsWithTheirCreditor(),
        UseWriteAheadLog(),
        IndexAuditLogByAction(),
        AddDecisionReasonArguments(),
        AddNoticeClaimSequence(),
        CreateReasonTexts(),
        AddClaimWaiverOffer(),
        AddClaimRevision(),
        AddCustomerEmailConsent(),
        NormaliseCustomerCountries(),
        IndexCustomersByRegisteredNumbers(),
        AddPromiseAgreement(),
    ]
}
