/// One segment of the input as ICU's word break iterator cut it, with offsets into the original text
/// and a normalized view for matching. Whitespace and line breaks are tokens too, so the stream covers
/// the input without gaps.
public struct Token: Sendable, Hashable {
    // No raw type: equality on a plain enum compiles to a tag comparison, while a raw-typed enum's `==`
    // went through RawRepresentable and copied the whole token around each test.
    /// What a token is: a word, a number, punctuation, spaces, or whitespace holding a line break.
    public enum Kind: Sendable {
        case word, number, punct, space, newline
    }

    /// Facts about the letters of a token that rules test often, computed once.
    public struct Shape: OptionSet, Sendable, Hashable {
        /// The flags as bits.
        public let rawValue: UInt16
        /// Flags from their bits.
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// The first letter is uppercase ("Kantor", "UKK", "dr" is not).
        public static let initialUpper = Shape(rawValue: 1 << 0)
        /// Has letters and all of them are uppercase ("UKK", "TPI", "S.H").
        public static let allUpper = Shape(rawValue: 1 << 1)
        /// Has at least one letter.
        public static let hasLetter = Shape(rawValue: 1 << 2)
        /// Has at least one decimal digit.
        public static let hasDigit = Shape(rawValue: 1 << 3)
        /// Only ASCII digits ("2024", "05").
        public static let digitsOnly = Shape(rawValue: 1 << 4)
        /// The first significant token of a sentence (ICU sentence break, corrected for abbreviations).
        public static let sentenceStart = Shape(rawValue: 1 << 5)
        /// The first significant token of a line.
        public static let lineStart = Shape(rawValue: 1 << 6)
    }

    // The strings first and the offsets as 32-bit numbers: a token takes 72 bytes instead of 104, and every
    // extractor walks the whole token array (documents are limited to 2^31 UTF-16 units by ICU anyway).
    /// The text exactly as written.
    public let text: String
    /// Lowercased, NFC, with typographic variants folded: curly quotes and apostrophes to straight ones,
    /// dash variants to "-", NBSP and other spaces to " ". Offsets always refer to `text`.
    public let norm: String
    private let start32: Int32
    private let end32: Int32
    private let utf16Start32: Int32
    private let utf16End32: Int32
    private let utf8Start32: Int32
    private let utf8End32: Int32
    private let lineBreaks32: Int32
    /// `norm`'s id in the extractor's `Vocabulary`, or -1 when no lexicon or rule names the word.
    public internal(set) var word: Int32 = -1
    /// Letter case, digits, and sentence and line starts.
    public internal(set) var shape: Shape
    /// Word, number, punctuation, space or line break.
    public let kind: Kind

    /// Offsets in Unicode scalars into the input; `end` is exclusive.
    public var start: Int { Int(start32) }
    /// Offset one past the last scalar.
    public var end: Int { Int(end32) }
    /// The same span in UTF-16 code units (ICU's offsets).
    var utf16Start: Int { Int(utf16Start32) }
    var utf16End: Int { Int(utf16End32) }
    /// The same span in UTF-8 bytes.
    var utf8Start: Int { Int(utf8Start32) }
    var utf8End: Int { Int(utf8End32) }
    /// For `.newline` tokens: how many line breaks the whitespace holds (2 or more is a blank line).
    public var lineBreaks: Int { Int(lineBreaks32) }

    init(kind: Kind, shape: Shape, start: Int, end: Int, utf16Start: Int, utf16End: Int, utf8Start: Int, utf8End: Int,
         text: String, norm: String, lineBreaks: Int, word: Int32) {
        // Every offset fits: the tokenizer makes no tokens for input over 2^31 bytes, and a span's scalars and UTF-16
        // units are no more than its bytes.
        self.kind = kind
        self.shape = shape
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        utf16Start32 = Int32(truncatingIfNeeded: utf16Start)
        utf16End32 = Int32(truncatingIfNeeded: utf16End)
        utf8Start32 = Int32(truncatingIfNeeded: utf8Start)
        utf8End32 = Int32(truncatingIfNeeded: utf8End)
        self.text = text
        self.norm = norm
        lineBreaks32 = Int32(truncatingIfNeeded: lineBreaks)
        self.word = word
    }

    /// Whitespace, with or without a line break.
    public var isSpace: Bool {
        switch kind {
        case .space, .newline: return true
        case .word, .number, .punct: return false
        }
    }
    /// A word (letters, possibly with digits).
    public var isWord: Bool { kind == .word }
    /// A number as ICU segments it ("2024", "1.608.743").
    public var isNumber: Bool { kind == .number }
    /// Punctuation or a symbol.
    public var isPunct: Bool { kind == .punct }
}
