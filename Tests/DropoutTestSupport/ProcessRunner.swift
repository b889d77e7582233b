import Foundation

/// Runs the built `dropout` with arguments and standard input; returns what it printed.
public struct ProcessResult {
    public let status: Int32
    public let output: String
    public let errors: String
}

/// - Parameters:
///   - environment: variables to set on top of this process's; `unsetting`, ones to remove.
///   - directory: the working folder to start it in; `nil` for this process's.
///   - executable: the `dropout` to start: the one built beside the tests unless given.
///   - launcher: a program and its arguments that start `dropout` (such as setpriv to run it as
///     another user); empty to start it directly.
public func runDropout(
    _ arguments: [String], input: String = "", environment: [String: String] = [:],
    unsetting: [String] = [], directory: String? = nil, executable: String = builtExecutable,
    launcher: [String] = []
) throws -> ProcessResult {
    let process = Process()
    let command = launcher + [executable] + arguments
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    var merged = ProcessInfo.processInfo.environment
    // Piped output is laid out at COLUMNS: the tests' own shell must not choose their width.
    merged["COLUMNS"] = nil
    merged.merge(environment) { $1 }
    for name in unsetting { merged[name] = nil }
    process.environment = merged
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
        errors: String(decoding: errors, as: UTF8.self))
}
