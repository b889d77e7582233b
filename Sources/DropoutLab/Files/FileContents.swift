import Foundation

/// Reads a file a command names (a script, a lesson, a snapshot) with the checks a hostile path
/// needs: `run /dev/zero` or a multi-gigabyte file would otherwise read until memory runs out.
/// Every failure is a `CommandError` saying what the command could not do with which path.
public enum FileContents {
    /// - Parameters:
    ///   - verb: what the command does with the file, for the messages: "run", "load".
    ///   - directoryHint: what to give instead of a folder.
    ///   - maximumBytes: the largest file the command takes, refused before it is read.
    static func read(_ path: String, verb: String, directoryHint: String, maximumBytes: Int) throws -> Data {
        func failure(_ why: String) -> CommandError { CommandError("cannot \(verb) '\(path)': \(why)") }
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever;
        // fstat below refuses it, and for a regular file the flag changes nothing.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw failure(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("it is a directory; \(directoryHint)")
        default: throw failure("it is not a regular file (a device, pipe or socket)")
        }
        guard Int(status.st_size) <= maximumBytes else {
            throw failure(
                "it is \(status.st_size) bytes; '\(verb)' reads files of at most \(maximumBytes) bytes "
                    + "(\(MemoryBudget.describe(maximumBytes)))"
            )
        }
        var data = Data(count: Int(status.st_size))
        var offset = 0
        while offset < data.count {
            let got = data.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw failure(String(cString: strerror(errno))) }
            if got == 0 { break }
            offset += got
        }
        return data.prefix(offset)
    }

    /// Reads commands piped on standard input, which has no size to check first: it is read in
    /// pieces and refused as soon as it passes the limit a script file has.
    public static func readPipe(
        _ handle: FileHandle = .standardInput, name: String = "stdin",
        maximumBytes: Int = MemoryBudget.scriptBytes
    ) throws -> Data {
        var data = Data()
        while let piece = try handle.read(upToCount: 1 << 16), !piece.isEmpty {
            data.append(piece)
            guard data.count <= maximumBytes else {
                throw CommandError(
                    "cannot run '\(name)': more than \(maximumBytes) bytes arrived; "
                        + "commands piped in may be at most \(MemoryBudget.describe(maximumBytes))")
            }
        }
        return data
    }
}
