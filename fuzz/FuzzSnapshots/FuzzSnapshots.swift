import Foundation
import FuzzerDriver
@testable import DropoutShell

/// The bytes as a snapshot file, decoded and restored as `load` does.
@main
enum FuzzSnapshots {
    static func main() {
        runFuzzer { bytes in
            if let snapshot = try? JSONDecoder().decode(Snapshot.self, from: Data(buffer: bytes)) {
                _ = try? snapshot.restore(from: "fuzz.json")
            }
        }
    }
}
