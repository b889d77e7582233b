import CDigits

/// The 1,797 8x8 handwritten digits of the UCI "Optical Recognition of Handwritten Digits" test
/// set, as scikit-learn ships them (data/README.md: source and licence), built into the program
/// from data/digits.csv so that a session reads no file for them.
public enum Digits {
    public static let count = Int(DG_DIGIT_ROWS)
    /// Pixels per image, row by row of 8.
    public static let pixels = Int(DG_DIGIT_PIXELS)
    public static let side = 8
    public static let classes = 10
    /// A pixel's largest value: each counts the inked cells of a 4x4 block of the 32x32 scan.
    public static let brightest = 16
    /// The defaults of `set data digits`: the rest, 497 rows, is the test set.
    public static let defaultTraining = 1000
    public static let defaultValidation = 300

    /// Each row's pixels (0...16) and its digit, in the file's order, decoded once.
    static let table: (pixels: [UInt8], labels: [Int]) = {
        var pixels = [UInt8](repeating: 0, count: count * Digits.pixels)
        var labels = [Int](repeating: 0, count: count)
        for row in 0..<count {
            let text = dg_digit_row(Int32(row))!
            for pixel in 0..<Digits.pixels {
                pixels[row * Digits.pixels + pixel] = UInt8(text[pixel]) - UInt8(ascii: "a")
            }
            labels[row] = Int(UInt8(text[Digits.pixels]) - UInt8(ascii: "0"))
        }
        return (pixels, labels)
    }()

    /// Row `row`'s 64 pixel values, 0 to 16.
    public static func pixels(ofRow row: Int) -> ArraySlice<UInt8> {
        table.pixels[(row * pixels)..<((row + 1) * pixels)]
    }

    /// The digit row `row` shows.
    public static func label(ofRow row: Int) -> Int { table.labels[row] }

    /// Which rows of the file train, validate and test, and the training labels after noise.
    struct Split: Equatable {
        let training: [Int]
        let trainingLabels: [Int]
        let validation: [Int]
        let test: [Int]
    }

    /// numpy's `perm = RandomState(seed).permutation(1797)`: training rows `perm[:training]` in
    /// that order, validation the next `validation`, test the rest. Then, continuing the same
    /// generator, `k = floor(noise * training + 1/2)` training labels are changed: for each
    /// position `i` of `RandomState.permutation(training)[:k]` in turn, the label becomes
    /// `(label + 1 + randint(9)) % 10`, always another digit (Fixtures/make-numpy-digits-cases.py
    /// does the same in numpy). The split does not depend on the noise.
    static func split(training: Int, validation: Int, noise: Double, seed: UInt32) -> Split {
        precondition(training >= 1 && validation >= 0 && training + validation <= count, "digits split")
        var generator = MersenneTwister(seed: seed)
        let order = generator.permutation(count)
        let trainingRows = Array(order[0..<training])
        var labels = trainingRows.map { table.labels[$0] }
        let flips = Int((noise * Double(training)).rounded(.toNearestOrAwayFromZero))
        if flips > 0 {
            for position in generator.permutation(training)[0..<flips] {
                labels[position] = (labels[position] + 1 + Int(generator.nextInterval(8))) % classes
            }
        }
        return Split(
            training: trainingRows, trainingLabels: labels,
            validation: Array(order[training..<(training + validation)]),
            test: Array(order[(training + validation)...]))
    }

    /// The rows as inputs (pixels / 16, then a bias column of ones, as the post's X carries
    /// one) and one-hot targets over the 10 digits.
    static func matrices(rows: [Int], labels: [Int]) -> (inputs: Matrix, targets: Matrix) {
        let features = pixels + 1
        var inputs = Matrix(rows: rows.count, columns: features)
        var targets = Matrix(rows: rows.count, columns: classes)
        for (index, row) in rows.enumerated() {
            for pixel in 0..<pixels {
                inputs.elements[index * features + pixel] =
                    Double(table.pixels[row * pixels + pixel]) / Double(brightest)
            }
            inputs.elements[index * features + pixels] = 1
            targets.elements[index * classes + labels[index]] = 1
        }
        return (inputs, targets)
    }
}
