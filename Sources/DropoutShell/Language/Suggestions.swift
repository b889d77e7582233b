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
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// " (did you mean 'x'?)" or "" when nothing is close.
    static func hint(for word: String, in candidates: [String]) -> String {
        guard let best = nearest(to: word, in: candidates).first else { return "" }
        return " (did you mean '\(best)'?)"
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost one.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
