import FluentKit

/// API tokens: scoped to one creditor, stored as the hash of their secret, revoked rather than deleted.
struct CreateApiTokenSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ApiTokenRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("scopes", .string, .required)
            .field("created_at", .datetime)
            .field("revoked_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApiTokenRecord.schema).delete()
    }
}
