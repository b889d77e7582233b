import CEditLine
import Foundation

/// The learner's command history between sessions, in the user's state directory
/// (`$XDG_STATE_HOME/dropout/history`, else `~/.local/state/dropout/history`), mode 0600,
/// capped, and replaced atomically so two shells or a crash never leave it half-written.
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

    func load() {
        guard FileManager.default.fileExists(atPath: path) else { return }
        if read_history(path) != 0 {
            let aside = path + ".corrupt"
            _ = try? FileManager.default.removeItem(atPath: aside)
            _ = try? FileManager.default.moveItem(atPath: path, toPath: aside)
            FileHandle.standardError.write(Data("warning: history file \(path) could not be read; moved it to \(aside)\n".utf8))
        }
    }

    /// libedit writes only to a path, so it writes a temporary file beside the real one, which
    /// replaces it once it is on disk and reads back whole (libedit does not report a write cut
    /// short by a full disk).
    func save() {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            FileHandle.standardError.write(Data("warning: cannot save history in \(folder): \(error.localizedDescription)\n".utf8))
            return
        }
        let temporary = path + ".\(getpid()).tmp"
        guard write_history(temporary) == 0, chmod(temporary, 0o600) == 0, AtomicFile.flush(temporary) else {
            return abandon(temporary, String(cString: strerror(errno)))
        }
        guard cedit_history_entries_in(temporary) == cedit_history_length() else {
            return abandon(temporary, "the new file did not read back whole (is the disk full?)")
        }
        guard rename(temporary, path) == 0 else { return abandon(temporary, String(cString: strerror(errno))) }
        _ = AtomicFile.flush(folder)
    }

    private func abandon(_ temporary: String, _ reason: String) {
        unlink(temporary)
        FileHandle.standardError.write(Data("warning: cannot save history to \(path): \(reason); the previous history is kept\n".utf8))
    }
}
