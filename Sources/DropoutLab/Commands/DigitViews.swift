import DropoutNetwork

/// What `show` and `eval` add for data with a class per row and 8x8 pixel inputs (the digits):
/// the digits themselves, the hidden units' incoming weights and hidden rows as pictures, the
/// confusion matrix, and an `eval` table that reads ten outputs as one answer.
enum DigitViews {
    /// Rows of pictures `show digit A..B` and `show layer_1 images` draw at most.
    static let imageRowsShown = 16
    static let parts = ["training", "validation", "test"]

    /// The words Tab offers after `show NAME`.
    static func showOptions(after name: String) -> [String] {
        switch name {
        case "loss": ["log"]
        case "synapse_0", "layer_1": ["heat", "images"]
        case "confusion": parts
        default: ["heat"]
        }
    }

    /// The block for the `show` forms this file draws, or `nil` for the others.
    static func showBlock(_ arguments: [String], _ session: Session) throws -> OutputBlock? {
        switch (arguments[0], arguments.count) {
        case ("digit", 2): return .images(try digits(arguments[1], session))
        case ("confusion", 2): return .table(try confusion(arguments[1], session))
        case (_, 2) where arguments[1] == "images":
            switch arguments[0] {
            case "synapse_0": return .images(try weightImages(session))
            case "layer_1": return .images(try hiddenImages(session))
            default:
                throw CommandError(
                    "'images' draws synapse_0 (each hidden unit's incoming weights) or layer_1 (rows of the "
                        + "hidden layer); \(arguments[0]) is neither")
            }
        default: return nil
        }
    }

    private static func requireDigits(_ session: Session, _ what: String) throws {
        guard case .digits = session.dataSpec else {
            throw CommandError(
                "\(what) needs the digits' 8x8 images; the data is \(session.dataSpec.description): 'set data "
                    + "digits' first"
            )
        }
    }

    /// `show digit N` or `show digit A..B`: training rows as the images they are, each with its
    /// target (as trained, noise included) and the network's answer.
    private static func digits(_ text: String, _ session: Session) throws -> ImageSheet {
        try requireDigits(session, "show digit")
        let trainer = session.trainer
        let rows = trainer.data.inputs.rows
        let accepted = "a row from 0 to \(rows - 1), or a range A..B of at most \(ImageSheet.maximumImages) of them"
        let bounds = text.components(separatedBy: "..")
        guard bounds.count <= 2, let first = Int(bounds[0]), let last = bounds.count == 2 ? Int(bounds[1]) : first
        else {
            throw CommandError("show digit takes \(accepted), got '\(text)'")
        }
        guard 0 <= first, first <= last, last < rows, last - first < ImageSheet.maximumImages else {
            throw CommandError("show digit \(text) is out of range; it takes \(accepted)")
        }
        let outputs = trainer.predict(trainer.data.inputs.rowRange(first..<(last + 1))).outputs
        let images = (first...last).map { row in
            let label = Evaluation.largestColumn(trainer.data.targets, row: row)
            let answer = Evaluation.largestColumn(outputs, row: row - first)
            return ImageSheet.Image(
                caption: ["row \(row): \(label)", answer == label ? "answer \(answer)" : "answer \(answer) ✗"],
                values: (0..<Digits.pixels).map { trainer.data.inputs[row, $0] })
        }
        return ImageSheet(
            title: first == last ? "digit, training row \(first)" : "digits, training rows \(first)-\(last)",
            width: Digits.side, height: Digits.side, images: images, signed: false, scale: 1,
            footer: ["under each row its target and the network's answer (its largest output), ✗ where they differ"])
    }

    /// `show synapse_0 images`: each hidden unit's weights from the 64 pixels, laid out as the
    /// image they weigh; what the unit has learned to look for.
    private static func weightImages(_ session: Session) throws -> ImageSheet {
        try requireDigits(session, "show synapse_0 images")
        let synapse0 = session.trainer.weights.synapse0
        let units = min(synapse0.columns, ImageSheet.maximumImages)
        let images = (0..<units).map { unit in
            ImageSheet.Image(caption: ["unit \(unit)"], values: (0..<Digits.pixels).map { synapse0[$0, unit] })
        }
        let scale = images.flatMap(\.values).compactMap { $0.map(abs) }.max() ?? 0
        var footer = ["each hidden unit's weights from the 64 pixels (its bias weight left out), on one scale"]
        if units < synapse0.columns { footer.append("(the first \(units) of \(synapse0.columns) hidden units)") }
        return ImageSheet(
            title: "synapse_0 as images", width: Digits.side, height: Digits.side, images: images, signed: true,
            scale: scale, footer: footer)
    }

    /// `show layer_1 images`: rows of the last step's hidden layer (masked and scaled), each laid
    /// out in a square as near as its width allows; a dropped unit is a blank pixel.
    private static func hiddenImages(_ session: Session) throws -> ImageSheet {
        guard let record = session.trainer.lastStep else {
            throw CommandError(
                "layer_1 is an array of the most recent step, and no step has run on these weights; type 'step' first")
        }
        let layer = record.layer1
        var width = 1
        while width * width < layer.columns { width += 1 }
        let height = (layer.columns + width - 1) / width
        let shown = min(layer.rows, imageRowsShown)
        let targets = session.trainer.data.targets
        let images = (0..<shown).map { row in
            ImageSheet.Image(
                caption: [
                    session.dataSpec.isClassification
                        ? "row \(row): \(Evaluation.largestColumn(targets, row: row))" : "row \(row)"
                ],
                values: (0..<(width * height)).map { $0 < layer.columns ? layer[row, $0] : nil })
        }
        let scale = images.flatMap(\.values).compactMap { $0 }.max() ?? 0
        var footer = ["hidden units left to right, top to bottom; blank where the mask dropped a unit"]
        if shown < layer.rows { footer.append("(the first \(shown) of \(layer.rows) rows)") }
        return ImageSheet(
            title: "layer_1 rows as images, \(layer.columns) units in \(width)x\(height)", width: width, height: height,
            images: images, signed: false, scale: scale, footer: footer)
    }

    /// How often each target digit was answered as each digit, on `part`'s rows, or by default
    /// on the test rows when there are any (the honest measure), else the training rows: the
    /// counts `show confusion` tabulates and `expect` reads as `confusion[target, answer]`.
    /// `otherwise` ends the error for a part with no rows, saying what to ask for instead.
    static func confusionCounts(
        _ part: String?, _ session: Session, otherwise: String
    ) throws -> (
        counts: [[Int]], part: String, rows: Int
    ) {
        guard session.dataSpec.isClassification else {
            throw CommandError(
                "the confusion matrix needs data with a class per row, such as 'set data digits'; "
                    + "\(session.dataSpec.description) is not")
        }
        let data = session.trainer.data
        let chosen = part ?? (data.testInputs.rows > 0 ? "test" : "training")
        let rows: (inputs: Matrix, targets: Matrix)
        switch chosen {
        case "training": rows = (data.inputs, data.targets)
        case "validation": rows = (data.validationInputs, data.validationTargets)
        case "test": rows = (data.testInputs, data.testTargets)
        default:
            throw CommandError("show confusion takes training, validation or test, got '\(chosen)'")
        }
        guard rows.inputs.rows > 0 else {
            throw CommandError("\(session.dataSpec.description) has no \(chosen) rows; \(otherwise)")
        }
        let outputs = session.trainer.predict(rows.inputs).outputs
        return (Evaluation.confusion(outputs: outputs, targets: rows.targets), chosen, rows.inputs.rows)
    }

    /// `show confusion [training|validation|test]`: the counts as a table, a row per target.
    static func confusion(_ part: String?, _ session: Session) throws -> Table {
        let (counts, chosen, rowCount) = try confusionCounts(
            part, session, otherwise: "show confusion takes training too")
        let classes = counts.count
        var table = Table(
            header: ["target"] + (0..<classes).map(String.init) + ["rows", "right"],
            rows: counts.enumerated().map { digit, row in
                let total = row.reduce(0, +)
                return [String(digit)] + row.map(String.init) + [
                    String(total),
                    total == 0 ? "-" : NumberFormatting.fixed(100 * Double(row[digit]) / Double(total), 1) + "%",
                ]
            })
        let right = (0..<classes).map { counts[$0][$0] }.reduce(0, +)
        table.footer.append(
            "a row per target, a column per answer (the largest output), on the \(rowCount) \(chosen) rows: "
                + "\(right) right (\(NumberFormatting.fixed(100 * Double(right) / Double(rowCount), 1))%)")
        let mistakes = (0..<classes).flatMap { target in (0..<classes).map { (target, $0) } }.filter { $0 != $1 }
        if let worst = mistakes.max(by: { counts[$0.0][$0.1] < counts[$1.0][$1.1] }), counts[worst.0][worst.1] > 0 {
            table.footer.append(
                "the most frequent mistake: \(worst.0) answered as \(worst.1), \(counts[worst.0][worst.1]) times")
        }
        return table
    }

    /// `eval` for data with a class per row: a row's ten outputs read as one answer, its largest.
    static func evaluationTable(_ session: Session) -> Table {
        let trainer = session.trainer
        let evaluation = trainer.evaluate()
        let data = trainer.data
        let shown = min(data.inputs.rows, InspectionCommands.evalRowsShown)
        var table = Table(
            header: ["row", "target", "answer", "outputs"],
            rows: (0..<shown).map { row in
                [
                    String(row), String(Evaluation.largestColumn(data.targets, row: row)),
                    String(Evaluation.largestColumn(evaluation.outputs, row: row)),
                    (0..<evaluation.outputs.columns).map { NumberFormatting.fixed(evaluation.outputs[row, $0], 2) }
                        .joined(separator: " "),
                ]
            })
        if shown < data.inputs.rows { table.footer.append("... \(data.inputs.rows - shown) more rows") }
        let settings = trainer.settings
        if settings.scaling == .classic && settings.dropoutRate > 0 {
            table.footer.append(
                "synapse_1 multiplied by \(Parameter.format(settings.keepProbability)) (classic scaling)")
        }
        let precision = session.precision
        let correct = Int((evaluation.accuracy * Double(data.inputs.rows)).rounded())
        table.footer.append("mean absolute error: \(NumberFormatting.fixed(evaluation.meanAbsoluteError, precision))")
        table.footer.append(
            "accuracy (the largest output is the target): \(correct)/\(data.inputs.rows) "
                + "(\(NumberFormatting.fixed(evaluation.accuracy * 100, 1))%)")
        let validation = trainer.evaluateValidation()
        for (name, part) in [("validation rows", validation), ("test rows", trainer.evaluateTest())] {
            guard let part else { continue }
            table.footer.append(
                "\(name) (\(part.outputs.rows)): mean absolute error "
                    + "\(NumberFormatting.fixed(part.meanAbsoluteError, precision)), "
                    + "accuracy \(NumberFormatting.fixed(part.accuracy * 100, 1))%")
        }
        if let line = InspectionCommands.earlyStopping(session) { table.footer.append(line) }
        table.footer.append("'show confusion' shows which digits it mistakes for which")
        return table
    }
}
