import DropoutNetwork
import Foundation

/// The Python that rebuilds a session's data set bit for bit, for the numpy export: a function
/// of the data alone, apart from the code that replays the commands.
enum NumpyDataCode {
    /// The code that builds `data` exactly as dropout generated it: the logic tables as literals,
    /// the drawn data from numpy's legacy RandomState, which dropout's generator is.
    static func building(_ data: Dataset) -> String {
        let spec = data.spec
        let heading = NumpyTranscript.comment("The data: \(spec.description).")
        switch spec {
        case .xor, .and, .or:
            let targets = (0..<4).map { String(Int(data.targets[$0, 0])) }.joined(separator: ",")
            return [
                NumpyTranscript.comment(
                    "The data: \(spec.description), the post's four rows (a bias column last) and their targets."),
                "X = np.array([ [0,0,1],[0,1,1],[1,0,1],[1,1,1] ])",
                "y = np.array([[\(targets)]]).T",
            ].joined(separator: "\n")
        case .random(let rows, let features, let outputs, let seed):
            return [
                heading,
                "# Uniform inputs and the 0/1 targets of a random linear rule, from a generator of their own",
                "# (the weights stay the first draws after np.random.seed); the rule sums in order, as dropout does.",
                "data = np.random.RandomState(\(seed))",
                "X = data.random_sample((\(rows),\(features)))",
                "rule = 2*data.random_sample((\(features),\(outputs))) - 1",
                "y = 1.0 * (sum((X[:,[f]] - 0.5) * rule[f] for f in range(\(features))) > 0)",
            ].joined(separator: "\n")
        case .shape(let shape, let rows, let noise, let validation, let test, let seed):
            var lines = [heading]
            switch shape {
            case .circles:
                lines += [
                    "# Points (x, y, 1) in [-1, 1]², 1 inside the circle of radius 0.6, each label flipped with",
                    "# probability \(NumpyTranscript.number(noise)); three draws a row (x, y, the flip) from a "
                        + "generator of their own.",
                    "draws = np.random.RandomState(\(seed)).random_sample((\(rows),3))",
                    "X_all = np.column_stack([2*draws[:,0] - 1, 2*draws[:,1] - 1, np.ones(\(rows))])",
                    "label = 1.0 * (np.sqrt(X_all[:,0]**2 + X_all[:,1]**2) < 0.6)",
                    "y_all = np.where(draws[:,2] < \(NumpyTranscript.number(noise)), 1 - label, label).reshape(-1,1)",
                ]
            case .spiral:
                lines += [
                    "# Two interleaved spiral arms, one a label, each label flipped with probability "
                        + "\(NumpyTranscript.number(noise));",
                    "# four draws a row (where on the arm, two jitters, the flip) from a generator of their own.",
                    "draws = np.random.RandomState(\(seed)).random_sample((\(rows),4))",
                    "t, arm = draws[:,0], np.arange(\(rows)) % 2",
                    "angle = 3*np.pi*t + arm*np.pi",
                    "X_all = np.column_stack([t*np.cos(angle) + 0.05*(2*draws[:,1] - 1),",
                    "                         t*np.sin(angle) + 0.05*(2*draws[:,2] - 1), np.ones(\(rows))])",
                    "y_all = 1.0 * np.where(draws[:,3] < \(NumpyTranscript.number(noise)), 1 - arm, arm).reshape(-1,1)",
                ]
            }
            let (trained, validated) = Dataset.split(rows: rows, validation: validation, test: test)
            lines.append("X, y = X_all[:\(trained)], y_all[:\(trained)]")
            if validated > 0 {
                let part = "\(trained):\(trained + validated)"
                lines.append("X_validation, y_validation = X_all[\(part)], y_all[\(part)]")
            }
            if trained + validated < rows {
                lines.append("X_test, y_test = X_all[\(trained + validated):], y_all[\(trained + validated):]")
            }
            return lines.joined(separator: "\n")
        case .digits(let training, let validation, let noise, let seed):
            let flips = Int((noise * Double(training)).rounded(.toNearestOrAwayFromZero))
            var lines = [
                heading,
                "# Rows split by numpy's permutation: training first, then validation, the rest for test.",
                "split = np.random.RandomState(\(seed))",
                "perm = split.permutation(\(Digits.count))",
                "labels = digit_labels[perm[:\(training)]].copy()",
            ]
            if flips > 0 {
                lines += [
                    "for i in split.permutation(\(training))[:\(flips)]:   # noise: \(flips) training labels made "
                        + "other digits",
                    "    labels[i] = (labels[i] + 1 + split.randint(9)) % 10",
                ]
            }
            let end = training + validation
            lines += [
                "X_digits = np.column_stack([digit_pixels / 16.0, np.ones(\(Digits.count))])",
                "X, y = X_digits[perm[:\(training)]], np.eye(10)[labels]",
            ]
            if validation > 0 {
                lines.append(
                    "X_validation, y_validation = X_digits[perm[\(training):\(end)]], "
                        + "np.eye(10)[digit_labels[perm[\(training):\(end)]]]"
                )
            }
            if end < Digits.count {
                lines.append("X_test, y_test = X_digits[perm[\(end):]], np.eye(10)[digit_labels[perm[\(end):]]]")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// The digits themselves, so that the file runs anywhere: 1,797 lines of 65 characters.
    static func digitsTable() -> [String] {
        let rows = (0..<Digits.count).map { row in
            String(
                decoding: Digits.pixels(ofRow: row).map { UInt8(ascii: "a") + $0 } + [
                    UInt8(ascii: "0") + UInt8(Digits.label(ofRow: row))
                ],
                as: UTF8.self)
        }
        return [
            "# The 1,797 handwritten digits of UCI's \"Optical Recognition of Handwritten Digits\" (test set, as",
            "# scikit-learn ships it; CC BY 4.0), built into dropout and so into this file: a row a line, its 64",
            "# pixels (0 to 16) as the letters a to q, then its digit.",
            "DIGITS = \"\"\"",
        ] + rows + [
            "\"\"\"",
            "digit_rows = DIGITS.split()",
            "digit_pixels = np.array([[ord(c) - ord(\"a\") for c in row[:64]] for row in digit_rows])",
            "digit_labels = np.array([int(row[64]) for row in digit_rows])",
        ]
    }
}
