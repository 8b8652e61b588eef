/// Cuts text into tokens with ICU's word break iterator and marks sentence starts with ICU's sentence
/// break iterator, corrected by Warta's own abbreviation list (CLDR has none for Indonesian).
///
/// The iterators are opened once per tokenizer and reused for every document; a tokenizer is not
/// thread-safe (hence `@unchecked Sendable`: `Extractor` hands each one to a single caller at a time).
public final class Tokenizer: @unchecked Sendable {
    private let words: BreakIterator
    private let sentences: BreakIterator
    private let abbreviations: Abbreviations
    /// The vocabulary as it stood when this tokenizer was made (complete: tokenizers are made after the
    /// extractor's rules are compiled). A value, so reading it needs no exclusivity check.
    private let vocabulary: WordTable?
    private var units: [UInt16] = []
    /// For tests: ask ICU about every candidate sentence boundary (see `isSentenceBoundary`).
    var askICUAlways = false
    /// The last sentence boundary ICU reported in the current document. Candidates come in text order, so
    /// walking the sentence iterator forward to each is linear in the text; `isBoundary` at an arbitrary
    /// offset walks back to a safe point first, which is quadratic on a long line without breaks.
    private var sentenceCursor = 0

    /// A tokenizer that numbers tokens by `vocabulary` (none when compiling lexicons themselves).
    init(abbreviations: Abbreviations, vocabulary: Vocabulary? = nil) throws {
        words = try BreakIterator(.word)
        sentences = try BreakIterator(.sentence)
        self.abbreviations = abbreviations
        self.vocabulary = vocabulary?.table
    }

    /// The tokens of `text`, covering it without gaps, with scalar offsets into `text`.
    public func tokenize(_ text: String) -> TokenizedText {
        var source = text
        var tokens: [Token] = []
        source.withUTF8 { utf8 in
            // Tokens keep 32-bit offsets; ICU cannot take more than 2^31 UTF-16 units either. Such input gets no tokens.
            guard utf8.count <= Int(Int32.max) else { return }
            let length = UTF16Buffer.fill(&units, from: utf8)
            units.withUnsafeBufferPointer { whole in
                tokens = segment(UnsafeBufferPointer(rebasing: whole[0..<length]), utf8)
            }
        }
        return TokenizedText(text: text, tokens: tokens, scalarCount: tokens.last?.end ?? 0)
    }

    /// The tokens of one document, as a plain loop (no closures capturing state, which would cost an
    /// exclusivity check per access).
    private func segment(_ buffer: UnsafeBufferPointer<UInt16>, _ utf8: UnsafeBufferPointer<UInt8>, sentences marking: Bool = true) -> [Token] {
        var tokens: [Token] = []
        do {
            try words.setText(buffer)
            if marking {
                try sentences.setText(buffer)
                sentenceCursor = sentences.first()
            }
        } catch {
            return tokens  // setText fails only for texts over 2^31 code units; such input gets no tokens
        }
        tokens.reserveCapacity(buffer.count / 3 + 4)
        var scalars = 0, utf8Offset = 0
        var start = words.first()
        while let end = words.next() {
            let status = words.ruleStatus
            // ICU's word rules count U+202F NARROW NO-BREAK SPACE as ExtendNumLet and glue the words around
            // it ("Nomor<NNBSP>8"); here it separates words, like every other space.
            if status != 0, end - start > 2, let first = buffer[start..<end].firstIndex(of: 0x202F) {
                var from = start
                for u in first..<end where buffer[u] == 0x202F {
                    if from < u { append(&tokens, buffer, utf8, from, u, Tokenizer.status(buffer[from..<u], else: status), &scalars, &utf8Offset) }
                    append(&tokens, buffer, utf8, u, u + 1, 0, &scalars, &utf8Offset)
                    from = u + 1
                }
                if from < end { append(&tokens, buffer, utf8, from, end, Tokenizer.status(buffer[from..<end], else: status), &scalars, &utf8Offset) }
            } else {
                append(&tokens, buffer, utf8, start, end, status, &scalars, &utf8Offset)
            }
            start = end
        }
        if marking { markLinesAndSentences(&tokens) }
        return tokens
    }

    @inline(__always)
    private func append(_ tokens: inout [Token], _ buffer: UnsafeBufferPointer<UInt16>, _ utf8: UnsafeBufferPointer<UInt8>,
                        _ start: Int, _ end: Int, _ status: Int32, _ scalars: inout Int, _ utf8Offset: inout Int) {
        // ICU cuts after every line break; one whitespace token per gap makes blank lines visible.
        if let last = tokens.indices.last, tokens[last].isSpace, !BreakIterator.isWord(status),
           Token.startsWithSpace(buffer[start]) {
            let merged = Token.make(buffer, utf8, tokens[last].utf16Start, end, status,
                                    scalarStart: tokens[last].start, utf8Start: tokens[last].utf8Start, vocabulary: nil)
            scalars = merged.end
            utf8Offset = merged.utf8End
            tokens[last] = merged
            return
        }
        let token = Token.make(buffer, utf8, start, end, status, scalarStart: scalars, utf8Start: utf8Offset, vocabulary: vocabulary)
        scalars = token.end
        utf8Offset = token.utf8End
        // Moved, not copied: a copy retained and released the token's two strings once per token.
        tokens.append(consume token)
    }

    /// The rule status of a part of a segment split at U+202F: a number, a word, or the segment's own.
    private static func status(_ units: Slice<UnsafeBufferPointer<UInt16>>, else whole: Int32) -> Int32 {
        if units.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return BreakIterator.WordStatus.number.lowerBound }
        if units.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x61 && $0 <= 0x7A || $0 >= 0xC0 }) {
            return BreakIterator.WordStatus.letter.lowerBound
        }
        return whole
    }

    /// The normalized words of each line, for compiling lexicon phrases. One ICU pass over all lines joined by
    /// line breaks (which always separate words) costs far less than one pass per entry at start-up.
    ///
    /// A line of ASCII letters and single spaces ("Kantor Imigrasi") needs no ICU: a run of letters is one
    /// word in ICU's rules and a space always breaks, so such lines are split on spaces and lowercased here.
    /// The others go through ICU in one pass (`LexiconTests` checks both ways agree on every built-in line).
    func norms(ofLines lines: [String]) -> [[String]] {
        var result = [[String]](repeating: [], count: lines.count)
        var others: [Int] = []
        for (i, line) in lines.enumerated() {
            if let words = Tokenizer.asciiWords(line) { result[i] = words } else { others.append(i) }
        }
        if others.isEmpty { return result }
        let segmented = icuNorms(ofLines: others.map { lines[$0] })
        // A line holding a line break of its own would shift the rows: then all lines go through ICU, as before.
        guard segmented.count == others.count else { return icuNorms(ofLines: lines) }
        for (k, i) in others.enumerated() { result[i] = segmented[k] }
        return result
    }

    /// The lowercased words of `line` if it is ASCII letters in words separated by single spaces, else nil.
    static func asciiWords(_ line: String) -> [String]? {
        var line = line
        return line.withUTF8 { bytes -> [String]? in
            guard let first = bytes.first, first != 0x20, bytes.last != 0x20 else { return nil }
            var words: [String] = []
            var start = 0
            for i in 0...bytes.count {
                if i < bytes.count, bytes[i] != 0x20 {
                    let b = bytes[i] | 0x20  // lowercase; only letters pass
                    guard b >= 0x61, b <= 0x7A else { return nil }
                    continue
                }
                if i == start { return nil }  // two spaces in a row
                words.append(String(unsafeUninitializedCapacity: i - start) { out in
                    for k in start..<i { out[k - start] = bytes[k] | 0x20 }
                    return i - start
                })
                start = i + 1
            }
            return words
        }
    }

    /// The same, every line through ICU.
    func icuNorms(ofLines lines: [String]) -> [[String]] {
        var result: [[String]] = []
        result.reserveCapacity(lines.count)
        var line: [String] = []
        var text = lines.joined(separator: "\n")
        var tokens: [Token] = []
        text.withUTF8 { utf8 in
            let length = UTF16Buffer.fill(&units, from: utf8)
            units.withUnsafeBufferPointer { whole in
                // Only words are wanted here: no sentence iterator, no sentence marks.
                tokens = segment(UnsafeBufferPointer(rebasing: whole[0..<length]), utf8, sentences: false)
            }
        }
        for token in tokens {
            if token.kind == .newline {
                result.append(line)
                line = []
                if token.lineBreaks > 1 { result += Array(repeating: [], count: token.lineBreaks - 1) }
            } else if !token.isSpace {
                line.append(token.norm)
            }
        }
        result.append(line)
        return result
    }

    private func markLinesAndSentences(_ tokens: inout [Token]) {
        // Through a buffer: an array subscript copies the token (and retains its two strings) at every read.
        tokens.withUnsafeMutableBufferPointer { tokens in
            var atLineStart = true
            var previous: Int? = nil  // index of the previous significant token
            for i in tokens.indices {
                if tokens[i].isSpace {
                    if tokens[i].kind == .newline { atLineStart = true }
                    continue
                }
                if atLineStart {
                    tokens[i].shape.insert([.lineStart, .sentenceStart])
                } else if let p = previous, tokens[p].kind == .punct, endsSentence(UnsafeBufferPointer(tokens), before: i, lastSignificant: p) {
                    tokens[i].shape.insert(.sentenceStart)
                }
                atLineStart = false
                previous = i
            }
        }
    }

    /// Whether a norm is one of the signs that end a sentence (".", "!", "?", "…").
    @inline(__always)
    private static func isTerminal(_ norm: String) -> Bool { norm == "." || norm == "!" || norm == "?" || norm == "…" }

    /// Whether a norm is one of the signs that may close a sentence after its terminal (a quote or bracket).
    @inline(__always)
    private static func isCloser(_ norm: String) -> Bool { norm == "\"" || norm == "'" || norm == ")" || norm == "]" }

    /// Whether a sentence starts at token `i`, given that `p` is the significant token before it.
    private func endsSentence(_ tokens: UnsafeBufferPointer<Token>, before i: Int, lastSignificant p: Int) -> Bool {
        var t = p
        while Tokenizer.isCloser(tokens[t].norm), t > 0 { t -= 1 }
        while t > 0, tokens[t].isSpace { t -= 1 }
        guard Tokenizer.isTerminal(tokens[t].norm) else { return false }
        // "Dr. Imam", "No. 12", "s.d. 20": the dot belongs to an abbreviation, not to the sentence.
        if tokens[t].norm == ".", t > 0, !tokens[t - 1].isSpace {
            switch abbreviations.kind(ofWordBeforeDot: tokens[t - 1]) {
            case nil: break
            case .prefix: return false
            case .suffix:
                // "..., S.H., M.H. Beliau memaparkan": a degree ends the sentence when a new one opens after it.
                guard tokens[i].shape.contains(.initialUpper), !abbreviations.isAbbreviation(at: i, in: tokens) else { return false }
            }
        }
        return isSentenceBoundary(tokens, i, after: t)
    }

    /// ICU's verdict on a sentence boundary before token `i`, after the terminal at `t`. The two common cases
    /// are settled without asking (asking costs a walk back over the sentence): a lowercase word after a
    /// period never starts a sentence (CLDR rule SB8), and a capitalized word after a terminal and a space
    /// always does (SB11). `askICUAlways` turns the shortcut off, for the test that checks it agrees.
    private func isSentenceBoundary(_ tokens: UnsafeBufferPointer<Token>, _ i: Int, after t: Int) -> Bool {
        // Only when nothing but whitespace lies between: quotes and brackets have rules of their own.
        if !askICUAlways, tokens[i].kind == .word, t + 1 < i, (t + 1..<i).allSatisfy({ tokens[$0].isSpace }),
           let first = tokens[i].text.unicodeScalars.first {
            if tokens[t].norm == ".", first.properties.isLowercase { return false }
            if first.properties.isUppercase { return true }
        }
        let offset = tokens[i].utf16Start
        while sentenceCursor < offset { sentenceCursor = sentences.next() ?? Int.max }
        return sentenceCursor == offset
    }
}

/// A document's text with its tokens.
public struct TokenizedText: Sendable {
    /// The document.
    public let text: String
    /// Its tokens, covering it without gaps.
    public let tokens: [Token]
    /// The length of `text` in Unicode scalars.
    public let scalarCount: Int
    /// Each token's vocabulary id (`Token.word`, -1 for a word no lexicon names), `TokenizedText.whitespace` or
    /// `TokenizedText.lineBreak` for whitespace: scans that look for a word or skip whitespace read these 4 bytes a
    /// token instead of the tokens themselves (72 bytes, about a cache line each).
    let words: [Int32]
    /// The entry of `words` for whitespace without a line break, and with one: both below every word's.
    static let whitespace: Int32 = -2
    static let lineBreak: Int32 = -3

    init(text: String, tokens: [Token], scalarCount: Int) {
        self.text = text
        self.tokens = tokens
        self.scalarCount = scalarCount
        words = tokens.map { $0.kind == .newline ? TokenizedText.lineBreak : $0.kind == .space ? TokenizedText.whitespace : $0.word }
    }

    /// The original text from token `from` through token `through - 1`, whitespace included.
    public func text(tokens range: Range<Int>) -> String {
        var out = ""
        for i in range { out += tokens[i].text }
        return out
    }
}

extension Token {
    /// A token from ICU's segment `start..<end` of the UTF-16 `buffer`; its text is taken from the same
    /// span of the document's UTF-8 bytes (`utf8`, from `utf8Start`), which is cheaper than transcoding.
    /// With `vocabulary`, the token's `word` is its norm's id there (spaces get none).
    fileprivate static func make(_ buffer: UnsafeBufferPointer<UInt16>, _ utf8: UnsafeBufferPointer<UInt8>,
                                 _ start: Int, _ end: Int, _ status: Int32, scalarStart: Int, utf8Start: Int,
                                 vocabulary: WordTable?) -> Token {
        let units = UnsafeBufferPointer(rebasing: buffer[start..<end])
        var utf8Count = 0
        var shape: Shape = []
        var scalarCount = 0
        var sawLetter = false, sawLower = false, sawUpper = false, digitsOnly = true, ascii = true
        var firstScalar: Unicode.Scalar? = nil
        var lineBreaks = 0
        var previousCR = false
        var u = 0
        while u < units.count {
            let unit = units[u]
            if unit < 0x80 {
                // ASCII, most of the text: one unit, one scalar, one UTF-8 byte.
                u += 1
                scalarCount += 1
                utf8Count += 1
                if firstScalar == nil { firstScalar = Unicode.Scalar(UInt8(unit)) }
                switch unit {
                case 0x41...0x5A:
                    if !sawLetter { shape.insert(.initialUpper) }
                    sawLetter = true
                    sawUpper = true
                    digitsOnly = false
                case 0x61...0x7A:
                    sawLetter = true
                    sawLower = true
                    digitsOnly = false
                case 0x30...0x39:
                    shape.insert(.hasDigit)
                case 0x0A:
                    if !previousCR { lineBreaks += 1 }
                    digitsOnly = false
                case 0x0D:
                    lineBreaks += 1
                    digitsOnly = false
                default:
                    digitsOnly = false
                }
                previousCR = unit == 0x0D
                continue
            }
            // Decode one scalar; ICU never cuts inside a surrogate pair.
            var value = UInt32(unit)
            if unit & 0xFC00 == 0xD800, u + 1 < units.count, units[u + 1] & 0xFC00 == 0xDC00 {
                value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[u + 1]) - 0xDC00)
                u += 2
            } else {
                u += 1
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            scalarCount += 1
            utf8Count += value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
            if firstScalar == nil { firstScalar = scalar }
            ascii = false
            digitsOnly = false
            previousCR = false
            let p = scalar.properties
            if p.isAlphabetic {
                if !sawLetter, p.isUppercase { shape.insert(.initialUpper) }
                sawLetter = true
                sawUpper = sawUpper || p.isUppercase
                sawLower = sawLower || p.isLowercase
            } else if p.numericType == .decimal {
                shape.insert(.hasDigit)
            }
            if value == 0x85 || value == 0x2028 || value == 0x2029 { lineBreaks += 1 }
        }
        if sawLetter { shape.insert(.hasLetter) }
        if sawUpper && !sawLower { shape.insert(.allUpper) }
        if digitsOnly && scalarCount > 0 { shape.insert(.digitsOnly) }

        // A single space is most of the whitespace between words: one string for all of them.
        let text = utf8Count == 1 && utf8[utf8Start] == 0x20
            ? " " : String(decoding: UnsafeBufferPointer(rebasing: utf8[utf8Start..<(utf8Start + utf8Count)]), as: UTF8.self)
        let kind: Kind
        if BreakIterator.WordStatus.number.contains(status) {
            kind = .number
        } else if BreakIterator.WordStatus.letter.contains(status) {
            kind = .word
        } else if let first = firstScalar, Token.isSpace(first) {
            kind = lineBreaks > 0 ? .newline : .space
        } else {
            kind = sawLetter ? .word : .punct
        }
        let norm: String
        var word: Int32 = -1
        if kind == .space || kind == .newline {
            norm = " "
        } else if ascii {
            // ASCII folds to its lowercase letters: made from the bytes, and looked up from the same bytes.
            let bytes = UnsafeBufferPointer(rebasing: utf8[utf8Start..<(utf8Start + utf8Count)])
            if sawUpper {
                norm = String(unsafeUninitializedCapacity: utf8Count) { out in
                    for k in 0..<utf8Count { out[k] = bytes[k] >= 0x41 && bytes[k] <= 0x5A ? bytes[k] | 0x20 : bytes[k] }
                    if let vocabulary { word = vocabulary.id(UnsafeBufferPointer(rebasing: out[0..<utf8Count])) }
                    return utf8Count
                }
            } else {
                norm = text
                if let vocabulary { word = vocabulary.id(bytes) }
            }
        } else {
            norm = Token.fold(NFC.normalized(units) ?? text)
            if let vocabulary { word = vocabulary.id(norm) }
        }
        return Token(kind: kind, shape: shape, start: scalarStart, end: scalarStart + scalarCount,
                     utf16Start: start, utf16End: end, utf8Start: utf8Start, utf8End: utf8Start + utf8Count,
                     text: text, norm: norm, lineBreaks: lineBreaks, word: word)
    }

    /// Whether a segment starting with this UTF-16 unit is whitespace (see `isSpace`).
    @inline(__always)
    static func startsWithSpace(_ unit: UInt16) -> Bool { Unicode.Scalar(unit).map(isSpace) ?? false }

    /// Whitespace, and the invisible joiners that ICU leaves between words.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return scalar.properties.isWhitespace || v == 0x2060 || v == 0xFEFF
    }

    /// Lowercases and folds typographic variants, so rules and lexicons need to name only one form.
    static func fold(_ text: String) -> String {
        // ASCII has nothing to fold but case.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x60 }) { return text.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: out.append("\"")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: out.append("-")
            case 0x00A0, 0x2007, 0x202F, 0x2000...0x200A: out.append(" ")
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
