import Testing
@testable import Warta

/// The name tagger (`Sources/Warta/Names/`): its scores are the weights of the features that `warta name-features`
/// writes for training, its model file is read strictly, and its cache never changes a result.
struct NameTaggerTests {
    private var tagger: NameTagger { warta.pipeline.names.tagger }

    /// Every scored position's scores equal the sum of the weights of its written features (what the model file
    /// names and the trainer saw), on every corpus text: hashing, caching and summing by contribution change nothing.
    @Test func scoresAreTheWeightsOfTheWrittenFeatures() throws {
        let model = tagger.model
        let n = model.labels.count
        var checked = 0
        for name in corpusTextNames() {
            let text = try #require(readText(repositoryRoot + "/Corpus/" + name))
            let tokens = warta.tokenize(text).tokens
            for (segment, free, scores) in tagger.emissions(tokens, scratch: NameScratch()) {
                let segmentTokens = segment.map { tokens[$0] }
                for i in segment.indices where free[i] {
                    var expected = [Float](repeating: 0, count: n)
                    for feature in tagger.features.strings(at: i, in: segmentTokens) {
                        if let w = model.weights(of: NameFeatures.key(written: feature)) { for l in 0..<n { expected[l] += w[l] } }
                    }
                    for l in 0..<n {
                        #expect(abs(scores[i * n + l] - expected[l]) < 1e-3, "\(name): \(segmentTokens[i].text) label \(model.labels[l])")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 5_000)
    }

    /// A scratch that has seen other documents gives the same names as a fresh one.
    @Test func theCacheChangesNoResult() throws {
        let names = corpusTextNames()
        let texts = try names.map { try #require(readText(repositoryRoot + "/Corpus/" + $0)) }
        let shared = NameScratch()
        for text in texts + texts.reversed() {
            let tokens = warta.tokenize(text).tokens
            let fresh = tagger.tag(tokens, scratch: NameScratch())
            let reused = tagger.tag(tokens, scratch: shared)
            #expect(fresh.persons == reused.persons && fresh.organizations == reused.organizations)
        }
    }

    @Test func namesWithoutACueAreTagged() {
        let text = "Harun pergi ke Singapura pada Senin."
        let tokens = warta.tokenize(text).tokens
        let tags = tagger.tag(tokens, scratch: NameScratch())
        #expect(tags.persons.map { warta.tokenize(text).text(tokens: $0) } == ["Harun"])
    }

    /// Sentences without a capital after their first word are not scored at all.
    @Test func lowercaseSentencesAreNotScored() {
        let tokens = warta.tokenize("rapat ini dibuka pada pagi hari dan berjalan lancar.").tokens
        #expect(tagger.emissions(tokens, scratch: NameScratch()).isEmpty)
    }

    @Test func theModelFileIsReadStrictly() {
        let good = "# a comment\nlabels\tO\tB-PER\ntransition\tO\t0:100 1:-50\ntransition\tB-PER\t\nw[0]=budi\t1:1250\n"
        let model = try? NameModel(text: good, location: "m.txt")
        #expect(model?.featureCount == 1)
        #expect(model?.weights(of: NameFeatures.key(written: "w[0]=budi")) == [0, 1.25])
        #expect(model?.transitions == [0.1, -0.05, 0, 0])
        #expect(throws: ModelError(file: "m.txt", line: 1, message: "the labels line must come first")) {
            try NameModel(text: "w[0]=budi\t1:1250\n", location: "m.txt")
        }
        #expect(throws: ModelError(file: "m.txt", line: 2, message: "malformed weights (label:thousandths ...)")) {
            try NameModel(text: "labels\tO\tB-PER\nw[0]=budi\t7:12\n", location: "m.txt")
        }
        #expect(throws: ModelError(file: "m.txt", line: nil, message: "the model needs a labels line and a transition line per label")) {
            try NameModel(text: "labels\tO\tB-PER\n", location: "m.txt")
        }
    }

    /// The features a token's hashed contributions stand for, written out, for the words the trainer would see.
    @Test func writtenFeaturesNameWordShapeAffixesAndFacts() {
        let tokens = warta.tokenize("kata Budi.").tokens.filter { !$0.isSpace }
        let features = tagger.features.strings(at: 1, in: tokens)
        #expect(features.contains("w[0]=budi"))
        #expect(features.contains("sh[0]=Xxx"))
        #expect(features.contains("p3[0]=bud") && features.contains("s2[0]=di") && features.contains("s3[0]=udi"))
        #expect(features.contains("f[-1]=speech-before"))
        #expect(features.contains("f[0]=name"))
        #expect(features.contains("last") == false && features.contains("pad[2]"))
    }
}
