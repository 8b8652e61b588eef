/// One segment of the input as ICU's word break iterator cut it, with offsets into the original text
/// and a normalized view for matching. Whitespace and line breaks are tokens too, so the stream covers
/// the input without gaps.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word, number, punct, space, newline
    }

    /// Facts about the letters of a token that rules test often, computed once.
    public struct Shape: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// The first letter is uppercase ("Kantor", "UKK", "dr" is not).
        public static let initialUpper = Shape(rawValue: 1 << 0)
        /// Has letters and all of them are uppercase ("UKK", "TPI", "S.H").
        public static let allUpper = Shape(rawValue: 1 << 1)
        public static let hasLetter = Shape(rawValue: 1 << 2)
        public static let hasDigit = Shape(rawValue: 1 << 3)
        /// Only ASCII digits ("2024", "05").
        public static let digitsOnly = Shape(rawValue: 1 << 4)
        /// The first significant token of a sentence (ICU sentence break, corrected for abbreviations).
        public static let sentenceStart = Shape(rawValue: 1 << 5)
        /// The first significant token of a line.
        public static let lineStart = Shape(rawValue: 1 << 6)
    }

    public let kind: Kind
    public internal(set) var shape: Shape
    /// Offsets in Unicode scalars into the input; `end` is exclusive.
    public let start: Int
    public let end: Int
    /// The same span in UTF-16 code units (ICU's offsets).
    let utf16Start: Int
    let utf16End: Int
    /// The same span in UTF-8 bytes.
    let utf8Start: Int
    let utf8End: Int
    /// The text exactly as written.
    public let text: String
    /// Lowercased, NFC, with typographic variants folded: curly quotes and apostrophes to straight ones,
    /// dash variants to "-", NBSP and other spaces to " ". Offsets always refer to `text`.
    public let norm: String
    /// For `.newline` tokens: how many line breaks the whitespace holds (2 or more is a blank line).
    public let lineBreaks: Int
    /// `norm`'s id in the extractor's `Vocabulary`, or -1 when no lexicon or rule names the word.
    public internal(set) var word: Int32 = -1

    public var isSpace: Bool { kind == .space || kind == .newline }
    public var isWord: Bool { kind == .word }
    public var isNumber: Bool { kind == .number }
    public var isPunct: Bool { kind == .punct }
}
