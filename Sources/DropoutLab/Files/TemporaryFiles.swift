import Foundation

/// The names of dropout's temporary files, and the sweeping up of the ones a killed process left.
/// Each name carries the writing process's id, so a file is known to be abandoned only when that
/// process is gone; nothing of another program's naming, or of a live dropout, is touched.
public enum TemporaryFiles {
    /// The marker between the target's name and the process id: `.NAME.dropout-tmp-PID-XXXXXX`.
    static let marker = ".dropout-tmp-"
    /// Bytes of the target's name kept in the temporary one, so that the whole stays under the
    /// 255 bytes a file name may have.
    static let nameBytesKept = 200

    /// A `mkstemp` template for a temporary file beside `name` in `folder`.
    static func template(folder: String, name: String) -> String {
        let kept = String(decoding: name.utf8.prefix(nameBytesKept), as: UTF8.self)
        return "\(folder)/.\(kept)\(marker)\(getpid())-XXXXXX"
    }

    /// The process id a file name of our temporary naming carries, or `nil` for any other name.
    static func owner(ofTemporary fileName: String) -> pid_t? {
        guard fileName.hasPrefix("."), let range = fileName.range(of: marker, options: .backwards) else { return nil }
        let tail = fileName[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard tail.count == 2, tail[1].count == 6, tail[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            let pid = pid_t(tail[0]), pid > 0
        else { return nil }
        return pid
    }

    /// Whether a process with this id still exists (one of another user counts as existing).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Deletes the temporary files in `folder` whose writer is gone; only regular files of ours.
    static func removeStale(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            guard let pid = owner(ofTemporary: name) else { continue }
            removeIfAbandoned(folder + "/" + name, writtenBy: pid)
        }
    }

    /// Deletes `path`, a temporary file `pid` wrote, when that process is gone and the file is a
    /// regular file of this user's (never a link, or someone else's file, of the same name).
    /// The history's own temporary files (`history.PID.tmp`) are swept through here too.
    public static func removeIfAbandoned(_ path: String, writtenBy pid: pid_t) {
        guard pid > 0, pid != getpid(), !isRunning(pid) else { return }
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == getuid() else { return }
        unlink(path)
    }
}
