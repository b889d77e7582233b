import Foundation

/// What Tab offers at a point in a line, worked out from the command registry and the file
/// system alone so that it can be tested without a terminal.
public enum Completion {
    public enum Offer: Equatable, Sendable {
        /// These words, already filtered by what was typed.
        case words([String])
        /// File names: the argument is a path.
        case files
        /// File names, and these words besides (already filtered).
        case filesAnd([String])
    }

    /// The paths that start with `word`, folders ending in "/" so that Tab can go on into them
    /// (libedit's own file completion puts a space after a folder).
    public static func paths(startingWith word: String) -> [String] {
        let folderPart = word.contains("/") ? String(word[...word.lastIndex(of: "/")!]) : ""
        let namePrefix = String(word.dropFirst(folderPart.count))
        let folder = folderPart.isEmpty ? "." : folderPart
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        // libedit lists the candidates on the terminal as they are, so a name holding control
        // characters (a downloaded `\e]2;...` file) is never offered; it could not be typed anyway.
        let shown = names.filter { !$0.unicodeScalars.contains(where: VisibleControls.needsEscape) }
        return shown.filter { $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix(".")) }.sorted()
            .map { name in
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folderPart + name, isDirectory: &isDirectory)
                return folderPart + name + (isDirectory.boolValue ? "/" : "")
            }
    }

    /// - Parameters:
    ///   - before: the line up to the start of the word being completed.
    ///   - word: the part of that word typed so far.
    public static func offer(before: String, word: String) -> Offer {
        let previous = before.split(whereSeparator: \.isWhitespace).map(String.init)
        let candidates: [String]
        switch previous.count {
        case 0:
            candidates = CommandRegistry.names
        case 1:
            guard let command = try? CommandRegistry.command(named: previous[0]) else { return .words([]) }
            switch command.completion {
            case .nothing: candidates = []
            case .parameters: candidates = Parameter.names
            case .showNames: candidates = Nameable.shown.map(\.name)
            case .expressionNames: candidates = expressionNames
            case .commandNames: candidates = CommandRegistry.all.map(\.name)
            case .files: return .files
            case .lessons: candidates = LessonLibrary.completions()
            case .filesOrLessons: return .filesAnd(LessonLibrary.completions().filter { $0.hasPrefix(word) })
            case .words(let words): candidates = words
            }
        case 2 where previous[0] == "set":
            candidates = (try? Parameter.named(previous[1]))?.values ?? []
        case 2 where previous[0] == "show":
            candidates = DigitViews.showOptions(after: previous[1])
        case _ where (try? CommandRegistry.command(named: previous[0]))?.completion == .expressionNames:
            // Any word of an expression may be a name: `expect max(syn` completes `syn`.
            candidates = expressionNames
        case _:
            if case .words(let words) = (try? CommandRegistry.command(named: previous[0]))?.completion {
                candidates = words
            } else {
                candidates = []
            }
        }
        return .words(candidates.filter { $0.hasPrefix(word) })
    }

    /// What an expression can name: the table's readable names and compare's columns.
    private static var expressionNames: [String] { Nameable.readable.map(\.name) + ComparisonNames.all }
}
