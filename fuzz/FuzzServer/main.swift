import FuzzerDriver

@testable import DropoutServer

/// The bytes as request lines to one server, read as `dropout serve` reads them (lines bounded
/// by a small limit here, so the skipping of an overlong line is reached too). A `run` request
/// is read but not run: FuzzCommands fuzzes the lines themselves, and a `step` would stall.
@main
enum FuzzServer {
    static func main() {
        runFuzzer { bytes in
            let server = Server(write: { _ in }, interruptPending: { false }, clearInterrupt: {})
            var offset = 0
            let lines = RequestLines(limit: 256) { buffer in
                let count = min(buffer.count, bytes.count - offset)
                for index in 0..<count { buffer[index] = bytes[offset + index] }
                offset += count
                return count
            }
            while case .line(let line) = lines.next() {
                if let request = try? Request(line: line), case .run = request.kind { continue }
                server.handle(line)
            }
        }
    }
}
