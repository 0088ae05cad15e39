import BetaltStore
import Fluent
import Vapor

extension UserRecord: ModelAuthenticatable, ModelSessionAuthenticatable {
    public static var usernameKey: KeyPath<UserRecord, Field<String>> { \UserRecord.$email }
    public static var passwordHashKey: KeyPath<UserRecord, Field<String>> { \UserRecord.$passwordHash }

    public func verify(password: String) throws -> Bool {
        try Bcrypt.verify(password, created: passwordHash)
    }
}

/// Hashes passwords with bcrypt: deliberately slow so a stolen table does not give the passwords away.
public enum PasswordHasher {
    public static func hash(_ password: String) throws -> String { try Bcrypt.hash(password, cost: 12) }
}
