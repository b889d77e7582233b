import DropoutLab
import FuzzerDriver

/// The bytes as a lesson or transcript file (both are the lesson format), parsed as `run` and
/// `dropout verify` parse them.
@main
enum FuzzLessons {
    static func main() {
        runFuzzer { bytes in
            _ = try? LessonDocument(parsing: String(decoding: bytes, as: UTF8.self), name: "fuzz.md")
        }
    }
}
