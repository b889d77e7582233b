/// The memory dropout lets one process use, in fixed shares, so that every limit can be checked
/// before anything is allocated and an error never depends on what happened earlier in the
/// session (a replayed transcript meets the same limits): the session itself, the transcript's
/// stored output, and the working memory of the one command that is running (all of
/// `compare`'s runs together, a snapshot being read and parsed). 4 GiB in all.
public enum MemoryBudget {
    public static let mebibyte = 1024 * 1024
    /// The session's matrices: `SizeLimits.elements` doubles.
    static let sessionBytes = SizeLimits.elements * MemoryLayout<Double>.size
    /// The output a transcript keeps for `export`; beyond it, outputs are summarised.
    public static let transcriptBytes = 512 * mebibyte
    /// One command's own memory beyond the session: enough to load the snapshot of the largest
    /// session (about 32 Mi numbers, 48 bytes each while parsed, plus the file).
    static let commandBytes = 3 * 1024 * mebibyte
    static let totalBytes = sessionBytes + transcriptBytes + commandBytes

    /// What Foundation's JSONDecoder holds per number while it parses a snapshot (measured: a
    /// file of 5 million numbers peaks at 256 MB of resident memory).
    static let bytesPerParsedNumber = 48
    /// The longest file of commands or lesson `run` reads: far beyond any lesson.
    public static let scriptBytes = 64 * mebibyte

    /// "1.5 GiB" or "320 MiB", for errors.
    public static func describe(_ bytes: Int) -> String {
        let gibibyte = 1024 * mebibyte
        guard bytes >= gibibyte else { return String((bytes + mebibyte - 1) / mebibyte) + " MiB" }
        return bytes % gibibyte == 0
            ? "\(bytes / gibibyte) GiB" : String(format: "%.1f GiB", Double(bytes) / Double(gibibyte))
    }

    /// Refuses `bytes` of working memory for `what` when they exceed the command's share.
    static func checkCommand(_ bytes: Int, for what: String, advice: String) throws {
        guard bytes <= commandBytes else {
            throw CommandError(
                "\(what) would need about \(describe(bytes)) of memory; one command may use at most "
                    + "\(describe(commandBytes)) (dropout's whole budget is \(describe(totalBytes))): \(advice)")
        }
    }
}
