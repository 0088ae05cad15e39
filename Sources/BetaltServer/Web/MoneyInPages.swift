import Vapor

/// The pages where money comes in: file uploads and the queue of payments a person must place.
struct MoneyInPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: ImportsController())
        try routes.register(collection: WorkQueueController())
    }
}
