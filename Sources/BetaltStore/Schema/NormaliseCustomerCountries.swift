import FluentKit
import SQLKit

/// Peppol invoices once kept a buyer's country code as written, so a customer with `se` got English notices and
/// escaped the checks that go by `SE`. Imports now read codes in upper case; this mends the customers made before.
/// The language is mended too where it was chosen from the lower-case code: nothing but an import sets it.
struct NormaliseCustomerCountries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            UPDATE customers SET language = CASE UPPER(TRIM(country)) WHEN 'SE' THEN 'sv' WHEN 'NO' THEN 'nb' ELSE language END
            WHERE country <> UPPER(TRIM(country)) AND language = 'en'
            """).run()
        try await sql.raw("UPDATE customers SET country = UPPER(TRIM(country)) WHERE country <> UPPER(TRIM(country))").run()
    }

    /// Nothing to undo: an upper-case code means the same country.
    func revert(on database: any Database) async throws {}
}
