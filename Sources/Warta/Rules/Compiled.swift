/// A pattern compiled against an extractor's lexicons and vocabulary: words become vocabulary ids and
/// lexicon names become the lexicons themselves, so matching does no string hashing.
struct CompiledElement: Sendable {
    indirect enum Test: Sendable {
        /// One of these vocabulary ids (sorted; usually a handful, searched linearly).
        case words([Int32])
        case exact(Set<String>)
        case lexicon(Lexicon)
        case kind(Token.Kind)
        case shape(Token.Shape)
        case check(@Sendable (Token) -> Bool)
        case any
        case not(Test)
        case group([CompiledElement])
        case either([CompiledElement])
    }

    let test: Test
    let min: Int
    let max: Int
    let name: String?
    let attached: Bool

    init(_ element: Element, _ lexicons: Lexicons) {
        test = CompiledElement.compile(element.test, lexicons)
        min = element.min
        max = element.max
        name = element.name
        attached = element.attached
    }

    private static func compile(_ test: Element.Test, _ lexicons: Lexicons) -> Test {
        switch test {
        case .word(let words): return .words(words.map { lexicons.vocabulary.intern($0) }.sorted())
        case .exact(let texts): return .exact(texts)
        case .lexicon(let name): return .lexicon(lexicons[name])
        case .kind(let kind): return .kind(kind)
        case .shape(let shape): return .shape(shape)
        case .check(_, let check): return .check(check)
        case .any: return .any
        case .not(let inner): return .not(compile(inner, lexicons))
        case .group(let elements): return .group(elements.map { CompiledElement($0, lexicons) })
        case .either(let elements): return .either(elements.map { CompiledElement($0, lexicons) })
        }
    }
}

extension CompiledElement.Test {
    /// Tests one token; nil for the tests that are not one-token tests.
    @inline(__always)
    func accepts(_ token: Token) -> Bool? {
        switch self {
        case .words(let ids): return token.word >= 0 && ids.contains(token.word)
        case .exact(let texts): return texts.contains(token.text)
        case .kind(let kind): return token.kind == kind
        case .shape(let shape): return token.kind != .punct && token.shape.isSuperset(of: shape)
        case .check(let check): return check(token)
        case .any: return true
        case .not(let inner):
            if case .lexicon(let lexicon) = inner { return lexicon.entry(forWord: token.word) == nil }
            return inner.accepts(token).map { !$0 } ?? true
        case .lexicon, .group, .either: return nil
        }
    }
}
