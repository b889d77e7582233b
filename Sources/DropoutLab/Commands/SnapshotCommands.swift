import DropoutNetwork
import Foundation

/// `save` and `load`: a session to and from a JSON file.
enum SnapshotCommands {
    static let save = CommandSpec(
        name: "save", usage: "save PATH",
        summary: "write the whole session to a JSON snapshot, atomically",
        details: [
            "Parameters, data, weights (under weights -> synapse_0, synapse_1, at full precision),",
            "iteration, error history and the generator's state: 'load' resumes exactly.",
        ],
        example: "save xor-500.json", arity: 1...1, completion: .files,
        run: { session, arguments, context in
            guard session.trainer.weights.synapse0.elements.allSatisfy(\.isFinite),
                session.trainer.weights.synapse1.elements.allSatisfy(\.isFinite),
                session.lossHistory.errors.allSatisfy(\.isFinite)
            else {
                throw CommandError(
                    "cannot save: the weights or errors hold NaN or infinite values (training diverged); "
                        + "'reset' or 'load' a snapshot first")
            }
            let location = try context.locate(arguments[0], verb: "save", writes: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(Snapshot(session))
            try AtomicFile.write(data + Data("\n".utf8), to: location)
            context.say("saved iteration \(session.iteration) to \(arguments[0])")
        })

    static let load = CommandSpec(
        name: "load", usage: "load PATH",
        summary: "replace the session with one saved by 'save'",
        details: [
            "The file is checked whole before anything changes: a damaged snapshot is refused.",
            "A file whose parsing would take more than \(MemoryBudget.describe(MemoryBudget.commandBytes)) of "
                + "memory (about \(MemoryBudget.bytesPerParsedNumber) bytes",
            "a number) is refused before it is parsed; the largest session's snapshot fits.",
        ],
        example: "load xor-500.json", arity: 1...1, completion: .files,
        run: { session, arguments, context in
            let path = arguments[0]
            let data = try FileContents.read(
                context.locate(path, verb: "load", writes: false), verb: "load",
                directoryHint: "give a file that 'save' wrote",
                maximumBytes: MemoryBudget.commandBytes)
            do {
                // Parsing costs far more than the file: its numbers are counted first.
                let scan = try context.interruptible("load") { try JSONStructureScan(data, interrupted: $0) }
                try MemoryBudget.checkCommand(
                    data.count + scan.scalars * MemoryBudget.bytesPerParsedNumber,
                    for: "parsing the \(scan.scalars) values in '\(path)'",
                    advice: "a snapshot of the largest session dropout allows fits; this file is not one")
            } catch let shape as JSONStructureScan.TooLarge {
                throw CommandError(
                    "cannot load '\(path)': it \(shape.what), which no snapshot does; nothing was changed")
            } catch let duplicate as JSONStructureScan.DuplicateKey {
                throw CommandError(
                    "cannot load '\(path)': the key '\(duplicate.name)' appears twice in one object "
                        + "(the second at byte \(duplicate.offset)); a snapshot names each field once; nothing "
                        + "was changed"
                )
            }
            let snapshot: Snapshot
            do {
                snapshot = try JSONDecoder().decode(Snapshot.self, from: data)
            } catch let refused as SettingError {
                throw Snapshot.invalid(path, refused)
            } catch {
                throw CommandError("cannot load '\(path)': it is not a complete dropout snapshot (\(describe(error)))")
            }
            session = try context.interruptible("load") { try snapshot.restore(from: path, interrupted: $0) }
            context.say(
                "loaded \(path): iteration \(session.iteration), data \(session.dataSpec.description), "
                    + "hidden \(session.settings.hiddenWidth)")
        })

    /// A decoding error in one line, naming the field.
    private static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "invalid JSON" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\(path(context).isEmpty ? "" : path(context) + ".")\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at '\(path(context))'"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "bad value at '\(path(context))'"
        @unknown default: return "invalid JSON"
        }
    }
}
