// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Betalt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "betalt", targets: ["betalt"]),
        .library(name: "BetaltCore", targets: ["BetaltCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Pure domain: money, dates, calendars, identifiers, rulebooks, interest, the ledger. No I/O.
        .target(name: "BetaltCore"),
        // libxml2 from Debian: its SAX parser reads large bank files as a stream.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Files in and out: Peppol/EHF UBL invoices, ISO 20022 camt, Nets OCR giro, Bankgirot BgMax, CSV.
        .target(name: "BetaltFormats", dependencies: [
            "BetaltCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Cairo and Pango from Debian, for PDF letters.
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        // libcurl from Debian, for SMTP.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Notices: templates (nb, sv, en), the letter layout, PDF, HTML and plain-text renderings. No I/O
        // besides reading template files.
        .target(
            name: "BetaltDocuments",
            dependencies: ["BetaltCore", "CPangoCairo", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        // Persistence: schema, migrations and queries on SQLite and PostgreSQL.
        .target(
            name: "BetaltStore",
            dependencies: [
                "BetaltCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Turning acts into archived notices, and the outbox that delivers them (SMTP e-mail, letters to print).
        .target(
            name: "BetaltDelivery",
            dependencies: ["BetaltCore", "BetaltStore", "BetaltDocuments", "BetaltFormats", "CCurl",
                .product(name: "SQLKit", package: "sql-kit"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // HTTP: the creditor web app (and later the API and the debtor page).
        .target(
            name: "BetaltServer",
            dependencies: [
                "BetaltCore", "BetaltStore", "BetaltFormats", "BetaltDocuments", "BetaltDelivery",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
            ]
        ),
        .executableTarget(
            name: "betalt",
            dependencies: [
                "BetaltCore", "BetaltStore", "BetaltServer", "BetaltDelivery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .executableTarget(
            name: "betalt-bench",
            dependencies: [
                "BetaltCore", "BetaltStore", "BetaltServer", "BetaltDocuments", "BetaltDelivery", "BetaltFormats",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentKit", package: "fluent-kit"),
            ],
            path: "Benchmarks/betalt-bench"
        ),
        .testTarget(
            name: "BetaltFormatsTests",
            dependencies: [
                "BetaltCore", "BetaltFormats", "BetaltTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "BetaltCoreTests",
            dependencies: [
                "BetaltCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Shared by the database and server tests: a fresh SQLite file or PostgreSQL schema per test.
        .target(
            name: "BetaltTestSupport",
            dependencies: [
                "BetaltCore", "BetaltStore", .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            path: "Tests/BetaltTestSupport"
        ),
        .testTarget(
            name: "BetaltDocumentsTests",
            dependencies: ["BetaltCore", "BetaltDocuments"]
        ),
        .testTarget(
            name: "BetaltDeliveryTests",
            dependencies: [
                "BetaltCore", "BetaltStore", "BetaltDocuments", "BetaltDelivery", "BetaltFormats", "BetaltTestSupport",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["smtp_server.py"]
        ),
        .testTarget(
            name: "BetaltStoreTests",
            dependencies: ["BetaltCore", "BetaltStore", "BetaltTestSupport"]
        ),
        .testTarget(
            name: "BetaltServerTests",
            dependencies: [
                "BetaltCore", "BetaltStore", "BetaltServer", "BetaltDelivery", "BetaltTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
