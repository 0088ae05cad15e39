import FluentKit
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// A Fluent database outside a Vapor application, for the command line and the tests.
public final class StandaloneDatabase: Sendable {
    public let databases: Databases
    public let location: DatabaseLocation
    private let threadPool: NIOThreadPool
    private let eventLoopGroup: MultiThreadedEventLoopGroup
    private let logger: Logger

    public init(location: DatabaseLocation, logger: Logger = Logger(label: "betalt.store")) throws {
        let threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
        let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let databases = Databases(threadPool: threadPool, on: eventLoopGroup)
        try databases.useBetalt(location)
        self.threadPool = threadPool
        self.eventLoopGroup = eventLoopGroup
        self.databases = databases
        self.location = location
        self.logger = logger
    }

    public var database: any Database {
        databases.database(.betalt, logger: logger, on: eventLoopGroup.any())!
    }

    /// Brings the schema up to date; running it again does nothing.
    public func migrate() async throws {
        try await SQLiteTuning.makeFile(database as! any SQLDatabase)
        let migrations = Migrations()
        migrations.add(BetaltMigrations.all, to: .betalt)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoopGroup.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    public func shutdown() async throws {
        await databases.shutdownAsync()
        try await threadPool.shutdownGracefully()
        try await eventLoopGroup.shutdownGracefully()
    }
}
