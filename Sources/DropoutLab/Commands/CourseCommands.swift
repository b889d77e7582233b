/// `lessons`, `lesson`, `answer` and `resume`: the lessons as a course, taken in any order from
/// any working folder, with the answers a teacher can read.
enum CourseCommands {
    static let lessons = CommandSpec(
        name: "lessons", usage: "lessons",
        summary: "list the lessons, numbered, each with what it teaches",
        details: [
            "They are looked for in share/dropout/lessons beside the dropout binary (where 'make install'",
            "puts them: PREFIX/bin/dropout, PREFIX/share/dropout/lessons), then in the source tree the",
            "binary was built in, then in lessons/ of the working folder.",
            "Play one with 'lesson N' or 'lesson NAME'; each starts from a fresh session.",
        ],
        example: "lessons",
        run: { _, _, context in
            var table = Table(
                header: ["lesson", "name", "what it teaches"],
                rows: LessonLibrary.entries(in: try LessonLibrary.requiredFolder()).map {
                    [$0.number.map(String.init) ?? "", $0.name, LessonLibrary.title(of: $0)]
                })
            table.footer = [
                "",
                "Play one with 'lesson N' or 'lesson NAME' (Tab completes the names); "
                    + "afterwards 'answer' shows the answer to its question.",
            ]
            context.console.emit(.table(table))
        })

    static let lesson = CommandSpec(
        name: "lesson", usage: "lesson N|NAME",
        summary: "play a lesson by its number or name, from any working folder",
        details: [
            "NAME is the lesson's file name with or without its number and .md: 'lesson 3',",
            "'lesson classic-dropout' and 'lesson 03-classic-dropout' are the same lesson ('lessons' lists them).",
            "It plays as 'run' plays a lesson file: from a fresh session, your session set aside if it had",
            "work in it ('resume' brings it back), pausing before each block on a terminal.",
        ],
        example: "lesson 1", arity: 1...1, completion: .lessons,
        run: { session, arguments, context in
            let entry = try LessonLibrary.lesson(named: arguments[0])
            try context.fileAccess.check(entry.path, shownAs: arguments[0], verb: "run", writes: false)
            try SessionCommands.runFile(arguments[0], located: entry.path, session: &session, context: context)
        })

    static let answer = CommandSpec(
        name: "answer", usage: "answer",
        summary: "show the answer to the question of the lesson played last",
        details: [
            "Prints the answer's prose and runs its dropout block, if it has one, to check the answer.",
            "The block runs on a copy of your session: nothing you have changes.",
        ],
        example: "answer", runsInPlace: true,
        run: { session, _, context in
            try LessonAnswer.show(session: session, context: context)
        })

    static let resume = CommandSpec(
        name: "resume", usage: "resume",
        summary: "bring back the session a lesson set aside, setting the current one aside in its place",
        details: [
            "A lesson starts from a fresh session; when yours had work in it, it is set aside, not lost.",
            "'resume' swaps the two, so typing it again returns to the lesson's session.",
        ],
        example: "resume",
        run: { session, _, context in
            try LessonSessions.resume(&session, context: context)
        })
}
