import Foundation
import XCTest

/// A fresh directory under the system's temporary folder, removed by the test's teardown.
public func makeTemporaryDirectory(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "dropout-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// The `dropout` binary built beside the test bundle.
public var builtExecutable: String {
    let bundle = URL(
        fileURLWithPath: CommandLine.arguments.first { $0.hasSuffix(".xctest") } ?? CommandLine.arguments[0])
    return bundle.deletingLastPathComponent().appendingPathComponent("dropout").path
}

/// The binary that replays lessons: `DROPOUT_LESSON_BINARY` when set (`make test` sets it to
/// the release build it has just built, since the lessons train thousands of runs over seeds and
/// a debug build takes minutes for them), else the one beside the test bundle.
public var lessonExecutable: String {
    ProcessInfo.processInfo.environment["DROPOUT_LESSON_BINARY"] ?? builtExecutable
}

/// The package's own folder, where lessons/ and transcripts/ are.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The names of the package's lessons/*.md, sorted: what a loop over the lessons must cover,
/// so that it cannot pass by finding none.
public func lessonFiles() throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/lessons").filter {
        $0.hasSuffix(".md")
    }.sorted()
    XCTAssertFalse(names.isEmpty, "no lessons in \(packageRoot)/lessons")
    return names
}

/// A temporary PREFIX laid out as `make install` lays it out: the built binary copied to
/// `PREFIX/bin/dropout`, and lessons in `PREFIX/share/dropout/lessons`: `lessons` (file name to
/// text), or the package's own when `nil`. Returns PREFIX; the test's teardown removes it.
public func installedCopy(_ test: XCTestCase, lessons: [String: String]? = nil) throws -> String {
    let prefix = try makeTemporaryDirectory(test)
    let manager = FileManager.default
    let share = prefix + "/share/dropout/lessons"
    try manager.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
    try manager.createDirectory(atPath: share, withIntermediateDirectories: true)
    try manager.copyItem(atPath: builtExecutable, toPath: prefix + "/bin/dropout")
    if let lessons {
        for (name, text) in lessons { try text.write(toFile: share + "/" + name, atomically: true, encoding: .utf8) }
    } else {
        for name in try manager.contentsOfDirectory(atPath: packageRoot + "/lessons") where name.hasSuffix(".md") {
            try manager.copyItem(atPath: packageRoot + "/lessons/" + name, toPath: share + "/" + name)
        }
    }
    return prefix
}

/// Fails with a line-by-line diff when `actual` is not `expected`.
public func assertLines(_ actual: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    guard actual != expected else { return }
    let a = actual.components(separatedBy: "\n")
    let e = expected.components(separatedBy: "\n")
    var diff: [String] = []
    for index in 0..<max(a.count, e.count) {
        let got = index < a.count ? a[index] : "<missing>"
        let want = index < e.count ? e[index] : "<missing>"
        if got != want { diff.append("line \(index + 1):\n  expected: \(want)\n  actual:   \(got)") }
    }
    XCTFail("output differs:\n" + diff.joined(separator: "\n"), file: file, line: line)
}
