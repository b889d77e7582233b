/// The one list of commands: dispatch, `help`, Tab completion and the checking of script lines
/// all read it.
public enum CommandRegistry {
    static let all: [CommandSpec] = [
        SettingsCommands.set, SettingsCommands.get, TrainingCommands.reset, TrainingCommands.step,
        InspectionCommands.show, InspectionCommands.eval,
        SnapshotCommands.save, SnapshotCommands.load,
        GradientCheckCommand.gradcheck, EnsembleCommand.ensemble, RedundancyCommand.redundancy, CompareCommand.compare,
        ExpectCommand.expect, TranscriptCommands.export,
        CourseCommands.lessons, CourseCommands.lesson, CourseCommands.answer, CourseCommands.resume,
        SessionCommands.run, SessionCommands.history, SessionCommands.help, SessionCommands.quit,
    ]

    /// Every name a learner can type first on a line, aliases included.
    public static var names: [String] { all.flatMap { [$0.name] + $0.aliases } }

    static func command(named name: String) throws -> CommandSpec {
        if let command = all.first(where: { $0.name == name || $0.aliases.contains(name) }) { return command }
        throw CommandError(
            "unknown command '\(name)'\(Suggestions.hint(for: name, in: names)); "
                + "type 'help' for the list of commands")
    }
}
