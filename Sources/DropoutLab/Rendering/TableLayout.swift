/// A table fitted to a width. At its natural width when that fits; else its headers break at
/// their words and its text columns wrap, the column whose narrowing costs the fewest extra
/// lines first (a number column never wraps, so no number is split); and when even that cannot
/// fit, each row is stacked as a block of `header  value` lines.
enum TableLayout {
    static let gap = "  "

    static func lines(_ table: Table, style: TextStyle) -> [String] {
        let all = [table.header] + table.rows
        let count = all.map(\.count).max() ?? 0
        let cells = all.map { row in (0..<count).map { $0 < row.count ? row[$0] : "" } }
        // A column of numbers aligns right, its header too, so digits line up under the name.
        let numeric = (0..<count).map { column in
            !table.rows.isEmpty && table.rows.allSatisfy { column >= $0.count || isNumeric($0[column]) }
        }
        let footer = table.footer.flatMap { TextLayout.wrap($0, width: style.width) }
        let natural = (0..<count).map { column in cells.map { TextLayout.visibleWidth($0[column]) }.max() ?? 0 }
        let room = style.width - gap.count * max(count - 1, 0)
        guard natural.reduce(0, +) > room else { return grid(cells, widths: natural, numeric, style) + footer }
        let minimum = (0..<count).map { column in
            let header = longestWord(cells[0][column])
            let body = cells.dropFirst().map {
                numeric[column]
                    ? numberPieces($0[column]).map(TextLayout.visibleWidth).max() ?? 0 : longestWord($0[column])
            }
            return max(header, body.max() ?? 0)
        }
        guard minimum.reduce(0, +) <= room else { return stacked(cells, style) + footer }
        var widths = natural
        while widths.reduce(0, +) > room {
            let narrowable = (0..<count).filter { widths[$0] > minimum[$0] }
            let costs = narrowable.map { column -> (Int, Int) in
                var narrower = widths
                narrower[column] -= 1
                return (height(cells, narrower, numeric), -widths[column])
            }
            let best = zip(narrowable, costs).min { $0.1 < $1.1 }!.0
            widths[best] -= 1
        }
        return grid(cells, widths: widths, numeric, style) + footer
    }

    /// The lines of the header and rows, each cell wrapped to its column's width.
    private static func grid(_ cells: [[String]], widths: [Int], _ numeric: [Bool], _ style: TextStyle) -> [String] {
        cells.enumerated().flatMap { index, row -> [String] in
            let wrapped = row.enumerated().map { column, cell in
                pieces(cell, width: widths[column], numeric: numeric[column] && index > 0)
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                let text = wrapped.enumerated().map { column, parts -> String in
                    let part = line < parts.count ? parts[line] : ""
                    let padding = String(repeating: " ", count: max(0, widths[column] - TextLayout.visibleWidth(part)))
                    return numeric[column] ? padding + part : part + padding
                }.joined(separator: gap).trailingSpacesRemoved
                return index == 0 ? style.bold(text) : text
            }
        }
    }

    /// A cell's lines in a column `width` wide: text wraps at its spaces; a number never
    /// breaks, and a mean ± spread only before its ±, so the spread sits under its mean.
    private static func pieces(_ cell: String, width: Int, numeric: Bool) -> [String] {
        guard numeric else { return TextLayout.words(cell, width: width) }
        return TextLayout.visibleWidth(cell) <= width ? [cell] : numberPieces(cell)
    }

    private static func numberPieces(_ cell: String) -> [String] {
        guard let range = cell.range(of: " ± ") else { return [cell] }
        return [String(cell[..<range.lowerBound]), "± " + cell[range.upperBound...]]
    }

    private static func height(_ cells: [[String]], _ widths: [Int], _ numeric: [Bool]) -> Int {
        cells.enumerated().reduce(0) { total, indexed in
            let (index, row) = indexed
            return total
                + (row.enumerated().map {
                    pieces($1, width: widths[$0], numeric: numeric[$0] && index > 0).count
                }.max() ?? 1)
        }
    }

    /// Each row as its first cell, then its other cells under their headers' names, indented.
    private static func stacked(_ cells: [[String]], _ style: TextStyle) -> [String] {
        let header = cells[0]
        let nameWidth = header.dropFirst().map { TextLayout.visibleWidth($0) }.max() ?? 0
        return cells.dropFirst().flatMap { row -> [String] in
            let fields = zip(header, row).dropFirst().flatMap { name, value -> [String] in
                let padding = String(repeating: " ", count: nameWidth - TextLayout.visibleWidth(name))
                return TextLayout.wrap(
                    ("  " + style.bold(name) + padding + gap + value).trailingSpacesRemoved, width: style.width)
            }
            return TextLayout.wrap(row.first ?? "", width: style.width) + fields
        }
    }

    private static func longestWord(_ text: String) -> Int {
        text.split(separator: " ").map { TextLayout.visibleWidth($0) }.max() ?? 0
    }

    /// Digits with a sign, a point, an exponent, a percent sign, spaces between numbers, or the
    /// ± between a mean and its spread.
    static func isNumeric(_ cell: String) -> Bool {
        let number = cell.drop { $0 == " " }
        return number.first.map { $0.isNumber || $0 == "-" } == true
            && number.allSatisfy { $0.isNumber || "-+.e% ±".contains($0) }
    }
}
