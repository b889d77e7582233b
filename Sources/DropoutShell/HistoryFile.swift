import CEditLine
import DropoutLab
import Foundation

/// The learner's command history between sessions, in the user's state directory
/// (`$XDG_STATE_HOME/dropout/history`, else `~/.local/state/dropout/history`), mode 0600 and
/// capped. Each line is added to the file as it is entered, merged with what other shells added
/// meanwhile, under a lock (`history.lock`, flock), and the file is replaced atomically: two
/// shells keep both their entries, and a crash or `kill -9` loses nothing already typed.
public struct HistoryFile: Sendable {
    public static let maximumEntries = 1000
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The default location, or `nil` when neither XDG_STATE_HOME nor HOME is set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> HistoryFile? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        return HistoryFile(path: base + "/dropout/history")
    }

    private var folder: String { (path.utf8.lastIndex(of: UInt8(ascii: "/"))).map { String(path[..<$0]) } ?? "." }
    private var fileName: String {
        String(path.utf8.split(separator: UInt8(ascii: "/")).last.map { Substring($0) } ?? "")
    }

    /// Reads the file into the line editor's history; a file it cannot read is set aside.
    func load() {
        removeStaleTemporaries()
        guard FileManager.default.fileExists(atPath: path) else { return }
        if read_history(path) != 0 {
            let aside = path + ".corrupt"
            _ = try? FileManager.default.removeItem(atPath: aside)
            _ = try? FileManager.default.moveItem(atPath: path, toPath: aside)
            warn("history file \(path) could not be read; moved it to \(aside)")
        }
    }

    /// Adds `lines` after what the file holds now; false (with a warning) when it cannot, in
    /// which case the file is as it was and the caller may try again later.
    @discardableResult
    func append(_ lines: [String]) -> Bool {
        guard !lines.isEmpty else { return true }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            warn("cannot save history in \(folder): \(error.localizedDescription)")
            return false
        }
        let lock = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { return abandon(nil, String(cString: strerror(errno))) }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { return abandon(nil, String(cString: strerror(errno))) }
        }
        removeStaleTemporaries()
        let temporary = temporaryPath(for: getpid())
        let copies = lines.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        let written = copies.withUnsafeBufferPointer {
            cedit_history_merge(path, temporary, $0.baseAddress, Int32(lines.count), Int32(Self.maximumEntries))
        }
        guard written > 0, chmod(temporary, 0o600) == 0, AtomicFile.flush(temporary) else {
            return abandon(temporary, String(cString: strerror(errno)))
        }
        // libedit does not report a write cut short by a full disk, so the file is read back.
        guard cedit_history_entries_in(temporary) == written else {
            return abandon(temporary, "the new file did not read back whole (is the disk full?)")
        }
        guard rename(temporary, path) == 0 else { return abandon(temporary, String(cString: strerror(errno))) }
        _ = AtomicFile.flush(folder)
        return true
    }

    /// `history.PID.tmp`: the file a shell writes before renaming it over the history.
    private func temporaryPath(for pid: pid_t) -> String { "\(path).\(pid).tmp" }

    /// Deletes the temporary files of shells that were killed while writing (their process is
    /// gone); those of running shells, and any other file, are left alone.
    private func removeStaleTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let prefix = fileName + "."
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = pid_t(name.dropFirst(prefix.count).dropLast(4)) else { continue }
            TemporaryFiles.removeIfAbandoned(folder + "/" + name, writtenBy: pid)
        }
    }

    private func abandon(_ temporary: String?, _ reason: String) -> Bool {
        if let temporary { unlink(temporary) }
        warn("cannot save history to \(path): \(reason); the previous history is kept")
        return false
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }
}
