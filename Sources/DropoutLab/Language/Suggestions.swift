/// "did you mean ...?" for near misses of a known word.
enum Suggestions {
    /// The known words within two edits of `word` (or starting with it), closest first.
    static func nearest(to word: String, in candidates: [String]) -> [String] {
        let lowered = word.lowercased()
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            if !lowered.isEmpty && candidate.hasPrefix(lowered) { return (candidate, 0) }
            let distance = editDistance(lowered, candidate)
            return distance <= max(1, min(2, lowered.count / 2)) ? (candidate, distance) : nil
        }
        // Ties go to the candidate that starts like the word: "xr" means "xor" rather than "or".
        func shared(_ candidate: String) -> Int { zip(candidate, lowered).prefix { $0 == $1 }.count }
        return scored.sorted { ($0.1, -shared($0.0), $0.0) < ($1.1, -shared($1.0), $1.0) }.map(\.0)
    }

    /// " (did you mean 'x'?)" or "" when nothing is close.
    static func hint(for word: String, in candidates: [String]) -> String {
        guard let best = nearest(to: word, in: candidates).first else { return "" }
        return " (did you mean '\(best)'?)"
    }

    /// Edit distance where insertions, deletions, substitutions and swaps of neighbours each cost
    /// one (optimal string alignment), since "stpe" is one slip from "step".
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
