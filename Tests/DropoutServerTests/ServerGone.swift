/// The served process stopped talking: no message in time, or its output closed.
struct ServerGone: Error, CustomStringConvertible {
    let description: String
}
