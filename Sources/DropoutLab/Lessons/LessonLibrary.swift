import Foundation

/// Where the lessons are, what each is called, and which one a learner means by `lesson 3`,
/// `lesson classic-dropout` or `run 03-classic-dropout`.
public enum LessonLibrary {
    public struct Entry: Equatable, Sendable {
        /// Where the file is, for running it; listings leave it out, so they hold no machine paths.
        public let path: String
        /// The file's name: `03-classic-dropout.md`.
        public let fileName: String
        /// The number its name starts with (`03-` is 3), if any.
        public let number: Int?
        /// The name without the number and `.md`: `classic-dropout`.
        public let name: String

        /// The lesson file at `path`.
        init(path: String) {
            self.path = path
            fileName = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
            let stem = Self.stem(of: fileName)
            let digits = stem.prefix(while: { $0.isASCII && $0.isNumber })
            if !digits.isEmpty, stem.dropFirst(digits.count).first == "-", let number = Int(digits) {
                self.number = number
                name = String(stem.dropFirst(digits.count + 1))
            } else {
                number = nil
                name = stem
            }
        }

        /// The file's name without `.md`: `03-classic-dropout`.
        var stem: String { Self.stem(of: fileName) }

        private static func stem(of fileName: String) -> String {
            fileName.hasSuffix(".md") ? String(fileName.dropLast(".md".count)) : fileName
        }

        /// Every word that names this lesson: its number (`3` and `03`), and its file name with or
        /// without the number and `.md`.
        var keys: Set<String> {
            var keys: Set<String> = [fileName, stem, name, name + ".md"]
            if let number {
                keys.insert(String(number))
                keys.insert(String(stem.prefix(while: { $0 != "-" })))
            }
            return keys
        }

        /// How messages name it: `lesson 3`, or `lesson NAME` for a file with no number.
        public var label: String { "lesson " + (number.map(String.init) ?? VisibleControls.visible(name)) }
    }

    /// The first of, in order: `share/dropout/lessons` beside the folder of the binary (the layout
    /// `make install` writes: `PREFIX/bin/dropout`, `PREFIX/share/dropout/lessons`); `lessons/` in
    /// the source tree the binary was built in (it sits in `.build/CONFIGURATION/`); `lessons/` in
    /// the working folder. `nil` when none exists.
    /// - Parameter executable: the binary's real path; the running one's by default, from Linux's
    ///   `/proc/self/exe`, since the name it was started by may have been found through `PATH`.
    public static func folder(executable: String? = runningExecutable()) -> String? {
        var candidates: [String] = []
        if let executable {
            var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/dropout/lessons").path)
            for _ in 0..<4 {
                folder = folder.deletingLastPathComponent()
                candidates.append(folder.appendingPathComponent("lessons").path)
            }
        }
        candidates.append("lessons")
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// `folder()`, or an error saying where lessons are looked for.
    static func requiredFolder() throws -> String {
        guard let folder = folder() else {
            throw CommandError(
                "no lessons found: they are looked for in share/dropout/lessons beside the dropout binary "
                    + "(where 'make install' puts them), in the source tree it was built in, and in lessons/ of "
                    + "the working folder"
            )
        }
        return folder
    }

    /// The lesson files in `folder`, in the order of their names (so by number).
    public static func entries(in folder: String) -> [Entry] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".md") && $0 != ".md"
        }
        .sorted().map { Entry(path: folder + "/" + $0) }
    }

    /// The lesson of the library that `word` names (see `Entry.keys`).
    /// - Throws: one line listing the numbers and names accepted, or saying where lessons are
    ///   looked for when there is no library.
    static func lesson(named word: String) throws -> Entry {
        let entries = entries(in: try requiredFolder())
        if let entry = entries.first(where: { $0.keys.contains(word) }) { return entry }
        let numbers = entries.compactMap(\.number).map(String.init)
        throw CommandError(
            "no lesson '\(word)'; lessons are "
                + (numbers.isEmpty ? "" : "\(numbers.joined(separator: ", ")) by number, or ")
                + "by name: \(entries.map { VisibleControls.visible($0.name) }.joined(separator: ", "))")
    }

    /// The library's copy of a lesson for `run PATH` when nothing is at `located` (where `PATH`
    /// as typed leads): `PATH` is a lesson's number or name, or `lessons/` and one, so that
    /// `run lessons/01-no-dropout.md` (and `dropout lessons/01-no-dropout.md`) works from any
    /// folder. `nil` for other paths.
    public static func copy(of typed: String, missingAt located: String) -> String? {
        var stat = stat()
        guard lstat(located, &stat) != 0, errno == ENOENT else { return nil }
        let word = typed.hasPrefix("lessons/") ? String(typed.dropFirst("lessons/".count)) : typed
        guard !word.isEmpty, !word.contains("/"), !typed.hasPrefix("~") else { return nil }
        return (try? lesson(named: word))?.path
    }

    /// The words Tab offers for a lesson: each file's name without `.md`, with and without its
    /// number (`03-classic-dropout`, `classic-dropout`).
    static func completions() -> [String] {
        guard let folder = folder() else { return [] }
        return entries(in: folder).flatMap { entry in
            [entry.stem, entry.name]
        }.filter { !$0.unicodeScalars.contains(where: VisibleControls.needsEscape) }
    }

    /// The lesson's title: its first heading, without a leading `3. ` that repeats its number.
    static func title(of entry: Entry) -> String {
        guard let title = (try? LessonDocument.read(path: entry.path))?.title else { return "(unreadable)" }
        if let number = entry.number, title.hasPrefix("\(number). ") {
            return String(title.dropFirst("\(number). ".count))
        }
        return title
    }

    /// This process's binary, links resolved; `nil` if Linux cannot say.
    public static func runningExecutable() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }
}
