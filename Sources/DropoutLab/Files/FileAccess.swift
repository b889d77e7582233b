import Foundation

/// Which files the commands of a session may name. A lesson or transcript from a stranger must
/// not reach the learner's other files: while a lesson replays, `save`, `export`, `load` and
/// `run` stay inside the lesson's own folder (symbolic links and `..` resolved first), and
/// `dropout verify` writes nothing at all, since it only compares output.
public enum FileAccess: Equatable, Sendable {
    /// What the learner types: any path the learner's account can use.
    case unrestricted
    /// A replayed lesson, confined to `folder` (resolved, absolute).
    case lesson(folder: String)
    /// `dropout verify`: no writes; reads confined to the transcript's `folder`.
    case verifying(folder: String)

    /// The rule for replaying the lesson at `path`, or `nil` when its folder cannot be resolved.
    static func lesson(at path: String) -> FileAccess? {
        FileAccess.resolvedFolder(of: path).map { .lesson(folder: $0) }
    }

    /// The rule for verifying the transcript at `path`.
    public static func verifying(at path: String) -> FileAccess {
        FileAccess.resolvedFolder(of: path).map { .verifying(folder: $0) } ?? .nothing
    }

    /// For a folder that cannot be resolved: no resolved path holds a NUL byte, so no path is
    /// inside it and every file command is refused.
    public static let nothing = FileAccess.verifying(folder: "/\u{0}")

    /// Throws the one-line error for `verb` on `path` (quoted as `quoted`, the path as typed)
    /// when this rule does not allow it.
    func check(_ path: String, shownAs quoted: String, verb: String, writes: Bool) throws {
        switch self {
        case .unrestricted: return
        case .verifying(let folder):
            if writes {
                throw CommandError(
                    "cannot \(verb) '\(quoted)': 'dropout verify' only compares output and writes no files")
            }
            try Self.require(
                path, quoted, inside: folder, verb: verb,
                rule: "a transcript being verified reads files only inside its own folder (\(folder))")
        case .lesson(let folder):
            try Self.require(
                path, quoted, inside: folder, verb: verb,
                rule: "a lesson reads and writes files only inside its own folder (\(folder)); "
                    + "start dropout with --allow-paths to let lessons reach other files")
        }
    }

    private static func require(
        _ path: String, _ quoted: String, inside folder: String, verb: String, rule: String
    ) throws {
        guard let resolved = resolve(path), resolved == folder || resolved.hasPrefix(folder == "/" ? "/" : folder + "/")
        else {
            throw CommandError("cannot \(verb) '\(quoted)': \(rule)")
        }
    }

    /// The absolute path `path` reaches once symbolic links are followed: the whole path when it
    /// exists, else its folder's real path and the name (a save creates the name itself, and
    /// replaces a link there rather than following it). `nil` when the folder does not exist.
    static func resolve(_ path: String) -> String? {
        if let real = realPath(path) { return real }
        let bytes = Array(path.utf8)
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else {
            return realPath(".").map { $0 + "/" + path }
        }
        let name = String(decoding: bytes[(slash + 1)...], as: UTF8.self)
        guard name != "..", name != "." else { return nil }
        let parent = slash == 0 ? "/" : String(decoding: bytes[..<slash], as: UTF8.self)
        return realPath(parent).map { ($0 == "/" ? "" : $0) + "/" + name }
    }

    static func resolvedFolder(of file: String) -> String? {
        realPath(folder(of: file))
    }

    /// The folder part of `file` as written: `.` for a bare name, `/` for a file at the root.
    static func folder(of file: String) -> String {
        let bytes = Array(file.utf8)
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == 0 ? "/" : String(decoding: bytes[..<slash], as: UTF8.self)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
