/// A `run` file stopped at a failing line. Unlike a `CommandError`, the lines before it did
/// their work, and the session keeps it: their output has been printed and must stay true.
struct ScriptStopped: Error {
    let message: String
}
