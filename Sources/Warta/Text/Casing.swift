/// Casing helpers for values a person would write in Title Case ("JAKARTA" -> "Jakarta").
enum Casing {
    /// Words written all in capitals become Title Case; words already in mixed case keep their case.
    /// In a phrase that also has a mixed-case word, a word in capitals is an acronym and stays
    /// ("Washington DC", "Kampus ITS"). Short particles ("dan", "di") inside the phrase stay lowercase.
    static func titleCase(_ phrase: String) -> String {
        let particles: Set<String> = ["dan", "di", "ke", "dari", "and", "of", "de", "van", "der"]
        let split = phrase.split(separator: " ", omittingEmptySubsequences: true)
        let hasMixedCase = split.contains { word in
            word.unicodeScalars.contains { $0.properties.isUppercase } && word.unicodeScalars.contains { $0.properties.isLowercase }
        }
        var words: [String] = []
        for (i, word) in split.enumerated() {
            let w = String(word)
            let letters = w.unicodeScalars.filter { $0.properties.isAlphabetic }
            let allUpper = !letters.isEmpty && letters.allSatisfy { !$0.properties.isLowercase }
            let allLower = !letters.isEmpty && letters.allSatisfy { !$0.properties.isUppercase }
            if i > 0, particles.contains(w.lowercased()) {
                words.append(w.lowercased())
            } else if allUpper && letters.count > 1 && !hasMixedCase || allLower {
                // "TANGERANG" -> "Tangerang"; "KOTA-BARU" -> "Kota-Baru"
                var out = ""
                var startOfWord = true
                for ch in w {
                    out += startOfWord ? ch.uppercased() : ch.lowercased()
                    startOfWord = ch == "-" || ch == "'"
                }
                words.append(out)
            } else {
                words.append(w)
            }
        }
        return words.joined(separator: " ")
    }

    /// The significant tokens' texts joined with single spaces (whitespace and line breaks collapsed).
    static func joined(_ tokens: ArraySlice<Token>) -> String {
        var out = ""
        var previous: Token? = nil
        for token in tokens {
            if token.isSpace { previous = token; continue }
            if let p = previous, p.isSpace, !out.isEmpty { out += " " }
            out += token.text
            previous = token
        }
        return out
    }
}
