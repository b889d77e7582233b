import CEditLine
import CLineEditor
import CTerminal
import DropoutLab
import Foundation

/// Lines typed at a terminal, edited with Debian's libedit through its readline-compatible API:
/// arrows, history, Ctrl-R, Tab completion. Ctrl-C comes back as `.interrupted`, never as a
/// dead shell.
public struct EditLineReader: LineReader {
    private let history: HistoryFile?
    private var lastRemembered: String?
    /// Lines the history file could not take yet (a full disk); tried again with the next line
    /// and at the end.
    private var unsaved: [String] = []

    /// - Parameter history: where lines persist between sessions; `nil` keeps them in memory.
    public init(history: HistoryFile?) {
        // libedit converts the line between wide characters and bytes with the locale's
        // encoding; the shell's input is UTF-8 (as scripts must be), so a plain C locale is
        // taken as C.UTF-8 rather than turning every non-ASCII key into a failed conversion.
        let locale = setlocale(LC_CTYPE, "").map { String(cString: $0) }
        if locale == nil || locale == "C" || locale == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
        cedit_configure("dropout", completeLine)
        cterm_install_interrupt_handler()
        cterm_install_termination_handler()
        line_editor_configure()
        stifle_history(Int32(HistoryFile.maximumEntries))
        self.history = history
        history?.load()
    }

    public mutating func read(prompt: String) -> LineInput {
        _ = cterm_take_interrupt()
        // libedit's own SIGWINCH handling is off with its other signal handling, so it learns
        // the window's size here, before each line, in case it changed during the last command.
        rl_resize_terminal()
        guard let raw = readline(prompt) else {
            switch line_editor_take_interrupt() {
            case -1: return .end
            case 0: return .interrupted(hadText: false)
            default: return .interrupted(hadText: true)
            }
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    public mutating func remember(_ line: String) {
        let trimmed = line.trimmedLine
        guard !trimmed.isEmpty, trimmed != lastRemembered else { return }
        add_history(trimmed)
        lastRemembered = trimmed
        // Written now, not at the end, so a crash or kill -9 keeps what was typed.
        unsaved.append(trimmed)
        flushHistory()
    }

    public mutating func close() {
        flushHistory()
    }

    private mutating func flushHistory() {
        guard let history else { return }
        if history.append(unsaved) { unsaved = [] }
    }
}

/// libedit's completion callback: a C function, so it reaches the registry through
/// `Completion`, which needs no state. Returns a malloc'ed, NULL-terminated list whose first
/// entry is what replaces the word (the longest common prefix), as readline expects.
private func completeLine(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let word = text.map { String(cString: $0) } ?? ""
    let line = cedit_line_buffer().map { String(cString: $0) } ?? ""
    let before = String(decoding: Array(line.utf8.prefix(Int(max(0, start)))), as: UTF8.self)
    let matches: [String]
    switch Completion.offer(before: before, word: word) {
    case .files: matches = Completion.paths(startingWith: word)
    case .filesAnd(let words):
        let paths = Completion.paths(startingWith: word)
        matches = paths + words.filter { !paths.contains($0) }
    case .words(let words): matches = words
    }
    // Our list is final: libedit's own file-name fallback would end a folder with a space.
    cedit_set_completion_over(1)
    // A folder is completed without the space that ends a word, so Tab can go on inside it.
    cedit_set_append_character(matches.count == 1 && matches[0].hasSuffix("/") ? 0 : 32)
    guard !matches.isEmpty else { return nil }
    let common = matches.dropFirst().reduce(matches[0]) { prefix, match in
        String(zip(prefix, match).prefix { $0 == $1 }.map(\.0))
    }
    let entries = matches.count == 1 ? matches : [common] + matches
    // libedit frees this list with free(), and looks at matches[2] even when matches[1] is
    // already NULL, so it comes from malloc with two NULLs after the entries.
    let list = malloc((entries.count + 2) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)!
        .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 2)
    for (index, entry) in entries.enumerated() { list[index] = strdup(entry) }
    list[entries.count] = nil
    list[entries.count + 1] = nil
    return list
}
