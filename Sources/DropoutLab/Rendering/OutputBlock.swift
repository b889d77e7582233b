import DropoutNetwork

/// What a command says, kept as data until it is drawn: a terminal, a plain file and (later) a
/// transcript each render the same blocks their own way.
public enum OutputBlock: Equatable, Sendable {
    /// Ordinary text; may span lines.
    case text(String)
    /// A matrix with its name, shape and aligned columns.
    case matrix(name: String, Matrix, precision: Int)
    /// Activations: a matrix whose numbers a colour terminal shades by value.
    case activations(name: String, Matrix, precision: Int)
    /// A matrix as a grid of coloured (or shaded) cells, one per element.
    case heatmap(name: String, Matrix)
    /// A dropout mask as a grid of kept and dropped cells.
    case maskGrid(Matrix)
    /// Small pictures side by side: digits, hidden rows, or hidden units' incoming weights.
    case images(ImageSheet)
    /// Where a two-input network answers 1, with the data on top.
    case boundary(DecisionBoundary)
    /// A run's errors in one line of bars, lowest to highest.
    case sparkline(label: String, [Double])
    /// Rows of cells under a header, columns aligned.
    case table(Table)
    /// The error history as a line plot.
    case plot(LinePlot)
    /// Lesson prose, Markdown as written; rendered for the reader.
    case prose([String])
    /// A lesson's command shown at the prompt before it runs.
    case echo(prompt: String, command: String)
    /// A learner's mistake, one line; `location` is `FILE:LINE` when it came from a file.
    case error(String, location: String?)
}

/// A grid of text cells; numeric columns align right.
public struct Table: Equatable, Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Lines printed under the table, such as totals.
    public var footer: [String] = []
}
