/// The pipeline stage that runs the name tagger once per document, before the extractors that use its
/// evidence (organizations, persons).
struct NameStage: FieldExtractor {
    let tagger: NameTagger
    var name: String { "names" }
    var rules: [RuleInfo] { [] }

    init(lexicons: Lexicons) {
        self.init(lexicons: lexicons, vocabulary: PersonVocabulary(lexicons))
    }

    init(lexicons: Lexicons, vocabulary: PersonVocabulary) {
        tagger = NameTagger(features: NameFeatures(lexicons: lexicons, vocabulary: vocabulary), model: lexicons.nameModel,
                            vocabulary: lexicons.vocabulary)
    }

    func run(_ analysis: inout Analysis) {
        analysis.names = tagger.tag(analysis.text.tokens, scratch: analysis.scratch ?? NameScratch())
    }
}

/// One token the name tagger reads, with the features it computes there (`Extractor.nameFeatures`).
public struct NameFeatureToken: Sendable {
    /// Offsets in Unicode scalars, end exclusive.
    public let start: Int
    /// Offset one past the last scalar.
    public let end: Int
    /// The features, written as the model file names them ("w[-1]=kata").
    public let features: [String]
}

extension Extractor {
    /// For training the name tagger (`scripts/train-names`): each segment the tagger reads in `text` (a sentence
    /// or a line), with every token's offsets and features.
    public func nameFeatures(_ text: String) -> [[NameFeatureToken]] {
        let tokens = tokenize(text).tokens
        let features = pipeline.names.tagger.features
        return NameTagger.segments(tokens).map { segment in
            let segmentTokens = segment.map { tokens[$0] }
            return segment.indices.map { k in
                NameFeatureToken(start: tokens[segment[k]].start, end: tokens[segment[k]].end,
                                 features: features.strings(at: k, in: segmentTokens))
            }
        }
    }
}
