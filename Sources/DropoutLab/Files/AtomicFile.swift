import Foundation

/// Writes a file so that it is either wholly the new content or still the old file: the bytes go
/// to a temporary file in the same folder, are flushed to disk, and the temporary file is renamed
/// over the target. A full disk or a crash mid-write never leaves half a snapshot.
public enum AtomicFile {
    /// - Parameter mode: the permissions of a new file; a file that already exists keeps its own,
    ///   so `save` over a private (0600) snapshot does not make it readable by everyone.
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
        let target = try WriteTarget(path)
        TemporaryFiles.removeStale(in: target.folder)
        var template = Array(TemporaryFiles.template(folder: target.folder, name: target.name).utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do {
            defer { if !closed { close(descriptor) } }
            try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < bytes.count {
                    let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw failure(path, errno)
                    }
                    offset += written
                }
            }
            guard fchmod(descriptor, target.existingMode ?? mode) == 0, fsync(descriptor) == 0 else {
                throw failure(path, errno)
            }
            closed = true
            guard close(descriptor) == 0 else { throw failure(path, errno) }
            guard rename(temporary, path) == 0 else { throw failure(path, errno) }
            // The rename itself reaches the disk with the folder's next flush; flushing it now
            // means a power cut right after `save` cannot bring the old file back.
            _ = flush(target.folder)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Flushes a file, or a folder's entries, to the disk; false when it cannot.
    public static func flush(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return fsync(descriptor) == 0
    }

    static func failure(_ path: String, _ code: Int32) -> CommandError {
        CommandError("cannot write '\(path)': \(String(cString: strerror(code)))")
    }
}

/// A path a command is about to write, split into its folder and file name by plain string
/// rules (Foundation's path methods trap on some one-word paths), and refused when it cannot
/// name a file: a folder, `-`, an unexpanded `~`, a device or pipe.
struct WriteTarget {
    let folder: String
    let name: String
    /// The permission bits of the file being replaced, or `nil` when there is none yet.
    let existingMode: mode_t?

    init(_ path: String) throws {
        func refuse(_ why: String) -> CommandError { CommandError("cannot write '\(path)': \(why)") }
        guard !path.isEmpty else { throw refuse("the path is empty; give a file name such as session.json") }
        if path == "-" {
            throw refuse("dropout writes files, not standard output; give a file name such as session.json")
        }
        if path == "~" || path.hasPrefix("~/") {
            throw refuse(
                "dropout does not expand '~'; write the home folder out in full, as in /home/NAME/session.json")
        }
        let bytes = Array(path.utf8)
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let nameBytes = slash.map { Array(bytes[($0 + 1)...]) } ?? bytes
        let name = String(decoding: nameBytes, as: UTF8.self)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw refuse(
                "it names a folder; give a file name inside it, such as "
                    + "\(path.hasSuffix("/") ? path : path + "/")session.json"
            )
        }
        switch slash {
        case nil: folder = "."
        case 0: folder = "/"
        case let index?: folder = String(decoding: bytes[..<index], as: UTF8.self)
        }
        self.name = name
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG: existingMode = status.st_mode & 0o7777
            case S_IFDIR: throw refuse("it is a directory; give a file name inside it, such as \(path)/session.json")
            default: throw refuse("it is not a regular file (a device, pipe or socket); give a file name")
            }
        } else {
            existingMode = nil
        }
    }
}
