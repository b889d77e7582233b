import Foundation

/// Writes a file so that it is either wholly the new content or still the old file: the bytes go
/// to a temporary file in the same folder, are flushed to disk, and the temporary file is renamed
/// over the target. A full disk or a crash mid-write never leaves half a snapshot.
enum AtomicFile {
    static func write(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        var template = Array("\(folder)/.\((path as NSString).lastPathComponent).XXXXXX".utf8CString)
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
            guard fchmod(descriptor, mode) == 0, fsync(descriptor) == 0 else { throw failure(path, errno) }
            closed = true
            guard close(descriptor) == 0 else { throw failure(path, errno) }
            guard rename(temporary, path) == 0 else { throw failure(path, errno) }
            // The rename itself reaches the disk with the folder's next flush; flushing it now
            // means a power cut right after `save` cannot bring the old file back.
            _ = flush(folder)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Flushes a file, or a folder's entries, to the disk; false when it cannot.
    static func flush(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return fsync(descriptor) == 0
    }

    private static func failure(_ path: String, _ code: Int32) -> CommandError {
        CommandError("cannot write '\(path)': \(String(cString: strerror(code)))")
    }
}
