/// A lesson's layout as `dropout lint` reads it, with line numbers: its prose paragraphs, its
/// `dropout` blocks and whether each holds an `expect` line, and what else stands between them.
/// `LessonDocument` keeps prose as the reader sees it and drops the numbers; the linter needs to
/// know which paragraph sits right beside which block, and where each word is. Fences are
/// recognised by the same `Fence` rule as `LessonDocument`'s, so both see the same blocks.
struct LessonOutline {
    struct Line {
        /// 1-based, in the file.
        let number: Int
        let text: String
    }

    enum Item {
        /// Consecutive prose lines with no blank line, heading, block or `<details>` among them.
        case paragraph([Line])
        /// A `dropout` block (its recorded output, a plain block right after it, is passed over).
        case commands(hasExpect: Bool)
        /// A heading, another code block or a `<details>` block: the prose's neighbours that
        /// are not commands, and that stand between a paragraph and a block.
        case other
    }

    let items: [Item]
    /// A fence that never closes, as written (``` or ~~~), and its line; the rest of the file
    /// is inside it.
    let unclosedFence: (line: Int, fence: String)?
    /// The line of a `<details>` that has no `</details>` after it.
    let unclosedDetails: Int?

    init(lines: [String]) {
        var items: [Item] = []
        var paragraph: [Line] = []
        var detailsOpening: Int?
        var unclosedFence: (line: Int, fence: String)?
        func endParagraph() {
            if !paragraph.isEmpty { items.append(.paragraph(paragraph)) }
            paragraph = []
        }
        var index = 0
        scan: while index < lines.count {
            let line = lines[index]
            if let fence = Fence(opening: line) {
                endParagraph()
                guard let closing = lines[(index + 1)...].firstIndex(where: fence.isClosed(by:)) else {
                    unclosedFence = (index + 1, String(repeating: fence.marker, count: fence.length))
                    break scan
                }
                let body = lines[(index + 1)..<closing]
                if fence.info == "dropout" {
                    items.append(.commands(hasExpect: body.contains(where: Self.isExpect)))
                } else if case .commands? = items.last, fence.info.isEmpty {
                    // Recorded output belongs to the block before it, as in LessonDocument.
                } else {
                    items.append(.other)
                }
                index = closing + 1
                continue
            }
            let trimmed = line.trimmedLine
            if detailsOpening != nil {
                if trimmed.contains("</details>") { detailsOpening = nil }
            } else if trimmed.hasPrefix("<details") {
                endParagraph()
                items.append(.other)
                if !trimmed.contains("</details>") { detailsOpening = index + 1 }
            } else if trimmed.isEmpty {
                endParagraph()
            } else if trimmed.hasPrefix("#") {
                endParagraph()
                items.append(.other)
            } else {
                paragraph.append(Line(number: index + 1, text: line))
            }
            index += 1
        }
        endParagraph()
        self.items = items
        self.unclosedFence = unclosedFence
        unclosedDetails = detailsOpening
    }

    var paragraphs: [[Line]] {
        items.compactMap { item in
            guard case .paragraph(let lines) = item else { return nil }
            return lines
        }
    }

    /// A command line whose first word is `expect`.
    static func isExpect(_ line: String) -> Bool {
        (try? CommandLineWords(parsing: line))?.words.first == "expect"
    }
}
