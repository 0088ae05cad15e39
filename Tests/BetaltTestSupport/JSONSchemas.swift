import Foundation

/// The repository's JSON Schemas (schemas/), and a validator for them: the jsonschema package `make test`
/// installs, run by the first python3 on the PATH.
public enum JSONSchemas {
    public static let handoverManifest = "handover-manifest-1"
    public static let agencyUpdate = "agency-update-1"
    public static let agencyMessage = "agency-message-1"

    /// Whether `json` is valid against schemas/`schema`.schema.json, and every error's message when it is not.
    public static func validate(_ json: Data, against schema: String) throws -> (valid: Bool, message: String) {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schemas/\(schema).schema.json")
        let manifest = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString).json")
        try json.write(to: manifest)
        defer { try? FileManager.default.removeItem(at: manifest) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); manifest = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(manifest), key=str)
            print("\\n".join(e.message for e in errors)); sys.exit(1 if errors else 0)
            """, file.path, manifest.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, text)
    }
}
