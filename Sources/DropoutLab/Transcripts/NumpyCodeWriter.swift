import DropoutNetwork
import Foundation

/// The replay's console: keeps what the replayed lines print, and hears the real console's
/// Ctrl-C, so a long replay stops as any long command does.
final class ReplayConsole: Console {
    private(set) var blocks: [OutputBlock] = []
    private(set) var interrupted = false
    private let outer: Console

    init(_ outer: Console) { self.outer = outer }

    func emit(_ block: OutputBlock) { blocks.append(block.asKept) }

    func take() -> [OutputBlock] {
        defer { blocks = [] }
        return blocks
    }

    var interruptRequested: Bool {
        if outer.interruptRequested { interrupted = true }
        return interrupted
    }

    var interruptProbe: @Sendable () -> Bool { outer.interruptProbe }
    var interruptionCause: String { outer.interruptionCause }
    func progress(done: Int, total: Int) {}
    func progressFinished() {}
}

/// Turns the commands into Python one at a time, replaying those that change the session:
/// the code `NumpyTranscript` assembles into a file or a notebook.
struct NumpyCodeWriter {
    let path: String
    let console: ReplayConsole
    let context: CommandContext
    /// The session as the command being written found it.
    var session = Session()
    /// What the Python has defined so far, so that a setting is written only when it changes.
    var written = TrainingSettings()
    var precision = Session.defaultPrecision
    var definesEvaluate = false
    var definesDigits = false

    init(path: String, console: ReplayConsole) {
        self.path = path
        self.console = console
        context = CommandContext(console: console, transcriptBytes: 0)
        context.fileAccess = .nothing
    }

    /// The imports, the functions the commands use, the first data and the first weights.
    var setup: String {
        var lines = [
            "# The session below as the numpy code of \"Hinton's Dropout in 3 Lines of Python\" (iamtrask,",
            "# 2015): the post's loop with the session's settings at each command, written by dropout's",
            "# export. Each command is a comment (dropout> ...), followed by the numpy it became.",
            "import numpy as np",
            "",
            "np.set_printoptions(precision=\(Session.defaultPrecision), floatmode=\"fixed\", suppress=True, "
                + "linewidth=100000)",
        ]
        if definesEvaluate {
            lines += [
                "",
                "",
                "def evaluate(X, synapse_0, synapse_1):",
                "    \"\"\"The network as used after training: nothing dropped.\"\"\"",
                "    layer_1 = 1/(1+np.exp(-(np.dot(X,synapse_0))))",
                "    return 1/(1+np.exp(-(np.dot(layer_1,synapse_1))))",
            ]
        }
        if definesDigits { lines += ["", ""] + NumpyDataCode.digitsTable() }
        // Every session starts fresh: the post's data, settings and weights.
        let fresh = Session()
        return lines.joined(separator: "\n") + "\n\n\n" + NumpyDataCode.building(fresh.trainer.data) + "\n\n"
            + settingsAndWeights(fresh)
    }

    // MARK: Commands

    mutating func code(for line: String, printed blocks: [OutputBlock]) throws -> String {
        let echo = NumpyTranscript.comment("dropout> " + line)
        let failure = blocks.lazy.compactMap { block -> String? in
            if case .error(let message, _) = block { return message }
            return nil
        }.first
        guard let words = try? CommandLineWords(parsing: line).words, let name = words.first,
            let command = try? CommandRegistry.command(named: name)
        else {
            return echo + "\n"
                + NumpyTranscript.comment("(an error, so nothing changed: \(failure ?? "not a command"))")
        }
        let arguments = Array(words.dropFirst())
        switch command.name {
        case "load", "run", "lesson", "resume":
            throw CommandError(
                "cannot export to '\(path)': '\(VisibleControls.visible(line))' changed the session in ways its "
                    + "transcript does not hold, so its numpy cannot be written; export .md, .html, .ipynb or .cast, "
                    + "or run the file with 'dropout FILE --export \(path)'")
        case "set", "reset", "step":
            // A refused `set` or `reset` changed nothing; a `step` keeps the steps before its error.
            if let failure, command.name != "step" { return echo + "\n" + failed(failure) }
            return echo + "\n" + (try replay(line, command: command.name, arguments: arguments, printed: blocks))
        default:
            if let failure { return echo + "\n" + failed(failure) }
            return echo + "\n" + inspection(command.name, arguments)
        }
    }

    private func failed(_ message: String) -> String {
        NumpyTranscript.comment("(an error, so nothing changed: \(message))")
    }

    /// Runs `line` on the replayed session and writes what it changed.
    private mutating func replay(
        _ line: String, command: String, arguments: [String], printed: [OutputBlock]
    ) throws -> String {
        let before = session
        Interpreter.execute(line, session: &session, context: context)
        if console.interrupted { throw Interruption() }
        // Where an error came from (a script's FILE:LINE) is the shell's, not the line's.
        func located(_ blocks: [OutputBlock]) -> [OutputBlock] {
            blocks.map { if case .error(let message, _) = $0 { .error(message, location: nil) } else { $0 } }
        }
        guard located(console.take()) == located(printed) else {
            throw CommandError(
                "cannot export to '\(path)': replaying '\(VisibleControls.visible(line))' did not print what the "
                    + "session printed (was it stopped by \(console.interruptionCause)?), so its numpy would not "
                    + "reproduce the session; export .md, .html, .ipynb or .cast instead")
        }
        var lines: [String] = []
        if session.precision != precision {
            precision = session.precision
            lines.append("np.set_printoptions(precision=\(precision))")
        }
        let redrawn =
            command == "reset" || session.seed != before.seed || session.dataSpec != before.dataSpec
            || session.settings.hiddenWidth != before.settings.hiddenWidth || session.iteration < before.iteration
        if session.dataSpec != before.dataSpec {
            if case .digits = session.dataSpec { definesDigits = true }
            lines.append(NumpyDataCode.building(session.trainer.data))
        }
        lines += settingLines()
        if redrawn { lines.append(weightsCode(session)) }
        if command == "step" {
            lines += stepCode(arguments, from: before.iteration, printed: printed)
        } else if command == "set" && arguments.isEmpty {
            lines += parameterPrints()
        }
        return lines.isEmpty
            ? NumpyTranscript.comment("(nothing the numpy needs changed)") : lines.joined(separator: "\n")
    }

    /// What `show`, `eval` and `get` print, and a comment for everything else.
    private mutating func inspection(_ command: String, _ arguments: [String]) -> String {
        switch (command, arguments.count) {
        case ("eval", _): return evaluationCode()
        case ("get", 0): return parameterPrints().joined(separator: "\n")
        case ("get", _): return parameterPrint(arguments[0])
        case ("show", 1)
        where ["synapse_0", "synapse_1", "X", "y", "layer_1", "layer_2", "layer_1_delta", "layer_2_delta"]
            .contains(arguments[0]):
            let name = arguments[0]
            return "print(\"\(name)\", \(name).shape)\nprint(\(name))"
        case ("show", 1) where arguments[0] == "mask":
            return
                "print(\"mask %s: %d of %d units kept\" % (mask.shape, mask.sum(), mask.size))\nprint(mask.astype(int))"
        case ("show", 1) where arguments[0] == "params": return parameterPrints().joined(separator: "\n")
        case ("show", _): return none("a drawing: numpy prints numbers, and matplotlib would draw it otherwise")
        case ("compare", _): return none("it trains a network for every combination of settings and seeds")
        case ("ensemble", _): return none("it averages the network over sampled masks and over every mask")
        case ("gradcheck", _): return none("it checks the step's gradients against finite differences")
        case ("redundancy", _): return none("it measures how alike the hidden units are")
        case ("expect", _): return none("a check of the session's numbers; assert would be numpy's")
        default: return none("a command of the shell, not of the network")
        }
    }

    private func none(_ reason: String) -> String {
        NumpyTranscript.comment("(no simple numpy equivalent: \(reason))")
    }

    // MARK: Settings and weights

    /// An assignment for each setting that changed since the Python last wrote it.
    private mutating func settingLines() -> [String] {
        let now = session.settings
        var lines: [String] = []
        if now.learningRate != written.learningRate {
            lines.append("alpha = \(NumpyTranscript.number(now.learningRate))")
        }
        if now.hiddenWidth != written.hiddenWidth { lines.append("hidden_dim = \(now.hiddenWidth)") }
        if now.dropoutRate != written.dropoutRate {
            lines.append("dropout_percent = \(NumpyTranscript.number(now.dropoutRate))")
        }
        if now.inputDropoutRate != written.inputDropoutRate {
            lines.append("input_dropout_percent = \(NumpyTranscript.number(now.inputDropoutRate))")
        }
        if now.maxNorm != written.maxNorm { lines.append("max_norm = \(NumpyTranscript.number(now.maxNorm))") }
        if now.scaling != written.scaling {
            lines.append(NumpyTranscript.comment("scaling \(now.scaling.rawValue): \(now.scaling.summary)"))
        }
        if now.gradient != written.gradient {
            lines.append(NumpyTranscript.comment("gradient \(now.gradient.rawValue): \(now.gradient.summary)"))
        }
        written = now
        return lines
    }

    /// The post's settings line and its weights, as the file starts.
    private func settingsAndWeights(_ session: Session) -> String {
        let settings = session.settings
        return [
            "# The post's settings, then its weights drawn right after seeding the generator.",
            "alpha,hidden_dim,dropout_percent = (\(NumpyTranscript.number(settings.learningRate)),"
                + "\(settings.hiddenWidth),\(NumpyTranscript.number(settings.dropoutRate)))",
            weightsCode(session),
        ].joined(separator: "\n")
    }

    /// `session`'s weights drawn as the post draws them, right after seeding.
    private func weightsCode(_ session: Session) -> String {
        let (features, outputs) = (session.trainer.data.inputs.columns, session.trainer.data.targets.columns)
        return [
            "np.random.seed(\(session.seed))",
            "synapse_0 = 2*np.random.random((\(features),hidden_dim)) - 1",
            "synapse_1 = 2*np.random.random((hidden_dim,\(outputs))) - 1",
            "iteration = 0",
        ].joined(separator: "\n")
    }

    private func parameterPrints() -> [String] { Parameter.all.map { parameterPrint($0.name) } }

    /// `get NAME`: the Python variable where there is one, else the session's value as text.
    private func parameterPrint(_ name: String) -> String {
        let settings = session.settings
        let variables = [
            "alpha": "alpha", "hidden": "hidden_dim", "dropout": "dropout_percent",
            "input_dropout": settings.inputDropoutRate != 0 ? "input_dropout_percent" : nil,
            "maxnorm": settings.maxNorm != 0 ? "max_norm" : nil,
        ]
        if let variable = variables[name] ?? nil { return "print(\"\(name) =\", \(variable))" }
        let value = (try? Parameter.named(name).current(session)) ?? ""
        return "print(\(NumpyTranscript.string("\(name) = \(value)")))"
    }

    // MARK: The loop

    /// `step N` as the post's loop: `done` iterations, the error printed as `step` prints it.
    private func stepCode(_ arguments: [String], from start: Int, printed: [OutputBlock]) -> [String] {
        let done = session.iteration - start
        let typed = arguments.first { $0 != "trace" }
        let count = (typed.flatMap { try? ValueParsing.wholeNumber($0, name: "", in: 1...Int.max) }) ?? 1
        let failure = printed.lazy.compactMap { block -> String? in
            if case .error(let message, _) = block { return message }
            return nil
        }.first
        guard done > 0 else { return [NumpyTranscript.comment("(no step ran: \(failure ?? "a step of 0"))")] }
        let settings = session.settings
        let every = (count + 9) / 10
        let width = String(start + count).count
        var lines = ["for j in range(\(done)):"]
        var body: [String] = []
        var inputs = "X"
        if settings.inputDropoutRate > 0 {
            inputs = "layer_0"
            let scale =
                settings.scaling == .inverted ? " * (1.0/(1-input_dropout_percent))" : ""
            body += [
                "# input dropout: the inputs masked as the hidden layer is, drawn first",
                "layer_0 = X * (np.random.binomial([np.ones(X.shape)],1-input_dropout_percent)[0]\(scale))",
            ]
        }
        let scale = settings.scaling == .inverted ? " * (1.0/(1-dropout_percent))" : ""
        let scaledMask = settings.scaling == .inverted ? "(mask\(scale))" : "mask"
        let mask = "mask = np.random.binomial([np.ones((len(X),hidden_dim))],1-dropout_percent)[0]"
        let exact = settings.dropoutRate > 0 && settings.gradient == .exact
        if exact {
            body += [
                "# the exact gradient differentiates what the forward pass computed: a, then a * mask",
                "a = 1/(1+np.exp(-(np.dot(\(inputs),synapse_0))))", mask,
                "layer_1 = a * \(scaledMask)",
            ]
        } else {
            body.append("layer_1 = (1/(1+np.exp(-(np.dot(\(inputs),synapse_0)))))")
            if settings.dropoutRate > 0 { body += [mask, "layer_1 *= mask\(scale)"] }
        }
        body += [
            "layer_2 = 1/(1+np.exp(-(np.dot(layer_1,synapse_1))))",
            "layer_2_delta = (layer_2 - y)*(layer_2*(1-layer_2))",
            exact
                ? "layer_1_delta = layer_2_delta.dot(synapse_1.T) * (\(scaledMask) * (a * (1-a)))"
                : "layer_1_delta = layer_2_delta.dot(synapse_1.T) * (layer_1 * (1-layer_1))",
            "synapse_1 -= (alpha * layer_1.T.dot(layer_2_delta))",
            "synapse_0 -= (alpha * \(inputs).T.dot(layer_1_delta))",
        ]
        if settings.maxNorm > 0 {
            body += [
                "# max-norm: no hidden unit's incoming weights longer than max_norm",
                "norms = np.sqrt(np.sum(synapse_0**2, axis=0))",
                "synapse_0[:, norms > max_norm] *= max_norm / norms[norms > max_norm]",
            ]
        }
        let report =
            "print(\"iteration %\(width)d  Error: %.\(precision)f\" % (iteration, np.mean(np.abs(layer_2 - y))))"
        body.append("iteration += 1")
        if every == 1 {
            body.append(report)
        } else {
            body += ["if (j+1) % \(every) == 0\(count % every == 0 ? "" : " or j+1 == \(count)"):", "    " + report]
        }
        lines += body.map { "    " + $0 }
        if arguments.contains("trace") {
            lines.append(
                NumpyTranscript.comment(
                    "trace: mask, layer_1, layer_2 and the deltas are the loop's variables; print them"))
        }
        if let failure { lines.append(NumpyTranscript.comment("(and then: \(failure))")) }
        return lines
    }

    // MARK: Evaluation

    private mutating func evaluationCode() -> String {
        definesEvaluate = true
        let data = session.trainer.data
        let settings = session.settings
        let classes = data.spec.isClassification
        var synapse_0 = "synapse_0"
        var synapse_1 = "synapse_1"
        if settings.scaling == .classic {
            if settings.inputDropoutRate > 0 { synapse_0 += " * (1-input_dropout_percent)" }
            if settings.dropoutRate > 0 { synapse_1 += " * (1-dropout_percent)" }
        }
        let weights = "\(synapse_0), \(synapse_1)"
        let rows = InspectionCommands.evalRowsShown
        var lines = [
            "layer_2_eval = evaluate(X, \(weights))",
            data.inputs.rows > rows ? "print(layer_2_eval[:\(rows)])" : "print(layer_2_eval)",
            "print(\"mean absolute error: %.\(precision)f\" % np.mean(np.abs(layer_2_eval - y)))",
            "right = " + rightAnswers("layer_2_eval", "y", classes: classes),
            classes
                ? "print(\"accuracy (the largest output is the target): %d/%d (%.1f%%)\" % (right, len(y), right "
                    + "/ len(y) * 100))"
                : "print(\"accuracy at 0.5: %d/%d (%.1f%%)\" % (right, y.size, right / y.size * 100))",
        ]
        let parts = [
            ("validation", "validation rows", data.validationInputs.rows),
            ("test", data.validationInputs.rows > 0 || classes ? "test rows" : "held-out rows", data.testInputs.rows),
        ]
        for (suffix, name, count) in parts where count > 0 {
            let (output, targets) = ("layer_2_\(suffix)", "y_\(suffix)")
            lines += [
                "\(output) = evaluate(X_\(suffix), \(weights))",
                "right = " + rightAnswers(output, targets, classes: classes),
                "print(\"\(name) (\(count)): mean absolute error %.\(precision)f, accuracy %.1f%%\" % "
                    + "(np.mean(np.abs(\(output) - \(targets))), right / "
                    + "\(classes ? "len(\(targets))" : "\(targets).size") * 100))",
            ]
        }
        return lines.joined(separator: "\n")
    }

    /// How many rows (classes) or cells (0.5) of `output` are right.
    private func rightAnswers(_ output: String, _ targets: String, classes: Bool) -> String {
        classes
            ? "np.sum(np.argmax(\(output), 1) == np.argmax(\(targets), 1))"
            : "np.sum((\(output) >= 0.5) == (\(targets) >= 0.5))"
    }
}
