/// Small pictures side by side: input digits, rows of the hidden layer, or each hidden unit's
/// incoming weights as the 8x8 image of pixels they weigh. Kept as data until drawn: half-block
/// characters on a colour terminal, shading characters without colour, SVG in the HTML export.
public struct ImageSheet: Equatable, Sendable {
    public struct Image: Equatable, Sendable {
        /// Lines printed above the picture.
        public var caption: [String]
        /// `width * height` values, row by row; a missing value (past a layer's width) is blank.
        public var values: [Double?]
    }

    /// More than this many pictures are cut, with a note, so `show synapse_0 images` of 4096
    /// hidden units does not flood the screen.
    public static let maximumImages = 64

    public var title: String
    public var width: Int
    public var height: Int
    public var images: [Image]
    /// Signed values (weights) are shaded by magnitude around 0 with their sign shown; others
    /// (ink, activations) from 0 up.
    public var signed: Bool
    /// The magnitude that gets full shade, the same for every picture so that they compare.
    public var scale: Double
    public var footer: [String] = []

    /// 0 (blank) to 1 (full shade).
    func level(_ value: Double?) -> Double {
        guard let value, value.isFinite, scale > 0 else { return 0 }
        return min(1, max(0, signed ? abs(value) / scale : value / scale))
    }

    func isNegative(_ value: Double?) -> Bool { signed && (value ?? 0) < 0 }

    /// What the shades mean, for the legend.
    func legend(colour: Bool) -> String {
        let top = NumberFormatting.short(scale)
        if signed {
            return colour
                ? "-\(top) blue … 0 white … red \(top)"
                : "positive ░ ▒ ▓ █, negative . - = ≡, by size up to ±\(top)"
        }
        return colour ? "0 white … black \(top)" : "shade by value: blank 0, ░ ▒ ▓ █ up to \(top)"
    }
}

/// The terminal's pictures. With colour, each character is two pixels, the upper half-block's
/// foreground above its background, so an 8x8 image takes 8 columns and 4 lines; without
/// colour, each pixel is two shading characters, which read in any font and on paper: ink, or
/// for weights the same shades where a weight is positive and lighter marks where it is
/// negative, so the picture a unit looks for stands out as ink.
enum ImageRendering {
    static let gap = 2
    /// Negative weights without colour, from smallest to largest.
    static let negativeShades: [Character] = [" ", ".", "-", "=", "≡"]

    static func lines(_ sheet: ImageSheet, style: TextStyle) -> [String] {
        var lines = [style.bold(sheet.title) + "  " + style.dim(sheet.legend(colour: style.colour))]
        let pictureWidth = style.colour ? sheet.width : 2 * sheet.width
        let captionWidth = sheet.images.flatMap(\.caption).map(\.count).max() ?? 0
        let column = max(pictureWidth, captionWidth)
        let perLine = max(1, (style.width + gap) / (column + gap))
        let captionLines = sheet.images.map(\.caption.count).max() ?? 0
        for start in stride(from: 0, to: sheet.images.count, by: perLine) {
            let group = sheet.images[start..<min(start + perLine, sheet.images.count)]
            for line in 0..<captionLines {
                let cells = group.map { image in pad(line < image.caption.count ? image.caption[line] : "", column) }
                lines.append(cells.joined(separator: String(repeating: " ", count: gap)).trailingSpacesRemoved)
            }
            let textRows = style.colour ? (sheet.height + 1) / 2 : sheet.height
            for textRow in 0..<textRows {
                let cells = group.map { image in
                    picture(sheet, image, textRow: textRow, style: style)
                        + String(repeating: " ", count: column - pictureWidth)
                }
                lines.append(cells.joined(separator: String(repeating: " ", count: gap)).trailingSpacesRemoved)
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines + sheet.footer.map(style.dim)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    private static func picture(
        _ sheet: ImageSheet, _ image: ImageSheet.Image, textRow: Int, style: TextStyle
    ) -> String {
        func value(_ row: Int, _ column: Int) -> Double? {
            row < sheet.height ? image.values[row * sheet.width + column] : nil
        }
        guard style.colour else {
            return (0..<sheet.width).map { column in
                let pixel = value(textRow, column)
                let step = Int((sheet.level(pixel) * 4).rounded())
                let shade = sheet.isNegative(pixel) ? negativeShades[step] : GridRendering.shades[step]
                return String(repeating: shade, count: 2)
            }.joined()
        }
        let cells = (0..<sheet.width).map { column in
            let top = colourCode(sheet, value(2 * textRow, column))
            let bottom = colourCode(sheet, value(2 * textRow + 1, column))
            return "\u{1B}[38;5;\(top);48;5;\(bottom)m▀"
        }
        return cells.joined() + "\u{1B}[0m"
    }

    /// 256-colour codes: the grey ramp from white (232 + 23) to black (232) for ink; for signed
    /// values white through red (positive) or blue (negative), as heat maps shade them.
    private static func colourCode(_ sheet: ImageSheet, _ value: Double?) -> Int {
        let level = sheet.level(value)
        guard sheet.signed else { return 255 - Int((level * 23).rounded()) }
        let step = Int((level * 5).rounded())
        return sheet.isNegative(value)
            ? 16 + 36 * (5 - step) + 6 * (5 - step) + 5 : 16 + 36 * 5 + 6 * (5 - step) + (5 - step)
    }
}
