import Foundation
import FuzzerDriver

@testable import DropoutLab

/// The bytes as a snapshot file, scanned, decoded and restored as `load` does.
@main
enum FuzzSnapshots {
    static func main() {
        runFuzzer { bytes in
            let data = Data(buffer: bytes)
            guard (try? JSONStructureScan(data)) != nil else { return }
            if let snapshot = try? JSONDecoder().decode(Snapshot.self, from: data) {
                _ = try? snapshot.restore(from: "fuzz.json")
            }
        }
    }
}
