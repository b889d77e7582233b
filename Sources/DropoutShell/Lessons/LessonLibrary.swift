import Foundation

/// Where the lessons are, and what each is called.
public enum LessonLibrary {
    public struct Entry: Equatable, Sendable {
        /// As a learner would type it after `run`.
        public let path: String
        public let title: String
    }

    /// `lessons/` in the working folder, else the one in the source tree the binary was built in
    /// (the binary sits in .build/CONFIGURATION/).
    public static func folder() -> String? {
        let manager = FileManager.default
        var candidates = ["lessons"]
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = binary.deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("lessons").path)
        }
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    public static func list(in folder: String) -> [Entry] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        return names.map { name in
            let path = folder + "/" + name
            let title = (try? LessonDocument.read(path: path))?.title ?? "(unreadable)"
            return Entry(path: path, title: title)
        }
    }
}
