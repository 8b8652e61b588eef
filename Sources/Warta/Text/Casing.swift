/// Casing helpers for values a person would write in Title Case ("JAKARTA" -> "Jakarta").
enum Casing {
    /// Words written all in capitals become Title Case; words already in mixed case keep their case.
    /// In a phrase that also has a mixed-case word, a word in capitals is an acronym and stays
    /// ("Washington DC", "Kampus ITS"). Short particles ("dan", "di") inside the phrase stay lowercase.
    static func titleCase(_ phrase: String) -> String {
        if let ascii = asciiTitleCase(phrase) { return ascii }
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

    /// Short particles that stay lowercase inside a phrase.
    private static let particles: Set<String> = ["dan", "di", "ke", "dari", "and", "of", "de", "van", "der"]

    /// `titleCase` for a phrase in plain ASCII (nearly all are), on its bytes: there a letter is A-Z or a-z and
    /// changing case is adding or removing 0x20, where the general path asks Unicode properties of every scalar
    /// and builds a string per character. Nil for any other phrase.
    private static func asciiTitleCase(_ phrase: String) -> String? {
        var phrase = phrase
        return phrase.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            @inline(__always) func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
            @inline(__always) func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
            // The words, as byte ranges, split on spaces as `split(separator: " ")` does.
            var words: [Range<Int>] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
                if i > start { words.append(start..<i) }
                start = i + 1
            }
            let hasMixedCase = words.contains { w in bytes[w].contains(where: isUpper) && bytes[w].contains(where: isLower) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for (k, w) in words.enumerated() {
                if k > 0 { out.append(0x20) }
                let word = bytes[w]
                let letters = word.filter { isUpper($0) || isLower($0) }.count
                let allUpper = letters > 0 && !word.contains(where: isLower)
                let allLower = letters > 0 && !word.contains(where: isUpper)
                if k > 0, particles.contains(String(decoding: word.map { isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)) {
                    out += word.map { isUpper($0) ? $0 | 0x20 : $0 }
                } else if allUpper && letters > 1 && !hasMixedCase || allLower {
                    // "TANGERANG" -> "Tangerang"; "KOTA-BARU" -> "Kota-Baru"
                    var startOfWord = true
                    for b in word {
                        out.append(startOfWord ? (isLower(b) ? b & ~0x20 : b) : (isUpper(b) ? b | 0x20 : b))
                        startOfWord = b == 0x2D || b == 0x27
                    }
                } else {
                    out += word
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
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
