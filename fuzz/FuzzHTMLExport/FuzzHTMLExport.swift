import DropoutLab
import Foundation
import FuzzerDriver

/// The bytes as a lesson's prose, exported as the HTML page; the page must pass
/// `StrictPageChecker`, or the process aborts and libFuzzer keeps the input.
@main
enum FuzzHTMLExport {
    static func main() {
        runFuzzer { bytes in
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            let page = HTMLTranscript.render([.prose(lines)])
            if let problem = StrictPageChecker.problem(in: page) {
                FileHandle.standardError.write(Data("page check failed: \(problem)\n--- page ---\n\(page)\n".utf8))
                abort()
            }
        }
    }
}
