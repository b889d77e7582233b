/// `set` and `get`: the parameters of the network and of the display.
enum SettingsCommands {
    static let set = CommandSpec(
        name: "set", usage: "set NAME VALUE",
        summary: "change a parameter; with no arguments, list them all",
        details: [
            "Changing seed, hidden or data re-draws the weights from the seed (iteration 0);",
            "the others apply from the next step, on the same weights.",
            "data takes a name (xor, and, or), \(DatasetParsing.randomUsage), or \(DatasetParsing.shapeUsage).",
        ],
        example: "set dropout 0.5", arity: 0...Int.max, completion: .parameters,
        run: { session, arguments, context in
            guard let name = arguments.first else {
                context.console.emit(.table(listing(session)))
                return
            }
            let parameter = try Parameter.named(name)
            guard arguments.count > 1 else {
                throw CommandError("set \(name) needs a value: \(parameter.accepted)")
            }
            let message = try context.interruptible("set \(name)") {
                try parameter.apply(&session, Array(arguments.dropFirst()), $0)
            }
            context.say(message)
        })

    static let get = CommandSpec(
        name: "get", usage: "get [NAME]",
        summary: "print a parameter's value; with no arguments, every parameter and its meaning",
        example: "get dropout", arity: 0...1, completion: .parameters,
        run: { session, arguments, context in
            guard let name = arguments.first else {
                context.console.emit(.table(listing(session)))
                return
            }
            let parameter = try Parameter.named(name)
            context.say("\(parameter.name) = \(parameter.current(session))")
        })

    static func listing(_ session: Session) -> Table {
        Table(
            header: ["name", "value", "meaning"],
            rows: Parameter.all.map { [$0.name, $0.current(session), $0.meaning] })
    }
}
